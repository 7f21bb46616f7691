import { Actor } from '@app/core';

import { ProjectStage, STAGE_ORDER } from '../project-enums';

/**
 * Object scope of a project: district officers their districts (the project's district), liaisons the
 * projects of their own enterprises, other roles the city. Out of scope reads as not found.
 */
const CITY_WIDE = new Set(['SYSTEM', 'ADMIN', 'BUREAU_STAFF', 'VIEWER']);

export function canAccessProject(actor: Actor, project: { districtCode: string; enterpriseId: string }): boolean {
  if (CITY_WIDE.has(actor.role)) return true;
  if (actor.role === 'DISTRICT_STAFF') return actor.districtCodes.includes(project.districtCode);
  if (actor.role === 'LIAISON') return actor.enterpriseIds.includes(project.enterpriseId);
  return false;
}

/** The SQL twin of canAccessProject on project alias `alias`; `add` binds a parameter and returns its placeholder. */
export function projectScopeSql(alias: string, actor: Actor, add: (value: unknown) => string): string {
  if (CITY_WIDE.has(actor.role)) return 'TRUE';
  if (actor.role === 'DISTRICT_STAFF') return `${alias}.district_code = ANY(${add(actor.districtCodes)}::text[])`;
  if (actor.role === 'LIAISON') return `${alias}.enterprise_id = ANY(${add(actor.enterpriseIds)}::uuid[])`;
  return 'FALSE';
}

/** Stages reachable from `from`: any later stage on the way to 竣工/投产, or 终止; nothing after either end. */
export function allowedStages(from: ProjectStage): ProjectStage[] {
  if (from === ProjectStage.COMPLETED || from === ProjectStage.TERMINATED) return [];
  return [...STAGE_ORDER.slice(STAGE_ORDER.indexOf(from) + 1), ProjectStage.TERMINATED];
}
