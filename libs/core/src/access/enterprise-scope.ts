import { HttpStatus } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';

import { Actor } from '../actor/actor';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-codes';

/**
 * Object-level scope: which enterprises an actor may see and change. The role → permission table
 * says whether a route may be called at all; these helpers say on which rows. They live in core
 * (not auth) so every domain lib — registry, cultivation, quotas, reports, importing, audit — can
 * use them without an import cycle. Roles are compared as strings: an actor may also be SYSTEM.
 *
 * Out-of-scope reads and writes by id or credit code answer 404 ENTERPRISE_NOT_FOUND, exactly as
 * for an enterprise that does not exist, so ids cannot be probed. Placing an enterprise in a
 * district one does not own (create, or move) answers 403 OUT_OF_SCOPE: the caller named the
 * district, so there is nothing to hide.
 */
export interface ScopedEnterprise {
  id: string;
  districtCode: string;
}

/** Roles that see and change every enterprise (SYSTEM is the CLI and seeds). */
const CITY_WIDE = new Set(['SYSTEM', 'ADMIN', 'BUREAU_STAFF', 'VIEWER']);

export function canReadEnterprise(actor: Actor, enterprise: ScopedEnterprise): boolean {
  if (CITY_WIDE.has(actor.role)) return true;
  if (actor.role === 'DISTRICT_STAFF') return actor.districtCodes.includes(enterprise.districtCode);
  if (actor.role === 'LIAISON') return actor.enterpriseIds.includes(enterprise.id);
  return false;
}

/** Writing needs the same scope as reading; the route's permission already says whether the role writes at all. */
export const canWriteEnterprise = canReadEnterprise;

const outOfScope = (key: string) =>
  AppException.notFound(ErrorCode.ENTERPRISE_NOT_FOUND, `找不到企业 ${key} (enterprise not found)`);

/** Throws 404 ENTERPRISE_NOT_FOUND when the actor may not read the enterprise. */
export function assertCanReadEnterprise(actor: Actor, enterprise: ScopedEnterprise, key = enterprise.id): void {
  if (!canReadEnterprise(actor, enterprise)) throw outOfScope(key);
}

/** Throws 404 ENTERPRISE_NOT_FOUND when the actor may not change the enterprise. */
export function assertCanWriteEnterprise(actor: Actor, enterprise: ScopedEnterprise, key = enterprise.id): void {
  if (!canWriteEnterprise(actor, enterprise)) throw outOfScope(key);
}

/** Throws 403 OUT_OF_SCOPE when a district officer names a district that is not theirs (create, move, list filter of writes). */
export function assertDistrictInScope(actor: Actor, districtCode: string, field = 'districtCode'): void {
  if (actor.role !== 'DISTRICT_STAFF' || actor.districtCodes.includes(districtCode)) return;
  const message = `只能处理本人负责区县(${actor.districtCodes.join('、') || '无'})的企业,不能使用 ${districtCode} (district outside your scope)`;
  throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.OUT_OF_SCOPE, message, [{ field, code: ErrorCode.OUT_OF_SCOPE, message }]);
}

/**
 * SQL condition restricting rows to the actor's enterprises, for raw queries: `alias` is the SQL
 * alias of an enterprise row (or any table with `id`/`district_code` columns of the enterprise).
 * Returns `TRUE` for city-wide roles and `FALSE` for roles with no enterprise scope.
 */
export function enterpriseScopeCondition(alias: string, actor: Actor): { sql: string; params: Record<string, unknown> } {
  if (CITY_WIDE.has(actor.role)) return { sql: 'TRUE', params: {} };
  const name = `scope_${alias.replace(/\W/g, '_')}`;
  if (actor.role === 'DISTRICT_STAFF') return { sql: `${alias}.district_code = ANY(:${name})`, params: { [name]: actor.districtCodes } };
  if (actor.role === 'LIAISON') return { sql: `${alias}.id = ANY(:${name})`, params: { [name]: actor.enterpriseIds } };
  return { sql: 'FALSE', params: {} };
}

/**
 * Restricts any query builder that has the `enterprise` table joined (or selected) as `alias`:
 * DISTRICT_STAFF to their districts, LIAISON to their bound enterprises, others unrestricted.
 *   qb.innerJoin('enterprise', 'e', 'e.id = d.enterprise_id'); applyEnterpriseScope(qb, 'e', actor);
 */
export function applyEnterpriseScope<T extends object>(qb: SelectQueryBuilder<T>, alias: string, actor: Actor): SelectQueryBuilder<T> {
  const { sql, params } = enterpriseScopeCondition(alias, actor);
  if (sql !== 'TRUE') qb.andWhere(sql, params);
  return qb;
}
