import { EntityManager, In } from 'typeorm';

import { defaultExpiry, DesignationStatus, todayInChina } from '@app/core';
import { ChainMembershipEntity, CommunityEntity, CommunityMemberEntity, DesignationEntity, DesignationEventEntity } from '@app/cultivation';
import { ChainEntity, ChainSegmentEntity, RecognitionTypeEntity } from '@app/reference';
import { EnterpriseEntity } from '@app/registry';

import { readSeed, SeedChain, SeedEnterprise } from '../seed-files';
import { PlannedDesignation } from './demo-plan.types';
import { planDemoCultivation } from './plan-demo-cultivation';

export interface DemoCultivationCounts {
  membershipsAdded: number;
  designationsAdded: number;
  communitiesAdded: number;
}

const SEED_USER = 'seed';

/**
 * Adds the demo memberships, designations (with their event history) and communities that are
 * missing. A designation is skipped when the enterprise already has one of the same type, level and
 * chain in any status, a community when one of the same name exists: staff edits are never undone.
 */
export async function seedDemoCultivation(manager: EntityManager, today = todayInChina()): Promise<DemoCultivationCounts> {
  const plan = planDemoCultivation(readSeed<SeedEnterprise[]>('demo/enterprises.json'), readSeed<SeedChain[]>('reference/chains.json'), today);
  const codes = [...new Set([...plan.memberships.map((m) => m.creditCode), ...plan.designations.map((d) => d.creditCode)])];
  const enterprises = new Map((await manager.find(EnterpriseEntity, { where: { creditCode: In(codes) }, select: { id: true, creditCode: true } })).map((e) => [e.creditCode, e.id]));
  const chains = new Map((await manager.find(ChainEntity)).map((c) => [c.code, c.id]));
  const segments = new Map((await manager.find(ChainSegmentEntity)).map((s) => [`${s.chainId}/${s.code}`, s.id]));
  const counts: DemoCultivationCounts = { membershipsAdded: 0, designationsAdded: 0, communitiesAdded: 0 };
  // The default term is the catalogue's validity of each type, as for the API.
  const validity = new Map((await manager.find(RecognitionTypeEntity)).map((t) => [t.code, t.validityYears]));

  const before = await manager.count(ChainMembershipEntity);
  const rows = plan.memberships
    .filter((m) => enterprises.has(m.creditCode) && chains.has(m.chainCode))
    .map((m) => {
      const chainId = chains.get(m.chainCode)!;
      return { enterpriseId: enterprises.get(m.creditCode)!, chainId, segmentId: segments.get(`${chainId}/${m.segmentCode}`) ?? null, mainProducts: m.mainProducts, keyEnterprise: m.keyEnterprise, version: 1 };
    });
  if (rows.length) await manager.createQueryBuilder().insert().into(ChainMembershipEntity).values(rows).orIgnore().execute();
  counts.membershipsAdded = (await manager.count(ChainMembershipEntity)) - before;

  for (const d of plan.designations) {
    const enterpriseId = enterprises.get(d.creditCode);
    const chainId = d.chainCode ? chains.get(d.chainCode) : null;
    if (!enterpriseId || chainId === undefined) continue;
    if (await manager.existsBy(DesignationEntity, { enterpriseId, type: d.type, level: d.level, chainId: chainId ?? undefined })) continue;
    await insertDesignation(manager, d, enterpriseId, chainId, validity.get(d.type) ?? null);
    counts.designationsAdded++;
  }

  for (const c of plan.communities) {
    const chainId = chains.get(c.chainCode);
    const leadId = enterprises.get(c.leadCreditCode);
    if (!chainId || !leadId || (await manager.existsBy(CommunityEntity, { name: c.name }))) continue;
    const saved = await manager.save(
      manager.create(CommunityEntity, { name: c.name, chainId, leadEnterpriseId: leadId, status: c.status, plannedOn: c.plannedOn, formedOn: c.formedOn, description: c.description }),
    );
    const members = c.members.filter((m) => enterprises.has(m.creditCode));
    if (members.length) {
      await manager.insert(
        CommunityMemberEntity,
        members.map((m) => ({ communityId: saved.id, enterpriseId: enterprises.get(m.creditCode)!, role: m.role, joinedOn: m.joinedOn, leftOn: m.leftOn })),
      );
    }
    counts.communitiesAdded++;
  }
  return counts;
}

async function insertDesignation(manager: EntityManager, d: PlannedDesignation, enterpriseId: string, chainId: string | null, validityYears: number | null): Promise<void> {
  const last = d.steps[d.steps.length - 1];
  const recognisedOn = [...d.steps].reverse().find((s) => s.to === DesignationStatus.RECOGNISED)?.on ?? null;
  const saved = await manager.save(
    manager.create(DesignationEntity, {
      enterpriseId,
      type: d.type,
      level: d.level,
      chainId,
      productName: d.productName ?? null,
      productCode: d.productCode ?? null,
      status: last.to,
      batch: d.batch,
      year: d.year,
      noticeNo: d.noticeNo,
      recognisingBody: d.recognisingBody,
      recognisedOn,
      expiresOn: recognisedOn && defaultExpiry(validityYears, recognisedOn),
      evidence: d.evidence,
      taggedById: null,
      taggedByUsername: SEED_USER,
    }),
  );
  // Each event keeps the expiry in force from it on: every (re-)recognition starts the default term.
  let expiresOn: string | null = null;
  await manager.insert(
    DesignationEventEntity,
    d.steps.map((s, i) => ({
      designationId: saved.id,
      fromStatus: i === 0 ? null : d.steps[i - 1].to,
      toStatus: s.to,
      effectiveOn: s.on,
      expiresOn: (expiresOn = s.to === DesignationStatus.RECOGNISED ? defaultExpiry(validityYears, s.on) : expiresOn),
      reason: s.reason,
      actorId: null,
      actorUsername: SEED_USER,
    })),
  );
}
