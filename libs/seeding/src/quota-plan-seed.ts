import { EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { SYSTEM_ACTOR } from '@app/core';
import { MeasureKind, MeasureParams, QuotaDirection, QuotaLineEntity, QuotaPlanEntity } from '@app/quotas';

import { readSeed } from './seed-files';

export interface SeedQuotaPlan {
  year: number;
  title: string;
  sourceDocument: string;
  /** Earlier seed wordings of sourceDocument, replaced by the current one when a plan still carries them */
  replacesSourceDocument?: string[];
  lines: {
    code: string;
    label: string;
    unit: string;
    group: string;
    target: number;
    direction: QuotaDirection;
    measureKind: MeasureKind;
    measureParams: MeasureParams;
    sortOrder: number;
    note?: string;
  }[];
}

export const QUOTA_PLAN_SEEDS = ['reference/quota-plan-2022.json'];

/**
 * Whether a line in the database is still exactly as an earlier seed left it while the seed now computes it:
 * MANUAL with no params, never edited (version 1), in the seed's unit. Such a line is upgraded to the seed's
 * measure; a line staff changed (any edit raises its version) keeps what they chose.
 */
export function upgradableLine(line: QuotaLineEntity, seed: SeedQuotaPlan['lines'][number]): boolean {
  return (
    seed.measureKind !== MeasureKind.MANUAL &&
    line.measureKind === MeasureKind.MANUAL &&
    Object.keys(line.measureParams ?? {}).length === 0 &&
    line.version === 1 &&
    line.unit === seed.unit
  );
}

/**
 * Adds missing plans and missing lines (by code), and upgrades untouched MANUAL lines the seed now computes
 * (see `upgradableLine`), each upgrade audited (`quota_line.upgrade`); lines staff have edited since are left
 * alone. Returns lines added.
 */
export async function seedQuotaPlans(manager: EntityManager, audit?: AuditService): Promise<number> {
  let added = 0;
  for (const file of QUOTA_PLAN_SEEDS) {
    const seed = readSeed<SeedQuotaPlan>(file);
    let plan = await manager.findOneBy(QuotaPlanEntity, { year: seed.year });
    if (!plan) plan = await manager.save(manager.create(QuotaPlanEntity, { year: seed.year, title: seed.title, sourceDocument: seed.sourceDocument }));
    else if (seed.replacesSourceDocument?.includes(plan.sourceDocument)) {
      // The seed's own earlier wording (a note with an internal file path) becomes the citation; a basis staff wrote stays.
      await manager.update(QuotaPlanEntity, { id: plan.id }, { sourceDocument: seed.sourceDocument });
    }
    const existing = await manager.findBy(QuotaLineEntity, { planId: plan.id });
    const known = new Set(existing.map((l) => l.code));
    for (const line of existing) {
      const seedLine = seed.lines.find((l) => l.code === line.code);
      if (!seedLine || !upgradableLine(line, seedLine)) continue;
      const before = { measureKind: line.measureKind, measureParams: line.measureParams, note: line.note };
      const after = { measureKind: seedLine.measureKind, measureParams: seedLine.measureParams, note: seedLine.note ?? line.note };
      // The version rises with the upgrade, so the line then reads as changed and is never upgraded again.
      await manager.update(QuotaLineEntity, { id: line.id }, { ...after, version: line.version + 1 });
      await audit?.record(manager, SYSTEM_ACTOR, { action: 'quota_line.upgrade', entityType: 'quota_line', entityId: line.id, before, after });
    }
    const fresh = seed.lines.filter((l) => !known.has(l.code));
    if (fresh.length) {
      await manager.insert(
        QuotaLineEntity,
        fresh.map((l) => ({
          planId: plan.id,
          code: l.code,
          label: l.label,
          unit: l.unit,
          lineGroup: l.group,
          targetValue: String(l.target),
          direction: l.direction,
          measureKind: l.measureKind,
          measureParams: l.measureParams,
          sortOrder: l.sortOrder,
          note: l.note ?? '',
        })),
      );
    }
    added += fresh.length;
  }
  return added;
}
