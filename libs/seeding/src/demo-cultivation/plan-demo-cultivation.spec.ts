import { addDays, canTransition, defaultExpiry, seededValidityYears, DesignationStatus as S, DesignationType, EXPIRING_TYPES, stateOn, statusOn } from '@app/core';

import { readSeed, SeedChain, SeedEnterprise } from '../seed-files';
import { planDemoCultivation } from './plan-demo-cultivation';

describe('planDemoCultivation', () => {
  const enterprises = readSeed<SeedEnterprise[]>('demo/enterprises.json');
  const chains = readSeed<SeedChain[]>('reference/chains.json');
  const today = '2026-11-26';
  const plan = planDemoCultivation(enterprises, chains, today);
  const finalStatus = (d: (typeof plan.designations)[number]) => d.steps[d.steps.length - 1].to;
  const lastRecognised = (d: (typeof plan.designations)[number]) => [...d.steps].reverse().find((s) => s.to === S.RECOGNISED)?.on;

  it('is the same on every run', () => {
    expect(planDemoCultivation(enterprises, chains, today)).toEqual(plan);
  });

  it('covers every designation type and puts members on every chain', () => {
    expect(new Set(plan.designations.map((d) => d.type))).toEqual(new Set(Object.values(DesignationType)));
    for (const chain of chains) expect(plan.memberships.some((m) => m.chainCode === chain.code)).toBe(true);
  });

  it('has recognitions expiring within 60 days, lapsed ones, revoked ones and 2022 recognitions', () => {
    const expiring = plan.designations.filter((d) => EXPIRING_TYPES.includes(d.type) && finalStatus(d) === S.RECOGNISED);
    const expiresOn = (d: (typeof plan.designations)[number]) => defaultExpiry(seededValidityYears(d.type), lastRecognised(d)!)!;
    expect(expiring.filter((d) => expiresOn(d) >= today && expiresOn(d) <= addDays(today, 60)).length).toBeGreaterThanOrEqual(3);
    expect(expiring.filter((d) => expiresOn(d) < today).length).toBeGreaterThanOrEqual(3);
    expect(plan.designations.filter((d) => finalStatus(d) === S.REVOKED).length).toBeGreaterThanOrEqual(3);
    expect(plan.designations.filter((d) => d.steps.some((s) => s.to === S.RECOGNISED && s.on.startsWith('2022'))).length).toBeGreaterThan(20);
  });

  it('writes histories the state machine allows on each effective date, in date order and never after today', () => {
    for (const d of plan.designations) {
      const events: { status: S; expiresOn: string | null; effectiveOn: string }[] = [];
      d.steps.forEach((s, i) => {
        expect(s.on <= today).toBe(true);
        const before = stateOn(events, s.on);
        expect(canTransition(before && statusOn(before, s.on), s.to)).toBe(true);
        if (i > 0) expect(s.on >= d.steps[i - 1].on).toBe(true);
        events.push({ status: s.to, expiresOn: s.to === S.RECOGNISED ? defaultExpiry(seededValidityYears(d.type), s.on) : (events[i - 1]?.expiresOn ?? null), effectiveOn: s.on });
      });
    }
  });

  it('breaks no duplicate rule and leads each community by a recognised leader of its chain', () => {
    const live = plan.designations.filter((d) => [S.CANDIDATE, S.RECOGNISED, S.UNDER_REVIEW].includes(finalStatus(d)));
    const keys = live.map((d) => `${d.creditCode}/${d.type}/${d.level}/${d.chainCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.communities.length).toBeGreaterThanOrEqual(3);
    for (const c of plan.communities) {
      expect(plan.designations.some((d) => d.type === DesignationType.CHAIN_LEADER && d.creditCode === c.leadCreditCode && d.chainCode === c.chainCode && finalStatus(d) === S.RECOGNISED)).toBe(true);
    }
  });
});
