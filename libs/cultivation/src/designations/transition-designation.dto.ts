import { IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

import { DesignationStatus } from '@app/core';

export class TransitionDesignationDto {
  @IsEnum(DesignationStatus)
  toStatus: DesignationStatus;

  /** Day the change takes effect (defaults to today; not after today, not before the last change) */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveOn 应为日期 YYYY-MM-DD' })
  effectiveOn?: string;

  /** Why (e.g. 复核通过, 工信部撤销通知); kept in the history */
  @IsString()
  @IsNotEmpty({ message: 'reason 必填,请说明变更原因' })
  @MaxLength(1000)
  reason: string;

  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}
