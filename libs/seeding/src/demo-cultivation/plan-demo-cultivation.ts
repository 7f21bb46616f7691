import { addDays, CommunityRole, CommunityStatus, DesignationLevel as L, DesignationStatus as S, DesignationType as T } from '@app/core';

import { SeedChain, SeedEnterprise, SeedSegment } from '../seed-files';
import { DemoCultivationPlan, PlannedCommunity, PlannedDesignation, PlannedMembership } from './demo-plan.types';
import { byHash, dayIn, planChampions, planLittleGiants, planProvincial, revenue, stableHash } from './plan-demo-designations';

const YI = 1e8;
const SCALE: [T, number][] = [
  [T.SCALE_100B, 1000 * YI],
  [T.SCALE_50B, 500 * YI],
  [T.SCALE_10B, 100 * YI],
];

const flatten = (segments: SeedSegment[]): SeedSegment[] => segments.flatMap((s) => [s, ...flatten(s.children ?? [])]);

const byRevenue = (a: SeedEnterprise, b: SeedEnterprise) => revenue(b, 2022) - revenue(a, 2022) || a.creditCode.localeCompare(b.creditCode);

const municipal = (e: SeedEnterprise, type: T, chainCode: string | null, steps: PlannedDesignation['steps'], batch: string | null = null): PlannedDesignation => ({
  creditCode: e.creditCode,
  type,
  level: L.MUNICIPAL,
  chainCode,
  batch,
  year: Number((steps.find((s) => s.to === S.RECOGNISED) ?? steps[0]).on.slice(0, 4)),
  noticeNo: `甬经信〔${steps[0].on.slice(0, 4)}〕${10 + (stableHash(e.creditCode + type) % 90)}号`,
  recognisingBody: '宁波市制造业高质量发展领导小组办公室',
  evidence: null,
  steps,
});

/** Memberships from the `chainCodes` hints, each on a segment picked by the credit code. */
function planMemberships(enterprises: SeedEnterprise[], chains: SeedChain[]): PlannedMembership[] {
  const segments = new Map(chains.map((c) => [c.code, flatten(c.segments)]));
  return enterprises.flatMap((e) =>
    e.chainCodes.map((chainCode) => {
      const options = segments.get(chainCode)!;
      const segment = options[stableHash(e.creditCode + chainCode) % options.length];
      return { creditCode: e.creditCode, chainCode, segmentCode: segment.code, mainProducts: `${segment.name}相关产品`, keyEnterprise: false };
    }),
  );
}

/**
 * Per chain, by 2022 revenue: one leader (a firm leads one chain only), three cores, six bases.
 * Seven leaders recognised in 2022, two in 2023, one still a candidate; one base per even chain revoked.
 */
function planChainTiers(enterprises: SeedEnterprise[], chains: SeedChain[], memberships: PlannedMembership[]): PlannedDesignation[] {
  const active = new Map(enterprises.filter((e) => e.status === 'ACTIVE').map((e) => [e.creditCode, e]));
  const leaders = new Set<string>();
  const plan: PlannedDesignation[] = [];
  [...chains].sort((a, b) => a.order - b.order).forEach((chain, c) => {
    const members = memberships.filter((m) => m.chainCode === chain.code).map((m) => active.get(m.creditCode)).filter((e): e is SeedEnterprise => !!e).sort(byRevenue);
    const leader = members.find((e) => !leaders.has(e.creditCode));
    if (leader) {
      leaders.add(leader.creditCode);
      const year = c < 7 ? 2022 : 2023;
      const steps = c < 9 ? [{ to: S.RECOGNISED, on: dayIn(leader.creditCode, year, 3 + c), reason: '经遴选、公示,认定为链主企业' }] : [{ to: S.CANDIDATE, on: dayIn(leader.creditCode, 2025, 9), reason: '列入链主培育名单' }];
      plan.push(municipal(leader, T.CHAIN_LEADER, chain.code, steps));
    }
    const rest = members.filter((e) => e !== leader);
    rest.slice(0, 3).forEach((e, i) => plan.push(municipal(e, T.CHAIN_CORE, chain.code, [{ to: S.RECOGNISED, on: dayIn(e.creditCode, i < 2 ? 2022 : 2023, 6), reason: '认定为链核企业' }])));
    rest.slice(3, 9).forEach((e, i) => {
      const on = dayIn(e.creditCode, 2022 + (i % 2), 9);
      const steps = [{ to: S.RECOGNISED, on, reason: '认定为链基企业' }];
      if (i === 2 && c % 2 === 0) steps.push({ to: S.REVOKED, on: dayIn(e.creditCode, 2024, 4), reason: '连续两年配套额下降,退出链基' });
      if (i === 5) steps.splice(0, 1, { to: S.CANDIDATE, on: dayIn(e.creditCode, 2025, 2), reason: '列入链基培育名单' });
      plan.push(municipal(e, T.CHAIN_BASE, chain.code, steps));
    });
  });
  return plan;
}

/** Scale tags for the highest tier reached in the latest year, dated after the first year at it. */
function planScaleTags(enterprises: SeedEnterprise[]): PlannedDesignation[] {
  return enterprises.flatMap((e) => {
    const years = e.figures.map((f) => f.year).sort();
    const latest = years[years.length - 1];
    const tier = SCALE.find(([, threshold]) => revenue(e, latest) >= threshold);
    if (!tier) return [];
    const firstYear = years.find((y) => revenue(e, y) >= tier[1])!;
    const tagged = municipal(e, tier[0], null, [{ to: S.RECOGNISED, on: dayIn(e.creditCode, firstYear + 1, 4), reason: `${firstYear} 年营业收入达到标准,统计年报确认` }]);
    return [{ ...tagged, year: firstYear, recognisingBody: '宁波市经济和信息化局' }];
  });
}

/** Communities for the first four chains whose leader is recognised. */
function planCommunities(chains: SeedChain[], designations: PlannedDesignation[], memberships: PlannedMembership[]): PlannedCommunity[] {
  const stages = new Map(chains.flatMap((c) => flatten(c.segments).map((s) => [`${c.code}/${s.code}`, s.stage])));
  const role = (stage: string | undefined) => (stage === 'UPSTREAM' ? CommunityRole.UPSTREAM_SUPPLIER : stage === 'DOWNSTREAM' ? CommunityRole.DOWNSTREAM_CUSTOMER : CommunityRole.PEER);
  const led = designations.filter((d) => d.type === T.CHAIN_LEADER && d.steps.at(-1)!.to === S.RECOGNISED).slice(0, 4);
  return led.map((leader, i) => {
    const chain = chains.find((c) => c.code === leader.chainCode)!;
    const plannedOn = addDays(leader.steps.at(-1)!.on, 60);
    const formedOn = i < 3 ? addDays(plannedOn, 90) : null;
    const members = memberships
      .filter((m) => m.chainCode === chain.code && m.creditCode !== leader.creditCode)
      .sort((a, b) => stableHash(a.creditCode) - stableHash(b.creditCode))
      .slice(0, 5)
      .map((m, k) => ({
        creditCode: m.creditCode,
        role: k === 4 ? CommunityRole.RESEARCH_PARTNER : role(stages.get(`${chain.code}/${m.segmentCode}`)),
        joinedOn: formedOn ?? plannedOn,
        leftOn: k === 3 && formedOn ? dayIn(m.creditCode, 2024, 10) : null,
      }));
    return {
      name: `${chain.name}产业链上下游企业共同体`,
      chainCode: chain.code,
      leadCreditCode: leader.creditCode,
      status: formedOn ? CommunityStatus.FORMED : CommunityStatus.PLANNED,
      plannedOn,
      formedOn,
      description: `由链主企业牵头,联合上下游配套企业开展协同研发、供需对接和国产替代。`,
      members,
    };
  });
}

/** The whole demo cultivation data set, a pure function of the seed files and today's date. */
export function planDemoCultivation(enterprises: SeedEnterprise[], chains: SeedChain[], today: string): DemoCultivationPlan {
  const memberships = planMemberships(enterprises, chains);
  const chainTiers = planChainTiers(enterprises, chains, memberships);
  const keyFirms = new Set(chainTiers.filter((d) => d.type !== T.CHAIN_BASE).map((d) => `${d.creditCode}/${d.chainCode}`));
  for (const m of memberships) m.keyEnterprise = keyFirms.has(`${m.creditCode}/${m.chainCode}`);

  const active = enterprises.filter((e) => e.status === 'ACTIVE');
  const largest = [...active].sort(byRevenue);
  const midsize = active.filter((e) => e.aboveScale && revenue(e, 2022) >= 1 * YI && revenue(e, 2022) < 30 * YI).sort(byHash('LG'));
  const championPool = active.filter((e) => revenue(e, 2022) >= 5 * YI && revenue(e, 2022) < 100 * YI).sort(byHash('SC'));
  const designations = [
    ...chainTiers,
    ...planScaleTags(enterprises),
    ...largest.slice(0, 12).map((e, i) => municipal(e, T.BIG_EXCELLENT_STRONG, null, [{ to: S.RECOGNISED, on: dayIn(e.creditCode, i < 8 ? 2022 : 2023, 5), reason: '列入“大优强”企业名单' }])),
    ...planLittleGiants(midsize, today),
    ...planChampions(championPool, today),
    ...planProvincial([...active].sort(byHash('SSME')), T.SPECIALIZED_SME, 2021),
    ...planProvincial([...active].sort(byHash('ISME')), T.INNOVATIVE_SME, 2022),
  ];
  // Nothing dated after today: a step still in the future is left out.
  for (const d of designations) d.steps = d.steps.filter((s) => s.on <= today);
  return { memberships, designations: designations.filter((d) => d.steps.length), communities: planCommunities(chains, designations, memberships) };
}
