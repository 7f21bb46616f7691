import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor, enterpriseScopeCondition, Paginated, paginated, parseSort } from '@app/core';

import { AuditLogEntity } from './audit-log.entity';
import { AuditEntryDto, AuditQueryDto } from './audit-query.dto';

const toDto = (row: AuditLogEntity): AuditEntryDto => ({ ...row });

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
    return paginated(rows.map(toDto), query.page, query.pageSize, total);
  }
}
