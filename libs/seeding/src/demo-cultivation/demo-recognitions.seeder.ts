import { EntityManager, In } from 'typeorm';

import { CarrierKind, defaultExpiry, DesignationLevel, DesignationStatus } from '@app/core';
import { CarrierEntity, DesignationEntity, DesignationEventEntity } from '@app/cultivation';
import { RecognitionTypeEntity } from '@app/reference';
import { EnterpriseEntity } from '@app/registry';

import { readSeed } from '../seed-files';

interface Step {
  to: DesignationStatus;
  on: string;
}
interface SeedRecognition {
  type: string;
  level: DesignationLevel;
  steps: Step[];
}
interface SeedRecognitions {
  enterpriseRecognitions: (SeedRecognition & { creditCode: string })[];
  carriers: { kind: CarrierKind; name: string; districtCode: string; operatorCreditCode: string | null; operatorName: string | null; recognitions: SeedRecognition[] }[];
}

const SEED_USER = 'seed';

/**
 * The demo's smart-factory, green and platform recognitions (seeds/demo/recognitions.json): enterprises'
 * 数字化车间/智能工厂/未来工厂/绿色工厂 and carriers of every kind with theirs, some revoked, so the plan's
 * seven recognition lines move. Idempotent: a carrier of the same kind and name, a recognition of the same
 * holder, type and level are left as they are.
 */
export async function seedDemoRecognitions(manager: EntityManager): Promise<{ carriersAdded: number; recognitionsAdded: number }> {
  const seed = readSeed<SeedRecognitions>('demo/recognitions.json');
  const codes = [...new Set([...seed.enterpriseRecognitions.map((r) => r.creditCode), ...seed.carriers.flatMap((c) => (c.operatorCreditCode ? [c.operatorCreditCode] : []))])];
  const enterprises = new Map((await manager.find(EnterpriseEntity, { where: { creditCode: In(codes) }, select: { id: true, creditCode: true } })).map((e) => [e.creditCode, e.id]));
  const types = new Map((await manager.find(RecognitionTypeEntity)).map((t) => [t.code, t]));
  let carriersAdded = 0;
  let recognitionsAdded = 0;

  const add = async (holder: { enterpriseId: string } | { carrierId: string }, r: SeedRecognition) => {
    const type = types.get(r.type);
    if (!type || (await manager.existsBy(DesignationEntity, { ...holder, type: r.type, level: r.level }))) return;
    // Each event keeps the expiry in force from it on; a (re-)recognition starts the catalogue's term.
    let expiresOn: string | null = null;
    const events = r.steps.map((s, i) => {
      if (s.to === DesignationStatus.RECOGNISED) expiresOn = defaultExpiry(type.validityYears, s.on);
      return { fromStatus: i === 0 ? null : r.steps[i - 1].to, toStatus: s.to, effectiveOn: s.on, expiresOn, reason: '演示数据 (demo)', actorId: null, actorUsername: SEED_USER };
    });
    const recognisedOn = [...r.steps].reverse().find((s) => s.to === DesignationStatus.RECOGNISED)?.on ?? null;
    const saved = await manager.save(
      manager.create(DesignationEntity, {
        enterpriseId: null,
        carrierId: null,
        ...holder,
        type: r.type,
        level: r.level,
        chainId: null,
        status: r.steps[r.steps.length - 1].to,
        year: recognisedOn ? Number(recognisedOn.slice(0, 4)) : null,
        recognisingBody: type.issuingBody,
        recognisedOn,
        expiresOn: events[events.length - 1].expiresOn,
        taggedById: null,
        taggedByUsername: SEED_USER,
      }),
    );
    await manager.insert(
      DesignationEventEntity,
      events.map((e) => ({ ...e, designationId: saved.id })),
    );
    recognitionsAdded++;
  };

  for (const r of seed.enterpriseRecognitions) {
    const enterpriseId = enterprises.get(r.creditCode);
    if (enterpriseId) await add({ enterpriseId }, r);
  }
  for (const c of seed.carriers) {
    let carrier = await manager.findOneBy(CarrierEntity, { kind: c.kind, name: c.name });
    if (!carrier) {
      carrier = await manager.save(
        manager.create(CarrierEntity, {
          kind: c.kind,
          name: c.name,
          districtCode: c.districtCode,
          operatorEnterpriseId: (c.operatorCreditCode && enterprises.get(c.operatorCreditCode)) || null,
          operatorName: c.operatorName,
          chainId: null,
          description: null,
        }),
      );
      carriersAdded++;
    }
    for (const r of c.recognitions) await add({ carrierId: carrier.id }, r);
  }
  return { carriersAdded, recognitionsAdded };
}
