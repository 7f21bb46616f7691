import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  /** The request field that is wrong, as a dotted path */
  field: string;
  /** Stable code of this field's problem */
  code: string;
  /** What is wrong, for a clerk to act on */
  message: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;
  @ApiProperty({ example: '请求参数有误' })
  message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
  /** Extra facts for a client, e.g. the current version on a conflict */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
  /** Correlation id of the request, also sent as the x-request-id header */
  requestId?: string;
}
