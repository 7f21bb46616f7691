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

// A field's value: text, number, boolean, a list or an object (any JSON), or null. The null rides on the
// string branch: `nullable` beside `oneOf` would make Nest keep `type: object` for the whole property.
const ANY_VALUE = {
  oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true }],
};

/** One changed field of an audit row, ready for a sentence: "王科员 将 注册资本 由 3,040万元 改为 2,000万元" */
export class AuditChangeDto {
  /** API field name, e.g. registeredCapitalYuan */
  field: string;
  /** Dictionary key, `<entityType>.<field>`, e.g. enterprise.registeredCapitalYuan */
  key: string;
  /** 字段中文名, e.g. 注册资本 */
  label: string;
  /** Unit of the values (元, 亩 …), when the field has one */
  unit?: string;
  /** The value before (null when there was none, e.g. on creation) */
  @ApiProperty({ ...ANY_VALUE, description: 'The value before (null when there was none, e.g. on creation)' })
  before: unknown;
  /** The value after (null when cleared) */
  @ApiProperty({ ...ANY_VALUE, description: 'The value after (null when cleared)' })
  after: unknown;
}

export class AuditEntryDto {
  id: string;
  /** When, as an ISO 8601 timestamp with its offset (UTC, `Z`); show it in Beijing time */
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  /** The actor's display name now (their username when they have none; 系统 for the system) */
  actorDisplayName: string | null;
  actorRole: string | null;
  action: string;
  /** The action in Chinese, e.g. 修改了企业信息 */
  actionLabel: string;
  entityType: string;
  /** The entity type in Chinese, e.g. 企业 */
  entityTypeLabel: string;
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
  /** The labelled fields that changed (before → after), in the dictionary's order; empty for rows without a field diff */
  changes: AuditChangeDto[];
}
