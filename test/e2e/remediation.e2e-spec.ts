import { todayInChina } from '@app/core';

import { createEnterprise } from '../setup/cultivation-fixtures';
import { creditCode } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;

/** One step of a case as this test recorded it: what the lines must count is worked out from these alone. */
interface Step {
  to: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED';
  on: string;
}
interface WorldCase {
  id: string;
  category: string;
  /** The subject's district (firms here never move) */
  district: string;
  enterpriseId: string | null;
  blockName: string | null;
  steps: Step[];
}

const LINE_OF: Record<string, string> = {
  HIGH_ENERGY_LOW_EFFICIENCY: 'HIGH_ENERGY_LOW_EFFICIENCY',
  SCATTERED_WEAK: 'SCATTERED_WEAK',
  LOW_EFFICIENCY_BLOCK: 'LOW_EFFICIENCY_BLOCKS',
};

/**
 * The remediation register over HTTP: cases of firms and land blocks, their dated history, scope, the
 * all-or-nothing bulk open and the three plan lines (cases closed in the year) recomputed here from the world.
 */
describe('remediation register', () => {
  let t: TestApp;
  let staff: Headers;
  let district: Headers; // 330211 (镇海)
  let liaisonA: Headers;
  const today = todayInChina();
  const cases: WorldCase[] = [];

  // a, a2 in 330211; b, c in 330206. a and b are on the chain.
  let a: string, a2: string, b: string, c: string;
  let codeA: string, codeB: string, codeC: string, codeA2: string;
  let chainId: string;
  let blockZ: { id: string; name: string; version: number }; // 330211
  let blockB: { id: string; name: string; version: number }; // 330206

  const base = { sourceKind: 'SURVEY', responsibleUnit: '区经信局', deadline: '2099-12-31' };

  const open = async (who: Headers, body: Record<string, unknown>, expected = 201) =>
    t.http.post('/api/v1/remediation/cases').set(who).send({ ...base, ...body }).expect(expected);

  const move = async (who: Headers, id: string, body: Record<string, unknown>, expected = 201) => {
    const current = await t.http.get(`/api/v1/remediation/cases/${id}`).set(staff).expect(200);
    return t.http.post(`/api/v1/remediation/cases/${id}/transitions`).set(who).send({ version: current.body.version, ...body }).expect(expected);
  };

  /** Opens a case dated `steps[0].on` and moves it through the rest, recording the steps for the expected values. */
  const world = async (category: string, subject: { enterpriseId?: string; blockId?: string }, districtCode: string, steps: Step[], blockName: string | null = null) => {
    const created = await open(staff, { category, ...subject, openedOn: steps[0].on });
    for (const step of steps.slice(1)) {
      const closing = step.to === 'CLOSED' ? { outcome: 'UPGRADED', evidence: `验收意见 ${step.on}` } : {};
      await move(staff, created.body.id, { toStatus: step.to, effectiveOn: step.on, ...closing });
    }
    cases.push({ id: created.body.id, category, district: districtCode, enterpriseId: subject.enterpriseId ?? null, blockName, steps });
    return created.body.id as string;
  };

  /** Independent of the code: a case counts for year Y at D when its last step up to min(D, Y-12-31) is CLOSED and dated in Y. */
  const expectedRows = (category: string, year: number, asOf: string, filter: (c: WorldCase) => boolean = () => true) => {
    const end = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
    return cases.filter((wc) => {
      if (wc.category !== category || !filter(wc)) return false;
      const upTo = wc.steps.filter((s) => s.on <= end);
      const last = upTo[upTo.length - 1];
      return last?.to === 'CLOSED' && last.on >= `${year}-01-01`;
    });
  };

  const progress = async (asOf: string, query = '') => {
    const res = await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}${query}`).set(staff).expect(200);
    return Object.fromEntries(res.body.lines.map((l: { code: string; actual: number }) => [l.code, l])) as Record<string, { actual: number; measureKind: string }>;
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    district = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'], username: 'zhenhai_remediation' });
    codeA = creditCode('330211');
    codeA2 = creditCode('330211');
    codeB = creditCode('330206');
    codeC = creditCode('330206');
    a = await createEnterprise(t, staff, {}, { districtCode: '330211', creditCode: codeA, name: '宁波甲整治机械有限公司' });
    a2 = await createEnterprise(t, staff, {}, { districtCode: '330211', creditCode: codeA2, name: '宁波乙整治五金有限公司' });
    b = await createEnterprise(t, staff, {}, { districtCode: '330206', creditCode: codeB, name: '宁波丙整治塑料有限公司' });
    c = await createEnterprise(t, staff, {}, { districtCode: '330206', creditCode: codeC, name: '宁波丁整治纺织有限公司' });
    liaisonA = await t.as('LIAISON', { enterpriseIds: [a], username: 'liaison_remediation_a' });
    chainId = (await t.http.post('/api/v1/chains').set(staff).send({ code: 'REMED_TEST', name: '整治测试产业链' }).expect(201)).body.id;
    for (const id of [a, b]) await t.http.post(`/api/v1/chains/${chainId}/members`).set(staff).send({ enterpriseId: id, joinedOn: '2021-01-01' }).expect(201);
    blockZ = (await t.http.post('/api/v1/remediation/blocks').set(district).send({ name: '镇海骆驼低效区块', districtCode: '330211', areaMu: 86.5, location: '镇海区骆驼街道', longitude: 121.6, latitude: 29.95 }).expect(201)).body;
    blockB = (await t.http.post('/api/v1/remediation/blocks').set(staff).send({ name: '北仑小港低效区块', districtCode: '330206', areaMu: 120, location: '北仑区小港街道' }).expect(201)).body;

    // The world the lines are checked against.
    await world('HIGH_ENERGY_LOW_EFFICIENCY', { enterpriseId: a }, '330211', [
      { to: 'OPEN', on: '2022-01-10' },
      { to: 'CLOSED', on: '2022-03-15' },
      { to: 'IN_PROGRESS', on: '2022-09-01' }, // reopened: counts from 03-15 up to 08-31 only
    ]);
    await world('HIGH_ENERGY_LOW_EFFICIENCY', { enterpriseId: b }, '330206', [
      { to: 'OPEN', on: '2022-02-01' },
      { to: 'IN_PROGRESS', on: '2022-02-10' },
      { to: 'CLOSED', on: '2022-06-30' },
    ]);
    await world('HIGH_ENERGY_LOW_EFFICIENCY', { enterpriseId: c }, '330206', [
      { to: 'OPEN', on: '2021-11-01' },
      { to: 'CLOSED', on: '2021-12-20' }, // closed the year before
    ]);
    await world('SCATTERED_WEAK', { enterpriseId: a2 }, '330211', [
      { to: 'OPEN', on: '2022-01-05' },
      { to: 'CLOSED', on: '2022-05-05' },
    ]);
    await world('SCATTERED_WEAK', { enterpriseId: b }, '330206', [
      { to: 'OPEN', on: '2022-01-05' },
      { to: 'CANCELLED', on: '2022-02-05' },
    ]);
    await world('SCATTERED_WEAK', { enterpriseId: c }, '330206', [{ to: 'OPEN', on: '2022-03-01' }, { to: 'IN_PROGRESS', on: '2022-04-01' }]);
    await world('LOW_EFFICIENCY_BLOCK', { blockId: blockZ.id }, '330211', [
      { to: 'OPEN', on: '2022-02-01' },
      { to: 'CLOSED', on: '2022-04-01' },
    ], blockZ.name);
    await world('LOW_EFFICIENCY_BLOCK', { blockId: blockB.id }, '330206', [
      { to: 'OPEN', on: '2022-02-01' },
      { to: 'IN_PROGRESS', on: '2022-03-01' },
      { to: 'CLOSED', on: '2022-11-11' },
    ], blockB.name);
  });
  afterAll(() => t.close());

  describe('the three plan lines', () => {
    const AS_OF = ['2022-03-14', '2022-03-15', '2022-06-30', '2022-08-31', '2022-09-01', '2022-12-31', '2023-03-31'];

    it('are computed lines, no longer typed in', async () => {
      const lines = await progress('2022-12-31');
      for (const code of Object.values(LINE_OF)) expect(lines[code].measureKind).toBe('REMEDIATION_CASES_CLOSED');
    });

    it('count the cases standing closed, closed in the year, at each date (before and after a reopening)', async () => {
      for (const asOf of AS_OF) {
        const lines = await progress(asOf);
        for (const [category, code] of Object.entries(LINE_OF)) {
          expect({ asOf, code, actual: lines[code].actual }).toEqual({ asOf, code, actual: expectedRows(category, 2022, asOf).length });
        }
      }
      // The sample reaches every branch: the reopened case counts before its reopening and not after.
      expect(expectedRows('HIGH_ENERGY_LOW_EFFICIENCY', 2022, '2022-08-31')).toHaveLength(2);
      expect(expectedRows('HIGH_ENERGY_LOW_EFFICIENCY', 2022, '2022-09-01')).toHaveLength(1);
    });

    it('split by the subject district and, for firms, by chain', async () => {
      for (const asOf of ['2022-06-30', '2022-12-31']) {
        for (const d of ['330211', '330206']) {
          const lines = await progress(asOf, `&districtCode=${d}`);
          for (const [category, code] of Object.entries(LINE_OF)) {
            expect({ asOf, d, code, actual: lines[code].actual }).toEqual({ asOf, d, code, actual: expectedRows(category, 2022, asOf, (wc) => wc.district === d).length });
          }
        }
        const chain = await progress(asOf, `&chainId=${chainId}`);
        const onChain = (wc: WorldCase) => wc.enterpriseId === a || wc.enterpriseId === b;
        for (const [category, code] of Object.entries(LINE_OF)) {
          expect({ asOf, code, actual: chain[code].actual }).toEqual({ asOf, code, actual: expectedRows(category, 2022, asOf, onChain).length });
        }
      }
    });

    it('drill down to the firms and blocks behind the number, a block by its name', async () => {
      const asOf = '2022-12-31';
      const firms = await t.http.get(`/api/v1/quota-plans/2022/progress/lines/HIGH_ENERGY_LOW_EFFICIENCY/enterprises?asOf=${asOf}`).set(staff).expect(200);
      expect(firms.body.items.map((r: { enterpriseId: string }) => r.enterpriseId).sort()).toEqual(expectedRows('HIGH_ENERGY_LOW_EFFICIENCY', 2022, asOf).map((wc) => wc.enterpriseId).sort());
      expect(firms.body.items[0].detail).toContain('销号于 2022-06-30');
      const blocks = await t.http.get(`/api/v1/quota-plans/2022/progress/lines/LOW_EFFICIENCY_BLOCKS/enterprises?asOf=${asOf}`).set(staff).expect(200);
      const names = expectedRows('LOW_EFFICIENCY_BLOCK', 2022, asOf).map((wc) => wc.blockName);
      expect(blocks.body.items.map((r: { name: string }) => r.name).sort()).toEqual([...names].sort());
      for (const row of blocks.body.items) {
        expect(row.enterpriseId).toBeNull();
        expect(row.detail).toContain(`区块 ${row.name}`);
      }
      const zhenhai = await t.http.get(`/api/v1/quota-plans/2022/progress/lines/LOW_EFFICIENCY_BLOCKS/enterprises?asOf=${asOf}`).set(district).expect(200);
      expect(zhenhai.body.items.map((r: { name: string }) => r.name)).toEqual([blockZ.name]);
    });
  });

  describe('cases', () => {
    it('refuse a second open case of the same category for one subject, and allow another category', async () => {
      // a has an IN_PROGRESS (reopened) HIGH_ENERGY_LOW_EFFICIENCY case.
      const dup = await open(staff, { category: 'HIGH_ENERGY_LOW_EFFICIENCY', enterpriseId: a }, 409);
      expect(dup.body.code).toBe('DUPLICATE_OPEN_CASE');
      expect(dup.body.message).toContain('高耗低效');
      const blockDup = await open(staff, { category: 'LOW_EFFICIENCY_BLOCK', blockId: blockB.id }, 201);
      expect((await open(staff, { category: 'LOW_EFFICIENCY_BLOCK', blockId: blockB.id }, 409)).body.code).toBe('DUPLICATE_OPEN_CASE');
      await move(staff, blockDup.body.id, { toStatus: 'CANCELLED' });
      const d = await open(staff, { category: 'EVALUATION_D_CLASS', enterpriseId: a, sourceKind: 'EVALUATION_D', sourceYear: 2022 });
      expect(d.body).toMatchObject({ categoryLabel: '亩均D类企业', sourceKindLabel: '亩均效益评价D类', sourceYear: 2022, status: 'OPEN', statusLabel: '待整治' });
      cases.push({ id: d.body.id, category: 'EVALUATION_D_CLASS', district: '330211', enterpriseId: a, blockName: null, steps: [{ to: 'OPEN', on: today }] });
    });

    it('answer bad input with a code, the field and a Chinese message, and write nothing', async () => {
      const before = await t.sql('SELECT count(*)::int AS n FROM remediation_case');
      const bad = async (body: Record<string, unknown>, field: string, code = 'VALIDATION_FAILED') => {
        const res = await t.http.post('/api/v1/remediation/cases').set(staff).send({ ...base, ...body }).expect(400);
        expect(res.body.code).toBe(code);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      };
      await bad({ category: 'SCATTERED_WEAK' }, 'enterpriseId');
      await bad({ category: 'LOW_EFFICIENCY_BLOCK', enterpriseId: a2 }, 'blockId');
      await bad({ category: 'SCATTERED_WEAK', enterpriseId: a2, blockId: blockZ.id }, 'blockId');
      await bad({ category: 'SCATTERED_WEAK', enterpriseId: a2, sourceKind: 'EVALUATION_D' }, 'sourceYear');
      await bad({ category: 'SCATTERED_WEAK', enterpriseId: a2, deadline: '2021-01-01', openedOn: '2022-01-01' }, 'deadline');
      await bad({ category: 'SCATTERED_WEAK', enterpriseId: a2, openedOn: '2999-01-01', deadline: '2999-02-01' }, 'openedOn', 'DATE_IN_FUTURE');
      await bad({ category: 'NOT_A_CATEGORY', enterpriseId: a2 }, 'category');
      await bad({ category: 'SCATTERED_WEAK', enterpriseId: a2, deadline: '2023-02-30' }, 'deadline');
      await bad({ category: 'SCATTERED_WEAK', enterpriseId: a2, responsibleUnit: '' }, 'responsibleUnit');
      expect(await t.sql('SELECT count(*)::int AS n FROM remediation_case')).toEqual(before);
    });

    it('close only with an outcome and evidence, move only along the lifecycle, in date order, with a dated history', async () => {
      const created = await open(district, { category: 'SCATTERED_WEAK', enterpriseId: a, openedOn: '2022-10-01' });
      const id = created.body.id;
      expect((await move(staff, id, { toStatus: 'CLOSED', evidence: 'x' }, 400)).body.errors[0].field).toBe('outcome');
      expect((await move(staff, id, { toStatus: 'CLOSED', outcome: 'MERGED' }, 400)).body.errors[0].field).toBe('evidence');
      expect((await move(staff, id, { toStatus: 'IN_PROGRESS', effectiveOn: '2022-09-30' }, 400)).body.code).toBe('DATE_OUT_OF_ORDER');
      expect((await move(staff, id, { toStatus: 'OPEN' }, 409)).body).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      await move(district, id, { toStatus: 'IN_PROGRESS', effectiveOn: '2022-10-10', note: '制定方案' });
      const closed = await move(district, id, { toStatus: 'CLOSED', effectiveOn: '2022-12-01', outcome: 'MERGED', evidence: '兼并协议' });
      expect(closed.body).toMatchObject({ status: 'CLOSED', statusLabel: '已销号', outcome: 'MERGED', outcomeLabel: '兼并重组', closedOn: '2022-12-01', evidence: '兼并协议' });
      expect(closed.body.events.map((e: { toStatus: string; effectiveOn: string }) => `${e.toStatus}@${e.effectiveOn}`)).toEqual(['OPEN@2022-10-01', 'IN_PROGRESS@2022-10-10', 'CLOSED@2022-12-01']);
      cases.push({ id, category: 'SCATTERED_WEAK', district: '330211', enterpriseId: a, blockName: null, steps: [{ to: 'OPEN', on: '2022-10-01' }, { to: 'IN_PROGRESS', on: '2022-10-10' }, { to: 'CLOSED', on: '2022-12-01' }] });
      expect((await progress('2022-12-31')).SCATTERED_WEAK.actual).toBe(expectedRows('SCATTERED_WEAK', 2022, '2022-12-31').length);
      const audit = await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
      expect(audit.map((r) => r.action as string)).toEqual(['remediation_case.create', 'remediation_case.transition', 'remediation_case.transition']);
    });

    it('answer a stale version with 409 and change nothing', async () => {
      const id = cases.find((wc) => wc.category === 'SCATTERED_WEAK' && wc.enterpriseId === c)!.id;
      const current = (await t.http.get(`/api/v1/remediation/cases/${id}`).set(staff).expect(200)).body;
      await t.http.patch(`/api/v1/remediation/cases/${id}`).set(staff).send({ version: current.version, plan: '关停并转', measures: '限期搬迁' }).expect(200);
      const stale = await t.http.patch(`/api/v1/remediation/cases/${id}`).set(staff).send({ version: current.version, plan: '另一方案' }).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      const staleMove = await t.http.post(`/api/v1/remediation/cases/${id}/transitions`).set(staff).send({ version: current.version, toStatus: 'CANCELLED' }).expect(409);
      expect(staleMove.body.code).toBe('VERSION_CONFLICT');
      const after = (await t.http.get(`/api/v1/remediation/cases/${id}`).set(staff).expect(200)).body;
      expect(after).toMatchObject({ plan: '关停并转', measures: '限期搬迁', status: 'IN_PROGRESS', version: current.version + 1 });
    });

    it('list with filters, overdue = open past the deadline', async () => {
      const overdueCase = await open(staff, { category: 'HIGH_ENERGY_LOW_EFFICIENCY', enterpriseId: a2, openedOn: '2022-01-01', deadline: '2022-06-30' });
      const list = async (q: string, who = staff) => (await t.http.get(`/api/v1/remediation/cases?pageSize=100&${q}`).set(who).expect(200)).body;
      const overdue = await list('overdue=true');
      expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([overdueCase.body.id]);
      expect(overdue.items[0].overdue).toBe(true);
      const blocks = await list('category=LOW_EFFICIENCY_BLOCK');
      expect(blocks.items.every((i: { subjectKind: string }) => i.subjectKind === 'LAND_BLOCK')).toBe(true);
      const closed330206 = await list('status=CLOSED&districtCode=330206');
      const expected = (await t.sql(`SELECT count(*)::int AS n FROM remediation_case c LEFT JOIN enterprise e ON e.id = c.enterprise_id LEFT JOIN land_block b ON b.id = c.block_id WHERE c.status = 'CLOSED' AND coalesce(e.district_code, b.district_code) = '330206'`))[0].n;
      expect(closed330206.meta.total).toBe(expected);
      expect(closed330206.meta.total).toBe(cases.filter((wc) => wc.district === '330206' && wc.steps[wc.steps.length - 1].to === 'CLOSED').length);
      const paged = await t.http.get('/api/v1/remediation/cases?page=2&pageSize=2').set(staff).expect(200);
      expect(paged.body.meta).toMatchObject({ page: 2, pageSize: 2 });
      expect(paged.body.items).toHaveLength(2);
      cases.push({ id: overdueCase.body.id, category: 'HIGH_ENERGY_LOW_EFFICIENCY', district: '330211', enterpriseId: a2, blockName: null, steps: [{ to: 'OPEN', on: '2022-01-01' }] });
    });

    it('export CSV and XLSX in Chinese within the caller scope', async () => {
      const csv = await t.http.get('/api/v1/remediation/cases/export?format=csv&category=LOW_EFFICIENCY_BLOCK').set(district).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain('类别,对象类型');
      expect(csv.text).toContain(blockZ.name);
      expect(csv.text).not.toContain(blockB.name);
      const xlsx = await t.http.get('/api/v1/remediation/cases/export?format=xlsx').set(staff).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });
  });

  describe('bulk open', () => {
    it('opens all or nothing: one unknown or out-of-scope firm refuses the whole batch', async () => {
      const before = await t.sql('SELECT count(*)::int AS n FROM remediation_case');
      const fresh1 = creditCode('330211');
      const f1 = await createEnterprise(t, staff, {}, { districtCode: '330211', creditCode: fresh1 });
      const body = { category: 'EVALUATION_D_CLASS', sourceKind: 'EVALUATION_D', sourceYear: 2022, responsibleUnit: '镇海区亩均办', deadline: '2099-12-31' };
      const unknown = await t.http.post('/api/v1/remediation/cases/bulk').set(staff).send({ ...body, enterprises: [fresh1, '91330211MA2XXXXX0X'] });
      expect(unknown.status).toBe(404);
      // The district officer may not reach b (330206): the whole batch is refused, f1 included.
      const outside = await t.http.post('/api/v1/remediation/cases/bulk').set(district).send({ ...body, enterprises: [fresh1, codeB] }).expect(404);
      expect(outside.body.code).toBe('ENTERPRISE_NOT_FOUND');
      expect(await t.sql('SELECT count(*)::int AS n FROM remediation_case')).toEqual(before);
      // a already has an open D-class case: skipped and reported; f1 and a2 (by id) opened.
      const ok = await t.http.post('/api/v1/remediation/cases/bulk').set(district).send({ ...body, enterprises: [fresh1, codeA, a2, ` ${fresh1} `] }).expect(201);
      expect(ok.body.opened).toBe(2);
      expect(ok.body.skipped.map((s: { creditCode: string }) => s.creditCode)).toEqual([codeA]);
      const opened = await t.sql(`SELECT enterprise_id FROM remediation_case WHERE id = ANY($1) ORDER BY enterprise_id`, [ok.body.caseIds]);
      expect(opened.map((r) => r.enterprise_id as string)).toEqual([f1, a2].sort());
      const audit = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'remediation_case.bulk_open'`);
      expect(audit[0].n).toBe(1);
      expect((await t.http.post('/api/v1/remediation/cases/bulk').set(staff).send({ ...body, category: 'LOW_EFFICIENCY_BLOCK', enterprises: [fresh1] }).expect(400)).body.errors[0].field).toBe('category');
      expect((await t.http.post('/api/v1/remediation/cases/bulk').set(staff).send({ ...body, enterprises: ['not-a-code'] }).expect(400)).body.errors[0].field).toBe('enterprises');
    });
  });

  describe('scope', () => {
    const bCase = () => cases.find((wc) => wc.enterpriseId === b && wc.category === 'HIGH_ENERGY_LOW_EFFICIENCY')!.id;

    it('a district officer cannot read or touch another district’s case or block, and sees only theirs', async () => {
      const snapshot = async () => t.sql('SELECT id, status, version, plan FROM remediation_case ORDER BY id');
      const blocks = async () => t.sql('SELECT id, name, version FROM land_block ORDER BY id');
      const before = [await snapshot(), await blocks()];
      await t.http.get(`/api/v1/remediation/cases/${bCase()}`).set(district).expect(404);
      await t.http.patch(`/api/v1/remediation/cases/${bCase()}`).set(district).send({ version: 1, plan: 'x' }).expect(404);
      await t.http.post(`/api/v1/remediation/cases/${bCase()}/transitions`).set(district).send({ version: 1, toStatus: 'IN_PROGRESS' }).expect(404);
      await open(district, { category: 'SCATTERED_WEAK', enterpriseId: b }, 404);
      await open(district, { category: 'LOW_EFFICIENCY_BLOCK', blockId: blockB.id }, 404);
      await t.http.get(`/api/v1/remediation/blocks/${blockB.id}`).set(district).expect(404);
      await t.http.patch(`/api/v1/remediation/blocks/${blockB.id}`).set(district).send({ version: blockB.version, name: '改名' }).expect(404);
      await t.http.delete(`/api/v1/remediation/blocks/${blockB.id}`).set(district).expect(404);
      const foreign = await t.http.post('/api/v1/remediation/blocks').set(district).send({ name: '越权区块', districtCode: '330206', areaMu: 10, location: '北仑' }).expect(403);
      expect(foreign.body.code).toBe('OUT_OF_SCOPE');
      expect([await snapshot(), await blocks()]).toEqual(before);
      const listed = (await t.http.get('/api/v1/remediation/cases?pageSize=100').set(district).expect(200)).body.items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((i: { districtCode: string }) => i.districtCode === '330211')).toBe(true);
      const blockList = (await t.http.get('/api/v1/remediation/blocks').set(district).expect(200)).body.items;
      expect(blockList.map((x: { name: string }) => x.name)).toEqual([blockZ.name]);
      const progress330206 = await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-12-31&districtCode=330206').set(district);
      expect(progress330206.status).toBe(403);
    });

    it('a liaison reads their own firm’s cases only, and changes nothing', async () => {
      const own = (await t.http.get('/api/v1/remediation/cases?pageSize=100').set(liaisonA).expect(200)).body.items;
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((i: { enterpriseId: string }) => i.enterpriseId === a)).toBe(true);
      await t.http.get(`/api/v1/remediation/cases/${bCase()}`).set(liaisonA).expect(404);
      await t.http.get(`/api/v1/remediation/cases/${own[0].id}`).set(liaisonA).expect(200);
      await t.http.patch(`/api/v1/remediation/cases/${own[0].id}`).set(liaisonA).send({ version: own[0].version, plan: 'x' }).expect(403);
      expect((await t.http.get('/api/v1/remediation/blocks').set(liaisonA).expect(200)).body.items).toEqual([]);
    });
  });

  describe('land blocks', () => {
    it('keep a unique name, a version, and cannot be deleted while they have cases', async () => {
      const taken = await t.http.post('/api/v1/remediation/blocks').set(staff).send({ name: blockZ.name, districtCode: '330211', areaMu: 1, location: 'x' }).expect(409);
      expect(taken.body.code).toBe('LAND_BLOCK_NAME_TAKEN');
      const badArea = await t.http.post('/api/v1/remediation/blocks').set(staff).send({ name: '面积为负', districtCode: '330211', areaMu: -1, location: 'x' }).expect(400);
      expect(badArea.body.errors[0].field).toBe('areaMu');
      const unknownDistrict = await t.http.post('/api/v1/remediation/blocks').set(staff).send({ name: '无此区县', districtCode: '999999', areaMu: 1, location: 'x' }).expect(400);
      expect(unknownDistrict.body).toMatchObject({ code: 'DISTRICT_UNKNOWN' });
      const current = (await t.http.get(`/api/v1/remediation/blocks/${blockZ.id}`).set(staff).expect(200)).body;
      expect(current).toMatchObject({ areaMu: 86.5, districtName: expect.stringMatching(/镇海/), openCases: 0 });
      const updated = await t.http.patch(`/api/v1/remediation/blocks/${blockZ.id}`).set(district).send({ version: current.version, areaMu: 90.25, districtCode: '330206' }).expect(400);
      expect(updated.body.code).toBe('VALIDATION_FAILED'); // the district is fixed: not an accepted field
      const ok = await t.http.patch(`/api/v1/remediation/blocks/${blockZ.id}`).set(district).send({ version: current.version, areaMu: 90.25 }).expect(200);
      expect(ok.body.areaMu).toBe(90.25);
      expect((await t.http.patch(`/api/v1/remediation/blocks/${blockZ.id}`).set(district).send({ version: current.version, areaMu: 1 }).expect(409)).body.code).toBe('VERSION_CONFLICT');
      expect((await t.http.delete(`/api/v1/remediation/blocks/${blockZ.id}`).set(district).expect(409)).body.code).toBe('LAND_BLOCK_IN_USE');
      const spare = await t.http.post('/api/v1/remediation/blocks').set(district).send({ name: '待删区块', districtCode: '330211', areaMu: 3, location: '镇海' }).expect(201);
      await t.http.delete(`/api/v1/remediation/blocks/${spare.body.id}`).set(district).expect(204);
      const audit = await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [spare.body.id]);
      expect(audit.map((r) => r.action as string)).toEqual(['land_block.create', 'land_block.delete']);
    });
  });
});
