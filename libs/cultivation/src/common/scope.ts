import { Actor, enterpriseScopeCondition } from '@app/core';

/**
 * enterpriseScopeCondition for the raw `$n` queries of this lib: appends the scope's parameter to
 * `params` and returns the condition with positional placeholders ('TRUE' for city-wide roles).
 */
export function scopeSql(alias: string, actor: Actor, params: unknown[]): string {
  const { sql, params: named } = enterpriseScopeCondition(alias, actor);
  return Object.entries(named).reduce((text, [name, value]) => text.replace(`:${name}`, `$${params.push(value)}`), sql);
}

export const isCityWide = (actor: Actor): boolean => enterpriseScopeCondition('e', actor).sql === 'TRUE';

/** What a scoped aggregate covers, so a district officer reading totals knows they are their district's share. */
export interface ScopeDescription {
  cityWide: boolean;
  districtCodes: string[] | null;
  enterpriseIds: string[] | null;
}

export function describeScope(actor: Actor): ScopeDescription {
  if (isCityWide(actor)) return { cityWide: true, districtCodes: null, enterpriseIds: null };
  if (actor.role === 'DISTRICT_STAFF') return { cityWide: false, districtCodes: [...actor.districtCodes], enterpriseIds: null };
  if (actor.role === 'LIAISON') return { cityWide: false, districtCodes: null, enterpriseIds: [...actor.enterpriseIds] };
  return { cityWide: false, districtCodes: [], enterpriseIds: [] };
}
