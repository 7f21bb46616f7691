import { EntityManager } from 'typeorm';

import { MeasureKind, MeasureParams, QuotaDirection, QuotaLineEntity, QuotaPlanEntity } from '@app/quotas';

import { readSeed } from './seed-files';

export interface SeedQuotaPlan {
  year: number;
  title: string;
  sourceDocument: string;
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

/** Adds missing plans and missing lines (by code); lines staff have edited since are left alone. Returns lines added. */
export async function seedQuotaPlans(manager: EntityManager): Promise<number> {
  let added = 0;
  for (const file of QUOTA_PLAN_SEEDS) {
    const seed = readSeed<SeedQuotaPlan>(file);
    let plan = await manager.findOneBy(QuotaPlanEntity, { year: seed.year });
    if (!plan) plan = await manager.save(manager.create(QuotaPlanEntity, { year: seed.year, title: seed.title, sourceDocument: seed.sourceDocument }));
    const known = new Set((await manager.findBy(QuotaLineEntity, { planId: plan.id })).map((l) => l.code));
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
