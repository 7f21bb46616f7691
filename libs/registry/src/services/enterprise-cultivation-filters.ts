import { SelectQueryBuilder } from 'typeorm';

import { effectiveStatusSql, todayInChina } from '@app/core';

import { ListEnterprisesQueryDto } from '../dto/list-enterprises.query.dto';

/**
 * Designation and chain filters as EXISTS subqueries on the cultivation tables (plain SQL, so the
 * registry needs none of the cultivation services). The status is read as of today in Ningbo: a
 * RECOGNISED designation past its expiry date counts as EXPIRED, as in the designations API.
 */
export function applyCultivationFilters<T extends object>(qb: SelectQueryBuilder<T>, query: ListEnterprisesQueryDto): void {
  if (query.designationType || query.designationStatus) {
    const conditions = ['d.enterprise_id = e.id'];
    if (query.designationType) conditions.push('d.type = :designationType');
    if (query.designationStatus) {
      conditions.push(`${effectiveStatusSql('d', 'designationToday')} = :designationStatus`);
    }
    qb.andWhere(`EXISTS (SELECT 1 FROM designation d WHERE ${conditions.join(' AND ')})`, {
      designationType: query.designationType,
      designationStatus: query.designationStatus,
      designationToday: todayInChina(),
    });
  }
  if (query.chainId) {
    qb.andWhere('EXISTS (SELECT 1 FROM chain_membership cm WHERE cm.enterprise_id = e.id AND cm.chain_id = :chainId)', { chainId: query.chainId });
  }
}
