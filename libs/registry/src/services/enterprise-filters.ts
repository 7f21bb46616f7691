import { SelectQueryBuilder } from 'typeorm';

import { ListEnterprisesQueryDto } from '../dto/list-enterprises.query.dto';
import { applyCultivationFilters } from './enterprise-cultivation-filters';
import { applySearch } from './enterprise-search';

/**
 * The enterprise list's filters, shared by the list and its export so both always select the same
 * rows. The enterprise must be aliased `e` (the cultivation filters name it).
 */
export function applyEnterpriseFilters<T extends object>(qb: SelectQueryBuilder<T>, query: ListEnterprisesQueryDto): SelectQueryBuilder<T> {
  if (query.archived !== undefined) qb.andWhere('e.archived = :archived', { archived: query.archived });
  else if (!query.includeArchived) qb.andWhere('e.archived = false');
  if (query.districtCode) qb.andWhere('e.district_code = :district', { district: query.districtCode });
  if (query.industryCode) {
    if (/^[A-T]$/.test(query.industryCode)) qb.andWhere('e.industry_section = :section', { section: query.industryCode });
    else qb.andWhere('e.industry_code LIKE :industry', { industry: `${query.industryCode}%` });
  }
  if (query.status) qb.andWhere('e.status = :status', { status: query.status });
  if (query.aboveScale !== undefined) qb.andWhere('e.above_scale = :aboveScale', { aboveScale: query.aboveScale });
  if (query.q) applySearch(qb, 'e', query.q);
  applyCultivationFilters(qb, query);
  return qb;
}
