import fc from 'fast-check';

import { addDays, canTransition, DesignationStatus, stateOn, statusOn, todayInChina } from '@app/core';

import { CultivationWorld } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * The property behind "a number shown for a past date never changes": for a random small world built
 * through the HTTP API and a random day D of 2022, recording any events dated after D — transitions,
 * new recognitions, joining or leaving a chain, moving district, archiving, forming a community — changes no progress figure,
 * split or drill-down at D. Seeded, with few runs, so it is repeatable and fast.
 */
const S = DesignationStatus;
const DISTRICTS = ['330211', '330206'];
const TYPES = [
  { type: 'CHAIN_LEADER', level: 'MUNICIPAL', chain: true },
  { type: 'CHAIN_CORE', level: 'MUNICIPAL', chain: true },
  { type: 'LITTLE_GIANT', level: 'NATIONAL', chain: false },
  { type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', chain: false },
  { type: 'SPECIALIZED_SME', level: 'PROVINCIAL', chain: false },
];
const REGISTRY_LINES = ['CHAIN_LEADERS', 'CHAIN_CORES', 'NEW_LITTLE_GIANTS', 'BIG_EXCELLENT_STRONG_OUTPUT', 'NEW_SCALE_10B', 'TAX_PER_MU_BELOW_10K', 'COMMUNITIES_FORMED'];
const START = '2021-01-01';

const dayOffset = (max: number) => fc.integer({ min: 0, max });
const worldArb = fc.record({
  asOfOffset: dayOffset(364),
  firms: fc.array(fc.record({ district: fc.constantFrom(...DISTRICTS), onChain: fc.boolean(), revenue2021: fc.integer({ min: 1, max: 200 }), growth: fc.integer({ min: -20, max: 80 }), reports: fc.boolean() }), {
    minLength: 2,
    maxLength: 4,
  }),
  designations: fc.array(
    fc.record({ firm: fc.nat(), kind: fc.nat(), start: dayOffset(729), candidate: fc.boolean(), term: fc.option(fc.integer({ min: 30, max: 500 })), steps: fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 1, max: 150 }) }), { maxLength: 3 }) }),
    { minLength: 1, maxLength: 5 },
  ),
  later: fc.array(fc.record({ what: fc.constantFrom('transition', 'recognise', 'join', 'leave', 'move', 'archive', 'community'), target: fc.nat(), kind: fc.nat(), pick: fc.nat(), gap: fc.integer({ min: 1, max: 1500 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
});

describe('a figure at a past date', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;
  let chainX: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
    [chainX] = await world.chainIds();
    const plan = (await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200)).body;
    for (const code of ['CHAIN_LEADERS', 'NEW_LITTLE_GIANTS', 'BIG_EXCELLENT_STRONG_OUTPUT']) {
      const line = plan.lines.find((l: { code: string }) => l.code === code);
      const splits = [...DISTRICTS.map((districtCode) => ({ districtCode, target: 2 })), { chainId: chainX, target: 2 }];
      await t.http.patch(`/api/v1/quota-plans/2022/lines/${code}`).set(staff).send({ splits, version: line.version }).expect(200);
    }
  });
  afterAll(() => t.close());

  /** Everything a reader sees at D: every line with its splits, every registry line's drill-down (city, a district, the chain). */
  const figuresAt = async (asOf: string) => {
    const progress = (await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}`).set(staff).expect(200)).body.lines;
    const drillDowns: Record<string, unknown> = {};
    for (const code of REGISTRY_LINES) {
      for (const query of ['', '&districtCode=330211', `&chainId=${chainX}`, '&lackingFigures=true']) {
        const res = await t.http.get(`/api/v1/quota-plans/2022/progress/lines/${code}/enterprises?asOf=${asOf}&pageSize=100${query}`).set(staff).expect(200);
        drillDowns[code + query] = res.body.items;
      }
    }
    return { progress, drillDowns };
  };

  /** A call that may be refused by the rules (409, 422 …) while generating, but never fails on the server. */
  const attempt = async (call: Promise<{ status: number; body: { id?: string; version?: number } }>) => {
    const res = await call;
    expect(res.status).toBeLessThan(500);
    return res.status < 300 ? res.body : null;
  };

  it('stays the same when events dated after it are recorded', async () => {
    const today = todayInChina();
    await fc.assert(
      fc.asyncProperty(worldArb, async (spec) => {
        const asOf = addDays('2022-01-01', spec.asOfOffset);
        const upTo = (offset: number) => (addDays(START, offset) > asOf ? asOf : addDays(START, offset));
        const firms: { id: string; memberId: string | null }[] = [];
        for (const f of spec.firms) {
          const id = await world.enterprise({ districtCode: f.district });
          let memberId: string | null = null;
          if (f.onChain) memberId = (await t.http.post(`/api/v1/chains/${chainX}/members`).set(staff).send({ enterpriseId: id, joinedOn: upTo(0) }).expect(201)).body.id;
          const revenue2022 = Math.round(f.revenue2021 * (1 + f.growth / 100));
          await world.figures(id, 2021, { operatingRevenueYuan: f.revenue2021 * 1e8, industrialOutputYuan: f.revenue2021 * 1e8, taxPaidYuan: f.revenue2021 * 1000 });
          if (f.reports) await world.figures(id, 2022, { operatingRevenueYuan: revenue2022 * 1e8, industrialOutputYuan: revenue2022 * 1e8, taxPaidYuan: revenue2022 * 1000 });
          firms.push({ id, memberId });
        }
        // Designations with histories up to D, each step legal on its date.
        const designations: { id: string }[] = [];
        for (const d of spec.designations) {
          const kind = TYPES[d.kind % TYPES.length];
          const first = upTo(d.start);
          const status = d.candidate ? S.CANDIDATE : S.RECOGNISED;
          const expiresOn = status === S.RECOGNISED && d.term ? addDays(first, d.term) : null;
          const body = { enterpriseId: firms[d.firm % firms.length].id, type: kind.type, level: kind.level, ...(kind.chain ? { chainId: chainX } : {}), status };
          const dates = status === S.RECOGNISED ? { recognisedOn: first, ...(expiresOn ? { expiresOn } : {}) } : { candidateSince: first };
          const created = await attempt(t.http.post('/api/v1/designations').set(staff).send({ ...body, ...dates }));
          if (!created) continue;
          const history = async () =>
            (await t.http.get(`/api/v1/designations/${created.id}`).set(staff).expect(200)).body.events.map((e: { toStatus: DesignationStatus; expiresOn: string | null; effectiveOn: string }) => ({
              status: e.toStatus,
              expiresOn: e.expiresOn,
              effectiveOn: e.effectiveOn,
            }));
          let events = await history();
          let on = first;
          for (const step of d.steps) {
            if (addDays(on, step.gap) > asOf) break;
            on = addDays(on, step.gap);
            const then = stateOn(events, on)!;
            const next = [S.RECOGNISED, S.UNDER_REVIEW, S.REVOKED, S.EXPIRED, S.REJECTED].filter((s) => canTransition(statusOn(then, on), s));
            if (!next.length) break;
            const to = next[step.pick % next.length];
            await world.events(created.id!, [{ to, on }]);
            events = await history();
          }
          designations.push({ id: created.id! });
        }

        // Communities formed by D, led by whichever firm holds a live 链主 on the chain today (others are refused).
        for (const [i, firm] of firms.entries()) {
          await attempt(t.http.post('/api/v1/communities').set(staff).send({ name: `共同体${asOf}-${i}-${firm.id.slice(0, 8)}`, chainId: chainX, leadEnterpriseId: firm.id, status: 'FORMED', formedOn: upTo(400 + i * 60) }));
        }

        const before = await figuresAt(asOf);

        // Later events, each dated after D (moves, leaving and archiving happen today, which is after any D of 2022).
        for (const e of spec.later) {
          const on = addDays(asOf, e.gap) > today ? today : addDays(asOf, e.gap);
          const firm = firms[e.target % firms.length];
          if (e.what === 'transition' && designations.length) {
            const d = designations[e.target % designations.length];
            const view = (await t.http.get(`/api/v1/designations/${d.id}`).set(staff).expect(200)).body;
            const to = view.allowedTransitions[e.pick % Math.max(1, view.allowedTransitions.length)];
            if (to) await attempt(t.http.post(`/api/v1/designations/${d.id}/transitions`).set(staff).send({ toStatus: to, effectiveOn: on, reason: '其后的变更', version: view.version }));
          } else if (e.what === 'recognise') {
            const kind = TYPES[e.kind % TYPES.length];
            await attempt(
              t.http.post('/api/v1/designations').set(staff).send({ enterpriseId: firm.id, type: kind.type, level: kind.level, ...(kind.chain ? { chainId: chainX } : {}), status: S.RECOGNISED, recognisedOn: on }),
            );
          } else if (e.what === 'join' && !firm.memberId) {
            const res = await attempt(t.http.post(`/api/v1/chains/${chainX}/members`).set(staff).send({ enterpriseId: firm.id, joinedOn: on }));
            firm.memberId = res?.id ?? null;
          } else if (e.what === 'leave' && firm.memberId) {
            await attempt(t.http.delete(`/api/v1/chains/${chainX}/members/${firm.memberId}`).set(staff));
            firm.memberId = null;
          } else if (e.what === 'move') {
            const current = (await t.http.get(`/api/v1/enterprises/${firm.id}`).set(staff).expect(200)).body;
            const districtCode = DISTRICTS.find((x) => x !== current.districtCode)!;
            await attempt(t.http.patch(`/api/v1/enterprises/${firm.id}`).set(staff).send({ districtCode, version: current.version }));
          } else if (e.what === 'community') {
            await attempt(t.http.post('/api/v1/communities').set(staff).send({ name: `后来的共同体${on}-${e.pick}`, chainId: chainX, leadEnterpriseId: firm.id, status: 'FORMED', formedOn: on }));
          } else if (e.what === 'archive') {
            await attempt(t.http.delete(`/api/v1/enterprises/${firm.id}`).set(staff));
          }
        }

        expect(await figuresAt(asOf)).toEqual(before);
      }),
      { seed: 20220630, numRuns: 6, endOnFailure: true },
    );
  });
});
