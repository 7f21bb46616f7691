import { EntityManager, In } from 'typeorm';

import { EnterpriseEntity } from '@app/registry';
import {
  LandBlockEntity,
  RemediationCaseEntity,
  RemediationCaseEventEntity,
  RemediationCategory,
  RemediationOutcome,
  RemediationSourceKind,
  RemediationStatus,
} from '@app/remediation';

import { readSeed } from './seed-files';

interface SeedBlock {
  name: string;
  districtCode: string;
  areaMu: number;
  location: string;
  longitude?: number;
  latitude?: number;
}

interface SeedCase {
  category: RemediationCategory;
  creditCode?: string;
  blockName?: string;
  sourceKind: RemediationSourceKind;
  sourceYear?: number;
  sourceNote: string;
  responsibleUnit: string;
  plan: string;
  measures: string;
  deadline: string;
  steps: { to: RemediationStatus; on: string }[];
  outcome: RemediationOutcome | null;
  evidence: string | null;
}

export interface DemoRemediationCounts {
  landBlocksAdded: number;
  remediationCasesAdded: number;
}

const SEED_USER = 'seed';

/**
 * Adds the demo land blocks (by name) and remediation cases with their dated history, some closed in 2022 so the
 * plan's remediation lines move. A case is skipped when its subject already has a case of the category in any
 * status: staff work is never undone or doubled.
 */
export async function seedDemoRemediation(manager: EntityManager): Promise<DemoRemediationCounts> {
  const seed = readSeed<{ blocks: SeedBlock[]; cases: SeedCase[] }>('demo/remediation.json');
  const counts: DemoRemediationCounts = { landBlocksAdded: 0, remediationCasesAdded: 0 };
  for (const b of seed.blocks) {
    if (await manager.existsBy(LandBlockEntity, { name: b.name })) continue;
    await manager.save(
      manager.create(LandBlockEntity, {
        name: b.name,
        districtCode: b.districtCode,
        areaMu: String(b.areaMu),
        location: b.location,
        longitude: b.longitude === undefined ? null : String(b.longitude),
        latitude: b.latitude === undefined ? null : String(b.latitude),
        note: null,
      }),
    );
    counts.landBlocksAdded++;
  }
  const blocks = new Map((await manager.find(LandBlockEntity, { where: { name: In(seed.blocks.map((b) => b.name)) } })).map((b) => [b.name, b.id]));
  const codes = seed.cases.flatMap((c) => (c.creditCode ? [c.creditCode] : []));
  const firms = new Map((await manager.find(EnterpriseEntity, { where: { creditCode: In(codes) }, select: { id: true, creditCode: true } })).map((e) => [e.creditCode, e.id]));
  for (const c of seed.cases) {
    const enterpriseId = c.creditCode ? (firms.get(c.creditCode) ?? null) : null;
    const blockId = c.blockName ? (blocks.get(c.blockName) ?? null) : null;
    if (!enterpriseId && !blockId) continue;
    if (await manager.existsBy(RemediationCaseEntity, { category: c.category, ...(enterpriseId ? { enterpriseId } : { blockId: blockId! }) })) continue;
    const last = c.steps[c.steps.length - 1];
    const closed = last.to === RemediationStatus.CLOSED;
    const saved = await manager.save(
      manager.create(RemediationCaseEntity, {
        enterpriseId,
        blockId,
        category: c.category,
        sourceKind: c.sourceKind,
        sourceYear: c.sourceYear ?? null,
        sourceNote: c.sourceNote,
        plan: c.plan,
        measures: c.measures,
        responsibleUnit: c.responsibleUnit,
        deadline: c.deadline,
        openedOn: c.steps[0].on,
        status: last.to,
        outcome: closed ? c.outcome : null,
        closedOn: closed ? last.on : null,
        evidence: c.steps.some((s) => s.to === RemediationStatus.CLOSED) ? c.evidence : null,
      }),
    );
    await manager.insert(
      RemediationCaseEventEntity,
      c.steps.map((s, i) => ({
        caseId: saved.id,
        fromStatus: i === 0 ? null : c.steps[i - 1].to,
        toStatus: s.to,
        effectiveOn: s.on,
        outcome: s.to === RemediationStatus.CLOSED ? c.outcome : null,
        note: i === 0 ? '立案 (opened)' : s.to === RemediationStatus.CLOSED ? c.evidence : null,
        actorId: null,
        actorUsername: SEED_USER,
      })),
    );
    counts.remediationCasesAdded++;
  }
  return counts;
}
