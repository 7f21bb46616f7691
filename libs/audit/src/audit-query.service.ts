import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor, enterpriseScopeCondition, FIELD_LABELS, FieldLabel, Paginated, paginated, parseSort } from '@app/core';

import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './audit-actions';
import { AuditLogEntity } from './audit-log.entity';
import { AuditChangeDto, AuditEntryDto, AuditQueryDto } from './audit-query.dto';

/** The labelled fields whose value differs between before and after, in the field table's order. */
export function auditChanges(entityType: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChangeDto[] {
  const labels: Record<string, FieldLabel> = (FIELD_LABELS as Record<string, Record<string, FieldLabel>>)[entityType] ?? {};
  const changes: AuditChangeDto[] = [];
  for (const [field, { label, unit }] of Object.entries(labels)) {
    if (!(before && field in before) && !(after && field in after)) continue;
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({ field, key: `${entityType}.${field}`, label, ...(unit ? { unit } : {}), before: was, after: now });
  }
  return changes;
}

function toDto(row: AuditLogEntity, names: Map<string, string>): AuditEntryDto {
  return {
    ...row,
    actorDisplayName: row.actorId ? (names.get(row.actorId) ?? row.actorUsername) : row.actorUsername === 'system' ? '系统' : row.actorUsername,
    actionLabel: AUDIT_ACTION_LABELS[row.action] ?? row.action,
    entityTypeLabel: AUDIT_ENTITY_LABELS[row.entityType] ?? row.entityType,
    changes: auditChanges(row.entityType, row.before as Record<string, unknown> | null, row.after as Record<string, unknown> | null),
  };
}

/** Reads the audit trail; a district officer sees only rows about enterprises in their districts. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: AuditQueryDto): Promise<Paginated<AuditEntryDto>> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    const scope = enterpriseScopeCondition('e', actor);
    if (scope.sql !== 'TRUE') {
      // Rows not tied to an enterprise (logins, users, seeds) are city-level and stay hidden from scoped roles.
      qb.innerJoin('enterprise', 'e', 'e.id = a.enterprise_id').andWhere(scope.sql, scope.params);
    }
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.enterpriseId) qb.andWhere('a.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    if (query.actor) qb.andWhere('a.actor_username = :actor', { actor: query.actor });
    if (query.action?.endsWith('.*')) qb.andWhere('a.action LIKE :action', { action: query.action.slice(0, -1) + '%' });
    else if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.at < :to', { to: new Date(query.to) });
    const [column, direction] = parseSort(query.sort, { at: 'a.at' }, 'a.at DESC').split(' ');
    qb.orderBy(column, direction as 'ASC' | 'DESC').addOrderBy('a.id', direction as 'ASC' | 'DESC');
    qb.skip((query.page - 1) * query.pageSize).take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const names = await this.displayNames(rows);
    return paginated(rows.map((row) => toDto(row, names)), query.page, query.pageSize, total);
  }

  /** Actors' display names (the name a history sentence starts with), read from the users table in one query. */
  private async displayNames(rows: AuditLogEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
    if (!ids.length) return new Map();
    const users: { id: string; name: string }[] = await this.dataSource.query(
      "SELECT id, COALESCE(NULLIF(display_name, ''), username) AS name FROM app_user WHERE id = ANY($1::uuid[])",
      [ids],
    );
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
