import { CultivationWorld, WorldEvent } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';
import { creditCode } from '../setup/fixtures';

/**
 * The recognition catalogue as data (#15 §2): a type added over the API is usable at once, the catalogue
 * validates every recorded recognition, its validity drives the default expiry, carriers hold recognitions
 * under the same lifecycle and scope, and the plan's seven recognition lines are recomputed here from the
 * world the test builds, at several dates.
 */
describe('recognition catalogue and carriers', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
  });
  afterAll(() => t.close());

  const designate = (body: Record<string, unknown>, headers = staff) => t.http.post('/api/v1/designations').set(headers).send(body);

  it('adds a type over the API and records a recognition of it at once, its validity giving the default expiry', async () => {
    const created = await t.http
      .post('/api/v1/recognition-types')
      .set(staff)
      .send({ code: 'GREEN_SUPPLY_CHAIN', name: '绿色供应链管理企业', levels: ['NATIONAL', 'PROVINCIAL'], validityYears: 2, holderKind: 'ENTERPRISE', issuingBody: '工业和信息化部' })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'GREEN_SUPPLY_CHAIN', validityYears: 2, levelLabels: ['国家级', '省级'], holderKindLabel: '企业', version: 1 });
    // The dictionary serves it by name.
    const dict = (await t.http.get('/api/v1/dictionaries').set(staff).expect(200)).body;
    expect(dict.enums.designationType).toContainEqual({ value: 'GREEN_SUPPLY_CHAIN', label: '绿色供应链管理企业' });

    const enterpriseId = await world.enterprise();
    const first = await designate({ enterpriseId, type: 'GREEN_SUPPLY_CHAIN', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: '2024-02-29' }).expect(201);
    expect(first.body).toMatchObject({ typeLabel: '绿色供应链管理企业', holderKind: 'ENTERPRISE', expiresOn: '2026-02-28', recognisingBody: '工业和信息化部' });

    // Staff lengthen the validity: recognitions recorded from now on get the new term; the recorded one keeps its own.
    await t.http.patch('/api/v1/recognition-types/GREEN_SUPPLY_CHAIN').set(staff).send({ validityYears: 4, version: 1 }).expect(200);
    await t.http.patch('/api/v1/recognition-types/GREEN_SUPPLY_CHAIN').set(staff).send({ validityYears: 5, version: 1 }).expect(409);
    const second = await designate({ enterpriseId, type: 'GREEN_SUPPLY_CHAIN', level: 'PROVINCIAL', status: 'RECOGNISED', recognisedOn: '2023-05-10' }).expect(201);
    expect(second.body.expiresOn).toBe('2027-05-10');
    expect((await t.http.get(`/api/v1/designations/${first.body.id}`).set(staff).expect(200)).body.expiresOn).toBe('2026-02-28');
    // The SQL twin reads the same validity from the catalogue.
    const [row] = await t.sql<{ v: string }>(
      `SELECT ((date '2023-05-10') + make_interval(years => (SELECT validity_years FROM recognition_type WHERE code = 'GREEN_SUPPLY_CHAIN')))::date::text AS v`,
    );
    expect(row.v).toBe(second.body.expiresOn);
    // A re-recognition after review starts a term of the catalogue's validity at that time.
    await t.http.patch('/api/v1/recognition-types/GREEN_SUPPLY_CHAIN').set(staff).send({ validityYears: 3, version: 2 }).expect(200);
    const review = await t.http.post(`/api/v1/designations/${second.body.id}/transitions`).set(staff).send({ toStatus: 'UNDER_REVIEW', effectiveOn: '2026-06-01', reason: '复核', version: second.body.version }).expect(201);
    const again = await t.http.post(`/api/v1/designations/${second.body.id}/transitions`).set(staff).send({ toStatus: 'RECOGNISED', effectiveOn: '2026-07-01', reason: '复核通过', version: review.body.version }).expect(201);
    expect(again.body.expiresOn).toBe('2029-07-01');

    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'recognition_type' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['recognition_type.create', 'recognition_type.update', 'recognition_type.update']);
  });

  it('refuses an unknown type, one not yet in force, a level the type lacks and the wrong holder, with the field and a Chinese message', async () => {
    const enterpriseId = await world.enterprise();
    const unknown = await designate({ enterpriseId, type: 'NO_SUCH_TYPE', level: 'NATIONAL' }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'type' }] });
    expect(unknown.body.message).toContain('不在认定类型目录中');

    await t.http
      .post('/api/v1/recognition-types')
      .set(staff)
      .send({ code: 'LATER_TYPE', name: '明年启用的认定', levels: ['MUNICIPAL'], holderKind: 'ENTERPRISE', effectiveFrom: '2099-01-01' })
      .expect(201);
    const notYet = await designate({ enterpriseId, type: 'LATER_TYPE', level: 'MUNICIPAL', status: 'RECOGNISED', recognisedOn: '2023-01-01' }).expect(400);
    expect(notYet.body.errors[0].field).toBe('type');
    expect(notYet.body.message).toContain('适用期');

    const level = await designate({ enterpriseId, type: 'DIGITAL_WORKSHOP', level: 'NATIONAL' }).expect(400);
    expect(level.body.errors[0].field).toBe('level');
    expect(level.body.message).toContain('数字化车间');
    const holder = await designate({ enterpriseId, type: 'GREEN_PARK', level: 'NATIONAL' }).expect(400);
    expect(holder.body.errors[0].field).toBe('enterpriseId');
    await designate({ type: 'GREEN_PARK', level: 'NATIONAL' }).expect(400);

    // Creating a type needs reference-write: a district officer cannot.
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] });
    await t.http.post('/api/v1/recognition-types').set(officer).send({ code: 'X_TYPE', name: 'x', levels: ['MUNICIPAL'], holderKind: 'ENTERPRISE' }).expect(403);
    const bad = await t.http.post('/api/v1/recognition-types').set(staff).send({ code: 'CARRIER_X', name: 'x', levels: ['MUNICIPAL'], holderKind: 'CARRIER' }).expect(400);
    expect(bad.body.errors[0].field).toBe('carrierKind');
    expect(await t.sql(`SELECT 1 FROM recognition_type WHERE code IN ('X_TYPE', 'CARRIER_X')`)).toHaveLength(0);
  });

  // Runs before any other test records a counted type, so the world below is all there is to count.
  it('counts the seven recognition lines from the world, at several dates, unchanged by a later revocation', async () => {
    // The world: holders (enterprises and carriers) with dated recognitions, kept here to recompute each line.
    interface Rec {
      holder: string;
      type: string;
      level: string;
      district: string;
      validity: number | null;
      events: WorldEvent[];
    }
    const recs: Rec[] = [];
    const validity: Record<string, number | null> = {};
    for (const t0 of (await t.http.get('/api/v1/recognition-types').set(staff).expect(200)).body) validity[t0.code] = t0.validityYears;
    const ent = async (district: string, items: [string, string, WorldEvent[]][]) => {
      const id = await world.enterprise({ districtCode: district });
      for (const [type, level, events] of items) {
        await world.designation({ enterpriseId: id, type, level, events });
        recs.push({ holder: id, type, level, district, validity: validity[type], events });
      }
      return id;
    };
    const car = async (kind: string, district: string, items: [string, WorldEvent[]][], operator?: string) => {
      const id = await world.carrier({ kind, name: `${kind}-${recs.length}`, districtCode: district, ...(operator ? { operatorEnterpriseId: operator } : {}) });
      for (const [level, events] of items) {
        await world.carrierDesignation({ carrierId: id, type: kind, level, events });
        recs.push({ holder: id, type: kind, level, district, validity: validity[kind], events });
      }
      return id;
    };
    const R = (on: string): WorldEvent => ({ to: 'RECOGNISED', on });
    const op = await ent('330211', [
      ['DIGITAL_WORKSHOP', 'MUNICIPAL', [R('2022-02-10')]],
      ['SMART_FACTORY', 'PROVINCIAL', [R('2022-07-01')]],
    ]);
    await ent('330206', [['SMART_FACTORY', 'ADVANCED', [R('2022-05-05')]]]);
    await ent('330206', [['FUTURE_FACTORY', 'PROVINCIAL', [R('2021-11-01')]]]); // before the year: not new
    await ent('330211', [['DIGITAL_WORKSHOP', 'PROVINCIAL', [{ to: 'CANDIDATE', on: '2022-01-05' }, R('2022-09-09')]]]);
    await ent('330211', [['GREEN_FACTORY', 'NATIONAL', [R('2022-03-03')]]]);
    await ent('330206', [['GREEN_FACTORY', 'MUNICIPAL', [R('2022-04-04'), { to: 'REVOKED', on: '2022-08-01' }]]]);
    await car('GREEN_PARK', '330206', [['PROVINCIAL', [R('2022-06-06')]]]);
    await car('GREEN_PARK', '330211', [['NATIONAL', [R('2022-10-10')]]], op);
    await car('GREEN_DESIGN_PRODUCT', '330211', [['NATIONAL', [R('2022-01-20')]]], op);
    await car('GREEN_DESIGN_PRODUCT', '330206', [['PROVINCIAL', [R('2022-02-20')]]]); // provincial: not counted
    const laterRevoked = await car('GREEN_DESIGN_PRODUCT', '330206', [['NATIONAL', [R('2022-03-20')]]]);
    await car('INDUSTRIAL_INTERNET_PLATFORM', '330211', [['PROVINCIAL', [R('2022-05-15')]]], op);
    await car('INDUSTRY_BRAIN', '330206', [['MUNICIPAL', [R('2022-08-08')]]]);
    await car('INDUSTRY_BRAIN_APP', '330206', [['PROVINCIAL', [R('2022-04-01')]]]);
    await car('INDUSTRY_BRAIN_APP', '330211', [['MUNICIPAL', [R('2022-04-01')]]]); // municipal: not counted

    const LINES: Record<string, { types: string[]; levels: string[] }> = {
      SMART_FACTORIES: { types: ['FUTURE_FACTORY', 'SMART_FACTORY', 'DIGITAL_WORKSHOP'], levels: ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL', 'BASIC', 'ADVANCED', 'EXCELLENT', 'LEADING'] },
      GREEN_FACTORIES: { types: ['GREEN_FACTORY'], levels: ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] },
      GREEN_PARKS: { types: ['GREEN_PARK'], levels: ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] },
      GREEN_PRODUCTS: { types: ['GREEN_DESIGN_PRODUCT'], levels: ['NATIONAL'] },
      INDUSTRIAL_INTERNET_PLATFORMS: { types: ['INDUSTRIAL_INTERNET_PLATFORM'], levels: ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] },
      INDUSTRY_BRAINS: { types: ['INDUSTRY_BRAIN'], levels: ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] },
      INDUSTRY_BRAIN_APPS: { types: ['INDUSTRY_BRAIN_APP'], levels: ['PROVINCIAL'] },
    };
    // Holding on D: the latest event on or before D is RECOGNISED (within its term) or UNDER_REVIEW.
    const holds = (r: Rec, d: string) => {
      const last = r.events.filter((e) => e.on <= d).pop();
      if (!last) return false;
      const recognisedOn = r.events.filter((e) => e.on <= d && e.to === 'RECOGNISED').pop()?.on;
      const lapsed = r.validity !== null && recognisedOn !== undefined && `${Number(recognisedOn.slice(0, 4)) + r.validity}${recognisedOn.slice(4)}` < d;
      return (last.to === 'RECOGNISED' && !lapsed) || last.to === 'UNDER_REVIEW';
    };
    const expected = (code: string, asOf: string, district?: string) => {
      const { types, levels } = LINES[code];
      const end = asOf < '2022-12-31' ? asOf : '2022-12-31';
      const holders = new Set<string>();
      for (const r of recs) {
        if (!types.includes(r.type) || !levels.includes(r.level) || (district && r.district !== district) || !holds(r, asOf)) continue;
        const first = recs
          .filter((x) => x.holder === r.holder && x.type === r.type && levels.includes(x.level))
          .flatMap((x) => x.events.filter((e) => e.to === 'RECOGNISED' && e.on <= asOf).map((e) => e.on))
          .sort()[0];
        if (first >= '2022-01-01' && first <= end) holders.add(r.holder);
      }
      return holders.size;
    };
    const progress = async (asOf: string, query = '') =>
      Object.fromEntries(
        (await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}${query}`).set(staff).expect(200)).body.lines.map((l: { code: string; actual: number }) => [l.code, l.actual]),
      );
    const dates = ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31', '2023-03-31'];
    const snapshot = async () => {
      const seen: Record<string, Record<string, number>> = {};
      for (const asOf of dates) seen[asOf] = await progress(asOf);
      return seen;
    };
    const before = await snapshot();
    for (const asOf of dates) {
      for (const code of Object.keys(LINES)) expect([asOf, code, before[asOf][code]]).toEqual([asOf, code, expected(code, asOf)]);
      const beilun = await progress(asOf, '&districtCode=330206');
      for (const code of Object.keys(LINES)) expect([asOf, code, '330206', beilun[code]]).toEqual([asOf, code, '330206', expected(code, asOf, '330206')]);
    }
    // Sanity of the world itself: the lines move over the year.
    expect(before['2022-12-31'].SMART_FACTORIES).toBe(3);
    expect(before['2022-06-30'].GREEN_FACTORIES).toBe(2);
    expect(before['2022-12-31'].GREEN_FACTORIES).toBe(1);

    // The product is removed from the national list in 2023, recorded now: the 2022 figures stay.
    const productRec = (await t.http.get(`/api/v1/carriers/${laterRevoked}`).set(staff).expect(200)).body.designations[0].id;
    await world.events(productRec, [{ to: 'REVOKED', on: '2023-02-01' }]);
    recs.find((r) => r.holder === laterRevoked)!.events.push({ to: 'REVOKED', on: '2023-02-01' });
    const after = await snapshot();
    for (const asOf of dates.filter((d) => d < '2023-02-01')) expect([asOf, after[asOf]]).toEqual([asOf, before[asOf]]);
    expect(after['2023-03-31'].GREEN_PRODUCTS).toBe(expected('GREEN_PRODUCTS', '2023-03-31'));
    expect(after['2023-03-31'].GREEN_PRODUCTS).toBe(before['2023-03-31'].GREEN_PRODUCTS - 1);

    // Drill-down: a carrier's name in detail, its operator (if any) in the enterprise columns.
    const drill = (await t.http.get('/api/v1/quota-plans/2022/progress/lines/GREEN_PARKS/enterprises?asOf=2022-12-31&pageSize=100').set(staff).expect(200)).body;
    expect(drill.meta.total).toBe(2);
    const operated = drill.items.find((i: { enterpriseId: string | null }) => i.enterpriseId === op);
    expect(operated.detail).toContain('GREEN_PARK-');
    expect(operated.detail).toContain('绿色园区');
    expect(drill.items.find((i: { enterpriseId: string | null }) => i.enterpriseId === null)).toMatchObject({ districtCode: '330206', name: null });
  });

  it('keeps carriers and their recognitions in the officer’s districts, and a revocation ends holding from its date', async () => {
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] });
    const operator = await world.enterprise({ districtCode: '330206' });
    const park = (await t.http.post('/api/v1/carriers').set(officer).send({ kind: 'GREEN_PARK', name: '北仑绿色园区', districtCode: '330206', operatorEnterpriseId: operator }).expect(201)).body;
    expect(park).toMatchObject({ kindLabel: '园区', districtCode: '330206', operatorEnterpriseId: operator, holdingCount: 0 });
    await t.http.post('/api/v1/carriers').set(officer).send({ kind: 'GREEN_PARK', name: '镇海园区', districtCode: '330211' }).expect(403);
    const other = await world.carrier({ kind: 'GREEN_PARK', name: '镇海绿色园区', districtCode: '330211' });
    await t.http.get(`/api/v1/carriers/${other}`).set(officer).expect(404);
    const mine = (await t.http.get('/api/v1/carriers?kind=GREEN_PARK&pageSize=100').set(officer).expect(200)).body;
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(park.id);
    expect(mine.items.map((c: { id: string }) => c.id)).not.toContain(other);
    expect(mine.items.every((c: { districtCode: string }) => c.districtCode === '330206')).toBe(true);
    const liaison = await t.as('LIAISON', { enterpriseIds: [operator] });
    expect((await t.http.get('/api/v1/carriers').set(liaison).expect(200)).body.meta.total).toBe(0);

    // The officer records the park's recognition; another district's carrier reads as absent.
    const rec = await designate({ carrierId: park.id, type: 'GREEN_PARK', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: '2022-03-01' }, officer).expect(201);
    expect(rec.body).toMatchObject({ holderKind: 'CARRIER', carrierName: '北仑绿色园区', enterpriseId: null, districtCode: '330206', expiresOn: null });
    expect((await designate({ carrierId: other, type: 'GREEN_PARK', level: 'NATIONAL' }, officer).expect(404)).body.code).toBe('CARRIER_NOT_FOUND');
    await designate({ carrierId: park.id, type: 'GREEN_PARK', level: 'NATIONAL' }, officer).expect(409);
    await designate({ carrierId: park.id, type: 'INDUSTRY_BRAIN', level: 'PROVINCIAL' }, officer).expect(400);
    // Another carrier's recognition of the same type and level is its own record.
    await world.carrierDesignation({ carrierId: other, type: 'GREEN_PARK', level: 'NATIONAL', events: [{ to: 'RECOGNISED', on: '2022-03-01' }] });

    // Lists: carrier rows appear among designations, within scope; enterprise-only filters leave them out.
    const listed = (await t.http.get('/api/v1/designations?type=GREEN_PARK&pageSize=100').set(officer).expect(200)).body;
    expect(listed.items.map((d: { id: string }) => d.id)).toContain(rec.body.id);
    expect(listed.items.every((d: { districtCode: string; holderKind: string }) => d.districtCode === '330206' && d.holderKind === 'CARRIER')).toBe(true);
    const all = (await t.http.get('/api/v1/designations?type=GREEN_PARK&pageSize=100').set(staff).expect(200)).body;
    expect(all.meta.total).toBeGreaterThan(listed.meta.total);
    const enterprisesOnly = (await t.http.get('/api/v1/designations?holderKind=ENTERPRISE&type=GREEN_PARK').set(staff).expect(200)).body;
    expect(enterprisesOnly.meta.total).toBe(0);
    const enterprises = (await t.http.get(`/api/v1/enterprises/${operator}/designations`).set(staff).expect(200)).body;
    expect(enterprises).toEqual([]);

    // MIIT removes the park in 2023: it held on the day before, not from that day; the detail shows the history.
    await world.events(rec.body.id, [{ to: 'REVOKED', on: '2023-06-01' }]);
    const detail = (await t.http.get(`/api/v1/carriers/${park.id}`).set(officer).expect(200)).body;
    expect(detail.holdingCount).toBe(0);
    expect(detail.designations.map((d: { status: string }) => d.status)).toEqual(['REVOKED']);
    const events = (await t.http.get(`/api/v1/designations/${rec.body.id}`).set(officer).expect(200)).body.events;
    expect(events.map((e: { toStatus: string; effectiveOn: string }) => [e.toStatus, e.effectiveOn])).toEqual([
      ['RECOGNISED', '2022-03-01'],
      ['REVOKED', '2023-06-01'],
    ]);
    const audit = await t.sql(`SELECT 1 FROM audit_log WHERE action = 'carrier.create' AND entity_id = $1`, [park.id]);
    expect(audit).toHaveLength(1);
  });

  it('imports recognitions of the new enterprise-held types, refusing unknown types, missing levels and carrier-held ones', async () => {
    const code = creditCode();
    await world.enterprise({ creditCode: code });
    const upload = (csv: string, dryRun: boolean) => t.http.post(`/api/v1/imports/designations?dryRun=${dryRun}`).set(staff).attach('file', Buffer.from(csv), 'r.csv');
    const header = `统一社会信用代码,认定类型,级别,产业链代码,状态,认定日期\r\n`;
    const good = `${header}${code},数字化车间,省级,,已认定,2022-05-01\r\n${code},智能工厂,国家级(先进级),,已认定,2022-06-01\r\n${code},绿色工厂,市级,,培育对象,\r\n`;
    const dry = await upload(good, true).expect(200);
    expect(dry.body.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await t.sql(`SELECT 1 FROM designation d JOIN enterprise e ON e.id = d.enterprise_id WHERE e.credit_code = $1`, [code])).toHaveLength(0);
    expect((await upload(good, false).expect(200)).body.counts.created).toBe(3);
    expect((await upload(good, false).expect(200)).body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    const stored = await t.sql<{ type: string; level: string }>(`SELECT d.type, d.level FROM designation d JOIN enterprise e ON e.id = d.enterprise_id WHERE e.credit_code = $1 ORDER BY d.type`, [code]);
    expect(stored).toEqual([
      { type: 'DIGITAL_WORKSHOP', level: 'PROVINCIAL' },
      { type: 'GREEN_FACTORY', level: 'MUNICIPAL' },
      { type: 'SMART_FACTORY', level: 'ADVANCED' },
    ]);

    const bad = `${header}${code},灯塔工厂,省级,,已认定,2022-05-01\r\n${code},数字化车间,国家级,,已认定,2022-05-01\r\n${code},绿色园区,国家级,,已认定,2022-05-01\r\n${code},未来工厂,市级,,已认定,2022-05-01\r\n`;
    const res = await upload(bad, true).expect(200);
    expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [2, '认定类型', 'VALIDATION_FAILED'],
      [3, '级别', 'VALIDATION_FAILED'],
      [4, '认定类型', 'VALIDATION_FAILED'],
    ]);
    expect(res.body.errors[0].message).toContain('不在认定类型目录中');
    expect(res.body.counts).toMatchObject({ created: 1, rejected: 3 });
    expect((await upload(bad, false).expect(422)).body.code).toBe('IMPORT_REJECTED');
    expect(await t.sql(`SELECT 1 FROM designation d JOIN enterprise e ON e.id = d.enterprise_id WHERE e.credit_code = $1 AND d.type = 'FUTURE_FACTORY'`, [code])).toHaveLength(0);
  });
});
