import { Actor, canReadEnterprise, enterpriseScopeCondition, ScopedEnterprise } from '@app/core';

const isCityWide = (actor: Actor): boolean => enterpriseScopeCondition('e', actor).sql === 'TRUE';

/**
 * Who sees and changes a land block: city-wide roles every block, district officers their districts' blocks,
 * liaisons none (a block is not their firm's). Write routes additionally need REMEDIATION_WRITE.
 */
export function canReachBlock(actor: Actor, block: { districtCode: string }): boolean {
  if (isCityWide(actor)) return true;
  if (actor.role === 'DISTRICT_STAFF') return actor.districtCodes.includes(block.districtCode);
  return false;
}

/** A case's subject: its enterprise (same scope as the enterprise) or its block. */
export function canReachCase(actor: Actor, subject: { enterprise: ScopedEnterprise | null; block: { districtCode: string } | null }): boolean {
  if (subject.enterprise) return canReadEnterprise(actor, subject.enterprise);
  return subject.block ? canReachBlock(actor, subject.block) : false;
}

/**
 * SQL twin of `canReachCase` over a case row `c` left-joined to its enterprise `e` and block `b`; appends the
 * scope's parameter to `params` and returns a condition with a positional placeholder.
 */
export function caseScopeSql(actor: Actor, params: unknown[]): string {
  if (isCityWide(actor)) return 'TRUE';
  if (actor.role === 'DISTRICT_STAFF') return `coalesce(e.district_code, b.district_code) = ANY($${params.push(actor.districtCodes)}::text[])`;
  if (actor.role === 'LIAISON') return `c.enterprise_id = ANY($${params.push(actor.enterpriseIds)}::uuid[])`;
  return 'FALSE';
}

/** SQL twin of `canReachBlock` over a block row `b`. */
export function blockScopeSql(actor: Actor, params: unknown[]): string {
  if (isCityWide(actor)) return 'TRUE';
  if (actor.role === 'DISTRICT_STAFF') return `b.district_code = ANY($${params.push(actor.districtCodes)}::text[])`;
  return 'FALSE';
}
