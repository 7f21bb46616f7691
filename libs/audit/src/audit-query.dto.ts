import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { PageQueryDto } from '@app/core';

export class AuditQueryDto extends PageQueryDto {
  /** e.g. enterprise, enterprise_figure, change_request, user */
  @IsOptional()
  @Matches(/^[a-z_]{1,60}$/, { message: 'entityType 形如 enterprise、change_request' })
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  /** Rows about this enterprise, its figures, change requests and other records */
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  /** Username of the actor */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  /** Exact action (enterprise.update) or a prefix ending in .* (change_request.*) */
  @IsOptional()
  @Matches(/^[a-z_.]+(\.\*)?$/, { message: 'action 形如 enterprise.update 或 change_request.*' })
  action?: string;

  /** From this time on (ISO 8601) */
  @IsOptional()
  @IsISO8601({}, { message: 'from 应为 ISO 8601 时间' })
  from?: string;

  /** Before this time (ISO 8601) */
  @IsOptional()
  @IsISO8601({}, { message: 'to 应为 ISO 8601 时间' })
  to?: string;
}

export class AuditEntryDto {
  id: string;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  enterpriseId: string | null;
  /** Changed fields before the change (a diff) */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  /** Changed fields after the change (a diff) */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
  /** Correlation id of the request (x-request-id) */
  requestId: string | null;
}
