import { SeedService } from '@app/seeding';

import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * Investment projects over HTTP: CRUD and validation, scope, versions, the monthly judgement at its
 * boundaries, the five 2022 project lines recomputed by the test from the world it built (at several dates,
 * including one before a later change), imports, and the seeding upgrade of untouched MANUAL lines.
 */

interface WorldProject {
  id: string;
  name: string;
  revisions: { on: string; programmes: string[]; district: string; planYear: number; totalYuan: number; yearYuan: number | null }[];
  stages: { on: string; stage: string }[];
}

/** The model of the rule, written from the README: the revision and stage in force on D; terminated projects do not count. */
function counted(p: WorldProject, programme: string, year: number, date: string, district?: string) {
  const rev = p.revisions.filter((r) => r.on <= date).pop();
  const stage = p.stages.filter((s) => s.on <= date).pop();
  if (!rev || stage?.stage === 'TERMINATED') return null;
  if (rev.planYear !== year || !rev.programmes.includes(programme)) return null;
  if (district && rev.district !== district) return null;
  return rev;
}

/** The judgement rule as the README states it: plan linear over planned months; ≥ 110 % 超前, < 90 % 滞后. */
function expectedJudgement(total: number, start: string, end: string, month: string, cumulative: number): string {
  const idx = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  const n = idx(end) - idx(start) + 1;
  const k = Math.min(Math.max(idx(month) - idx(start) + 1, 0), n);
  if (k === 0) return cumulative > 0 ? 'AHEAD' : 'NORMAL';
  // In cents × 100 to stay in integers.
  const actual = Math.round(cumulative * 100) * n * 100;
  const plan = Math.round(total * 100) * k;
  if (actual >= plan * 110) return 'AHEAD';
  if (actual < plan * 90) return 'BEHIND';
  return 'NORMAL';
}

describe('investment projects', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let officer: Record<string, string>;
  let liaison: Record<string, string>;
  let a: { id: string; creditCode: string };
  let b: { id: string; creditCode: string };
  let chainId: string;
  const world: WorldProject[] = [];

  const enterprise = async (districtCode: string) => {
    const payload = enterprisePayload({ districtCode });
    const res = await t.http.post('/api/v1/enterprises').set(staff).send(payload).expect(201);
    return { id: res.body.id as string, creditCode: payload.creditCode as string };
  };

  const base = (over: Record<string, unknown> = {}) => ({
    name: '年产5万台智能注塑装备技改项目',
    enterpriseId: a.id,
    kind: 'TECH_UPGRADE',
    programmeCodes: ['SHUANGBAI'],
    planYear: 2022,
    plannedTotalYuan: 350000000,
    plannedYearYuan: 120000000,
    plannedEquipmentYuan: 200000000,
    plannedSoftwareYuan: 30000000,
    plannedStartOn: '2022-01-15',
    plannedCompletionOn: '2022-12-20',
    registeredOn: '2022-02-10',
    ...over,
  });

  /** Creates a project and records what the test knows about it. */
  const project = async (over: Record<string, unknown> = {}, who = staff) => {
    const body = base(over) as ReturnType<typeof base> & { districtCode?: string; stage?: string };
    const res = await t.http.post('/api/v1/projects').set(who).send(body).expect(201);
    const e = body.enterpriseId === a.id ? '330211' : '330212';
    world.push({
      id: res.body.id,
      name: body.name,
      revisions: [{ on: body.registeredOn, programmes: body.programmeCodes, district: (body.districtCode as string) ?? e, planYear: body.planYear, totalYuan: body.plannedTotalYuan, yearYuan: body.plannedYearYuan }],
      stages: [{ on: body.registeredOn, stage: (body.stage as string) ?? 'PLANNING' }],
    });
    return res.body as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    a = await enterprise('330211');
    b = await enterprise('330212');
    liaison = await t.as('LIAISON', { enterpriseIds: [a.id] });
    chainId = (await t.http.get('/api/v1/chains').set(staff).expect(200)).body[0]?.id ?? (await t.http.get('/api/v1/chains').set(staff)).body.items[0].id;
  });
  afterAll(() => t.close());

  it('registers, reads, updates with the version check and moves stages, each change audited', async () => {
    const created = await project({ name: '宁波测试项目甲', projectCode: '2022-330211-34-03-000015', chainId });
    const detail = await t.http.get(`/api/v1/projects/${created.id}`).set(staff).expect(200);
    expect(detail.body).toMatchObject({ name: '宁波测试项目甲', projectCode: '2022-330211-34-03-000015', districtCode: '330211', kindLabel: '技改', stage: 'PLANNING', stageLabel: '谋划', programmeNames: ['双百'], plannedTotalYuan: 350000000 });
    expect(detail.body.allowedStages).toEqual(['PREPARATION', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'TERMINATED']);

    const updated = await t.http.patch(`/api/v1/projects/${created.id}`).set(staff).send({ version: created.version, note: '已完成备案' }).expect(200);
    expect(updated.body.note).toBe('已完成备案');
    const stale = await t.http.patch(`/api/v1/projects/${created.id}`).set(staff).send({ version: created.version, note: '另一人的修改' }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const moved = await t.http.post(`/api/v1/projects/${created.id}/stage-transitions`).set(staff).send({ toStage: 'STARTED', effectiveOn: '2022-03-01', version: updated.body.version }).expect(201);
    expect(moved.body.stages.map((s: { toStage: string; effectiveOn: string }) => [s.toStage, s.effectiveOn])).toEqual([['PLANNING', '2022-02-10'], ['STARTED', '2022-03-01']]);
    expect(moved.body.actualStartOn).toBe('2022-03-01');
    const back = await t.http.post(`/api/v1/projects/${created.id}/stage-transitions`).set(staff).send({ toStage: 'PREPARATION', version: moved.body.version }).expect(409);
    expect(back.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { allowed: ['UNDER_CONSTRUCTION', 'COMPLETED', 'TERMINATED'] } });
    world.find((p) => p.id === created.id)!.stages.push({ on: '2022-03-01', stage: 'STARTED' });

    const actions = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [created.id]);
    expect(actions.map((r) => r.action)).toEqual(['project.create', 'project.update', 'project.stage']);
  });

  it.each([
    ['2022-330211-34-03-00001', 'PROJECT_CODE_INVALID', 'projectCode', /24位/],
    ['2022-990211-34-03-000015', 'PROJECT_CODE_INVALID', 'projectCode', /省级代码 99/],
    ['1999-330211-34-03-000015', 'PROJECT_CODE_INVALID', 'projectCode', /年份 1999/],
  ])('refuses the project code %s with %s naming the field', async (projectCode, code, field, message) => {
    const res = await t.http.post('/api/v1/projects').set(staff).send(base({ projectCode })).expect(400);
    expect(res.body.code).toBe(code);
    expect(res.body.errors[0]).toMatchObject({ field, code });
    expect(res.body.errors[0].message).toMatch(message);
  });

  it('refuses unknown programmes, parts above the total and a completion before the start, writing nothing', async () => {
    const before = await t.sql('SELECT id FROM project');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ programmeCodes: ['NO_SUCH'] }, 'PROGRAMME_UNKNOWN', 'programmeCodes'],
      [{ plannedEquipmentYuan: 300000000, plannedSoftwareYuan: 60000000 }, 'INVESTMENT_INCONSISTENT', 'plannedEquipmentYuan'],
      [{ plannedCompletionOn: '2021-12-31' }, 'DATE_OUT_OF_ORDER', 'plannedCompletionOn'],
      [{ registeredOn: '2099-01-01' }, 'DATE_IN_FUTURE', 'registeredOn'],
      [{ plannedTotalYuan: -1 }, 'VALIDATION_FAILED', 'plannedTotalYuan'],
    ];
    for (const [over, code, field] of cases) {
      const res = await t.http.post('/api/v1/projects').set(staff).send(base(over)).expect(400);
      expect(res.body.code).toBe(code);
      expect(res.body.errors[0].field).toBe(field);
    }
    expect(await t.sql('SELECT id FROM project')).toHaveLength(before.length);
  });

  it('keeps district officers to their districts and liaisons to their own firm, reading and writing', async () => {
    const own = await project({ name: '镇海项目', registeredOn: '2022-03-05' });
    const foreign = await project({ name: '鄞州项目', enterpriseId: b.id, registeredOn: '2022-03-05' });
    const listed = await t.http.get('/api/v1/projects?pageSize=100').set(officer).expect(200);
    expect(listed.body.items.every((p: { districtCode: string }) => p.districtCode === '330211')).toBe(true);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(own.id);
    await t.http.get(`/api/v1/projects/${foreign.id}`).set(officer).expect(404);
    await t.http.patch(`/api/v1/projects/${foreign.id}`).set(officer).send({ version: foreign.version, note: 'x' }).expect(404);
    expect((await t.http.post('/api/v1/projects').set(officer).send(base({ enterpriseId: b.id })).expect(404)).body.code).toBe('ENTERPRISE_NOT_FOUND');
    expect((await t.http.post('/api/v1/projects').set(officer).send(base({ districtCode: '330212' })).expect(403)).body.errors[0].field).toBe('districtCode');

    const mine = await t.http.get('/api/v1/projects?pageSize=100').set(liaison).expect(200);
    expect(mine.body.items.every((p: { enterpriseId: string }) => p.enterpriseId === a.id)).toBe(true);
    await t.http.get(`/api/v1/projects/${foreign.id}`).set(liaison).expect(404);
    await t.http.patch(`/api/v1/projects/${own.id}`).set(liaison).send({ version: own.version, note: 'x' }).expect(403);
    await t.http.post('/api/v1/projects').set(liaison).send(base()).expect(403);
    await t.http.post(`/api/v1/projects/${foreign.id}/progress`).set(liaison).send({ month: '2022-03', cumulativeYuan: 1 }).expect(404);
    const reported = await t.http.post(`/api/v1/projects/${own.id}/progress`).set(liaison).send({ month: '2022-03', cumulativeYuan: 1000, reportedOn: '2022-04-02' }).expect(201);
    expect(reported.body.progress[0]).toMatchObject({ status: 'PENDING', statusLabel: '待审核', effectiveOn: null });
    const entry = reported.body.progress[0];
    await t.http.post(`/api/v1/projects/${own.id}/progress/${entry.id}/approve`).set(liaison).send({ version: entry.version }).expect(403);
    await t.http.post(`/api/v1/projects/${foreign.id}/progress`).set(officer).send({ month: '2022-03', cumulativeYuan: 1 }).expect(404);
    const approved = await t.http.post(`/api/v1/projects/${own.id}/progress/${entry.id}/approve`).set(officer).send({ version: entry.version }).expect(201);
    expect(approved.body.progress[0]).toMatchObject({ status: 'APPROVED', reviewedByUsername: expect.any(String) });
    await t.http.post(`/api/v1/projects/${own.id}/progress/${entry.id}/reject`).set(officer).send({ version: approved.body.progress[0].version, reason: '重复' }).expect(409);

    const exported = await t.http.get('/api/v1/projects/export?format=csv').set(officer).expect(200);
    expect(exported.text).toContain('镇海项目');
    expect(exported.text).not.toContain('鄞州项目');
    expect(exported.text.split('\r\n')[0]).toContain('项目名称');
    await t.http.get('/api/v1/projects/export?format=xlsx').set(staff).expect(200).expect('Content-Type', /spreadsheetml/);
  });

  it('judges each month against the linear cumulative plan at the stated boundaries', async () => {
    const total = 1200000;
    const p = await project({ name: '判定边界项目', plannedTotalYuan: total, plannedYearYuan: null, plannedEquipmentYuan: null, plannedSoftwareYuan: null, programmeCodes: [] });
    // March: plan = 1,200,000 × 3/12 = 300,000 → 90 % = 270,000, 110 % = 330,000.
    const entries: [string, number][] = [
      ['2021-11', 0], ['2021-12', 1], ['2022-03', 269999.99], ['2022-03', 270000], ['2022-03', 329999.99], ['2022-03', 330000], ['2023-02', 1079999.99], ['2023-02', 1080000],
    ];
    let last;
    for (const [month, cumulativeYuan] of entries) {
      const reportedOn = month < '2022-02' ? '2022-02-20' : `${month}-28`; // never before the month began
      last = await t.http.post(`/api/v1/projects/${p.id}/progress`).set(staff).send({ month, cumulativeYuan, reportedOn }).expect(201);
    }
    const got = last!.body.progress.map((r: { month: string; cumulativeYuan: number; judgement: string }) => [r.month, r.cumulativeYuan, r.judgement]);
    expect(got).toEqual(entries.map(([m, c]) => [m, c, expectedJudgement(total, '2022-01-15', '2022-12-20', m, c)]));
    expect(got.map((g: string[]) => g[2])).toEqual(['NORMAL', 'AHEAD', 'BEHIND', 'NORMAL', 'NORMAL', 'AHEAD', 'BEHIND', 'NORMAL']);
    expect(last!.body.progress[3].judgementLabel).toBe('正常');
  });

  it('computes the five project lines from the dated history, unchanged for a date before a later change', async () => {
    const chainless = { plannedEquipmentYuan: null, plannedSoftwareYuan: null, plannedYearYuan: null };
    const p1 = await project({ ...chainless, name: '双百甲', programmeCodes: ['SHUANGBAI', 'DIGITAL_TRANSFORMATION'], plannedTotalYuan: 250000000, registeredOn: '2022-01-20' });
    const p2 = await project({ ...chainless, name: '扩产乙', enterpriseId: b.id, kind: 'EXPANSION', programmeCodes: ['EXPANSION'], plannedTotalYuan: 180000000, registeredOn: '2022-04-01' });
    const p3 = await project({ ...chainless, name: '扩产丙', programmeCodes: ['EXPANSION', 'DIGITAL_TRANSFORMATION'], plannedTotalYuan: 90000000, registeredOn: '2022-05-10' });
    await project({ ...chainless, name: '下年项目', programmeCodes: ['SHUANGBAI'], planYear: 2023, registeredOn: '2022-05-10' });
    // Later changes, each dated: p2 joins 双百 with a larger total from 08-01; p3 is terminated from 10-01.
    const p2v = (await t.http.get(`/api/v1/projects/${p2.id}`).set(staff)).body.version;
    await t.http.patch(`/api/v1/projects/${p2.id}`).set(staff).send({ version: p2v, programmeCodes: ['EXPANSION', 'SHUANGBAI'], plannedTotalYuan: 220000000, effectiveOn: '2022-08-01' }).expect(200);
    const w2 = world.find((w) => w.id === p2.id)!;
    w2.revisions.push({ ...w2.revisions[0], on: '2022-08-01', programmes: ['EXPANSION', 'SHUANGBAI'], totalYuan: 220000000 });
    const early = await t.http.patch(`/api/v1/projects/${p2.id}`).set(staff).send({ version: p2v + 1, note: 'x', effectiveOn: '2022-07-01' }).expect(400);
    expect(early.body.code).toBe('DATE_OUT_OF_ORDER');
    const p3v = (await t.http.get(`/api/v1/projects/${p3.id}`).set(staff)).body.version;
    await t.http.post(`/api/v1/projects/${p3.id}/stage-transitions`).set(staff).send({ toStage: 'TERMINATED', effectiveOn: '2022-10-01', reason: '企业撤回', version: p3v }).expect(201);
    world.find((w) => w.id === p3.id)!.stages.push({ on: '2022-10-01', stage: 'TERMINATED' });
    expect(p1.id).toBeDefined();

    const lines: [string, string, 'count' | 'total'][] = [
      ['SHUANGBAI_PROJECTS', 'SHUANGBAI', 'count'],
      ['SHUANGBAI_INVESTMENT', 'SHUANGBAI', 'total'],
      ['EXPANSION_PROJECTS', 'EXPANSION', 'count'],
      ['EXPANSION_INVESTMENT', 'EXPANSION', 'total'],
      ['DIGITAL_TRANSFORMATION_PROJECTS', 'DIGITAL_TRANSFORMATION', 'count'],
    ];
    const expected = (programme: string, kind: 'count' | 'total', date: string, district?: string) => {
      const revs = world.map((w) => counted(w, programme, 2022, date, district)).filter((r) => r !== null);
      return kind === 'count' ? revs.length : Math.round((revs.reduce((s, r) => s + r!.totalYuan, 0) / 1e8) * 100) / 100;
    };
    for (const date of ['2022-03-31', '2022-07-31', '2022-09-30', '2022-12-31']) {
      for (const district of [undefined, '330211', '330212']) {
        const res = await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${date}${district ? `&districtCode=${district}` : ''}`).set(staff).expect(200);
        const byCode = Object.fromEntries(res.body.lines.map((l: { code: string; actual: number }) => [l.code, l]));
        for (const [code, programme, kind] of lines) {
          expect([date, district, code, byCode[code].actual]).toEqual([date, district, code, expected(programme, kind, date, district)]);
          expect(byCode[code].measureKind).not.toBe('MANUAL');
        }
      }
    }
    // The drill-down names the projects (one row per project) with the amount summed.
    const drill = await t.http.get('/api/v1/quota-plans/2022/progress/lines/SHUANGBAI_INVESTMENT/enterprises?asOf=2022-09-30&pageSize=100').set(staff).expect(200);
    const names = world.filter((w) => counted(w, 'SHUANGBAI', 2022, '2022-09-30')).map((w) => w.name).sort();
    expect(drill.body.items.map((r: { detail: string }) => r.detail.split(' ')[0]).sort()).toEqual(names);
    expect(drill.body.items.find((r: { detail: string }) => r.detail.startsWith('扩产乙'))).toMatchObject({ currentValue: 220000000, districtCode: '330212' });
  });

  it('sums completed investment as approved and effective on the day: a later approval leaves earlier days alone', async () => {
    const p = await project({ name: '完成投资项目', programmeCodes: ['MAJOR_INDUSTRIAL'], registeredOn: '2022-01-05' });
    await t.http
      .post('/api/v1/quota-plans/2022/lines')
      .set(staff)
      .send({ code: 'MAJOR_COMPLETED', label: '亿元以上项目完成投资', unit: '万元', group: '投资', target: 10000, measureKind: 'PROJECT_INVESTMENT', measureParams: { programme: 'MAJOR_INDUSTRIAL', investmentBasis: 'COMPLETED', unitYuan: '10000' } })
      .expect(201);
    await t.http.post(`/api/v1/projects/${p.id}/progress`).set(staff).send({ month: '2022-03', cumulativeYuan: 5000000, reportedOn: '2022-04-05' }).expect(201);
    await t.http.post(`/api/v1/projects/${p.id}/progress`).set(staff).send({ month: '2022-06', cumulativeYuan: 12000000, reportedOn: '2022-07-06' }).expect(201);
    // A liaison's report for September, approved today: counts from today only.
    const sept = await t.http.post(`/api/v1/projects/${p.id}/progress`).set(liaison).send({ month: '2022-09', cumulativeYuan: 20000000, reportedOn: '2022-10-08' }).expect(201);
    const entry = sept.body.progress.find((r: { month: string }) => r.month === '2022-09');
    const actual = async (asOf: string) =>
      (await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}`).set(staff).expect(200)).body.lines.find((l: { code: string }) => l.code === 'MAJOR_COMPLETED').actual;
    const before = [await actual('2022-03-31'), await actual('2022-04-30'), await actual('2022-07-31'), await actual('2022-12-31')];
    expect(before).toEqual([0, 500, 1200, 1200]);
    await t.http.post(`/api/v1/projects/${p.id}/progress/${entry.id}/approve`).set(staff).send({ version: entry.version }).expect(201);
    expect([await actual('2022-03-31'), await actual('2022-04-30'), await actual('2022-07-31'), await actual('2022-12-31')]).toEqual(before);
  });

  it('imports projects and monthly progress with a dry run, and refuses a bad file by line and column', async () => {
    const upload = (kind: string, body: string, dryRun: boolean, who = staff) =>
      t.http.post(`/api/v1/imports/${kind}?dryRun=${dryRun}`).set(who).attach('file', Buffer.from(body), 'list.csv');
    const header = '项目代码,项目名称,统一社会信用代码,项目类型,专项,计划年度,计划总投资(元),计划开工日期,计划竣工日期,项目阶段\n';
    const good = header + `2022-330211-34-03-000101,导入项目一,${a.creditCode},技改,双百、数字化改造,2022,"120,000,000",2022/3/1,2023-06-30,前期\n` + `2022-330212-34-03-000102,导入项目二,${b.creditCode},增资扩产,增资扩产,2022,80000000,2022-04-01,2022-12-31,\n`;
    const dry = await upload('projects', good, true).expect(200);
    expect(dry.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(await t.sql(`SELECT 1 FROM project WHERE project_code LIKE '2022-3302__-34-03-0001%'`)).toHaveLength(0);
    expect((await upload('projects', good, false).expect(200)).body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const [stored] = await t.sql<{ stage: string; programme_codes: string[]; planned_total_yuan: string }>(`SELECT stage, programme_codes, planned_total_yuan FROM project WHERE project_code = '2022-330211-34-03-000101'`);
    expect(stored).toEqual({ stage: 'PREPARATION', programme_codes: ['SHUANGBAI', 'DIGITAL_TRANSFORMATION'], planned_total_yuan: '120000000.00' });
    // The same file again updates by project code.
    expect((await upload('projects', good, false).expect(200)).body.counts).toEqual({ created: 0, updated: 2, unchanged: 0, rejected: 0 });

    const bad = header + `2022-330211-34-03-00010,坏代码,${a.creditCode},技改,双百,2022,1000,,,\n` + `,未知专项,${a.creditCode},技改,十大工程,2022,1000,,,\n` + `,他区项目,${b.creditCode},技改,双百,2022,1000,,,\n`;
    const badDry = await upload('projects', bad, true, officer).expect(200);
    expect(badDry.body.errors).toEqual([
      expect.objectContaining({ line: 2, column: '项目代码', code: 'PROJECT_CODE_INVALID' }),
      expect.objectContaining({ line: 3, column: '专项', code: 'PROGRAMME_UNKNOWN' }),
      expect.objectContaining({ line: 4, column: '统一社会信用代码', code: 'ENTERPRISE_NOT_FOUND' }),
    ]);
    expect((await upload('projects', bad, false, officer).expect(422)).body.code).toBe('IMPORT_REJECTED');
    await upload('projects', good, true, liaison).expect(403);

    const progress = '项目代码,月份,累计完成投资(元),填报日期\n2022-330211-34-03-000101,2022-05,30000000,2022-06-03\n2022-330212-34-03-000102,2022/6,1000,2022-07-01\n';
    const officerTry = await upload('project-progress', progress, true, officer).expect(200);
    expect(officerTry.body.errors).toEqual([expect.objectContaining({ line: 3, column: '项目代码', code: 'PROJECT_NOT_FOUND' })]);
    expect((await upload('project-progress', progress, false).expect(200)).body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const [row] = await t.sql<{ status: string; effective_on: string }>(`SELECT status, to_char(effective_on, 'YYYY-MM-DD') AS effective_on FROM project_progress WHERE month = '2022-05' AND cumulative_yuan = 30000000`);
    expect(row).toEqual({ status: 'APPROVED', effective_on: '2022-06-03' });
  });

  it('upgrades an untouched MANUAL seed line to its computed measure and leaves an edited one alone', async () => {
    await t.sql(`UPDATE quota_line SET measure_kind = 'MANUAL', measure_params = '{}', version = 1 WHERE code = 'SHUANGBAI_PROJECTS'`);
    await t.sql(`UPDATE quota_line SET measure_kind = 'MANUAL', measure_params = '{}', version = 2 WHERE code = 'EXPANSION_PROJECTS'`);
    await t.app.get(SeedService).seed({ demo: false });
    const rows = await t.sql<{ code: string; measure_kind: string; measure_params: Record<string, unknown> }>(
      `SELECT code, measure_kind, measure_params FROM quota_line WHERE code IN ('SHUANGBAI_PROJECTS', 'EXPANSION_PROJECTS') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'EXPANSION_PROJECTS', measure_kind: 'MANUAL', measure_params: {} },
      { code: 'SHUANGBAI_PROJECTS', measure_kind: 'PROJECT_COUNT', measure_params: { programme: 'SHUANGBAI' } },
    ]);
    const audit = await t.sql<{ after: Record<string, unknown> }>(`SELECT after FROM audit_log WHERE action = 'quota_line.upgrade'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ measureKind: 'PROJECT_COUNT' });
  });
});
