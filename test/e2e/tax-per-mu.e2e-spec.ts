import { landBasisSql, landOfYearSql } from '@app/evaluation';

import { creditCode } from '../setup/fixtures';
import { CultivationWorld } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * enterprise_tax_per_mu is kept by the database in the transaction of each change to the yearly figures or
 * the land area (forms, imports, plain SQL): after every step below it equals a model computed here from the
 * changes this test made, and the TAX_PER_MU_BELOW_10K line (and its drill-down) equals the model's count.
 * The land basis of a figure of year F is the 亩均 evaluation's land of F (owned + leased in land_use) when the
 * firm has land_use rows for F, else the registry's land area.
 */
interface Model {
  land: Map<string, number | null>;
  /** enterprise → year → tenure → area (land_use) */
  landUse: Map<string, Map<number, Map<string, number>>>;
  /** enterprise → year → yearly tax */
  tax: Map<string, Map<number, number>>;
  /** enterprise → the Beijing date it was archived on (it counts up to the day before) */
  archivedOn: Map<string, string>;
}

interface Row {
  enterpriseId: string;
  year: number;
  figureYear: number;
  latest: boolean;
  tax: number;
  perMu: number | null;
}

/** The land a figure of `year` is divided by: the year's land_use total if any, else the registry's area. */
function landOf(model: Model, id: string, year: number): number | null {
  const byTenure = model.landUse.get(id)?.get(year);
  if (byTenure && byTenure.size) return [...byTenure.values()].reduce((x, y) => x + y, 0);
  return model.land.get(id) ?? null;
}

/** The rows the table should hold: per enterprise, each year from its first tax figure to its last, the latest figure up to that year. */
function expectedRows(model: Model): Row[] {
  const rows: Row[] = [];
  for (const [enterpriseId, byYear] of model.tax) {
    const years = [...byYear.keys()].sort((x, y) => x - y);
    if (!years.length) continue;
    for (let year = years[0]; year <= years[years.length - 1]; year++) {
      const figureYear = Math.max(...years.filter((y) => y <= year));
      const tax = byYear.get(figureYear)!;
      const land = landOf(model, enterpriseId, figureYear);
      rows.push({ enterpriseId, year, figureYear, latest: figureYear === years[years.length - 1], tax, perMu: land !== null && land > 0 ? tax / land : null });
    }
  }
  return rows.sort((x, y) => x.enterpriseId.localeCompare(y.enterpriseId) || x.year - y.year);
}

/** Enterprises whose latest yearly tax up to `year` over their land is below the threshold, with that figure's year and value. */
function below(model: Model, year: number, threshold = 10000): { id: string; figureYear: number; perMu: number }[] {
  const out: { id: string; figureYear: number; perMu: number }[] = [];
  for (const [id, byYear] of model.tax) {
    const years = [...byYear.keys()].filter((y) => y <= year);
    if (!years.length) continue;
    const figureYear = Math.max(...years);
    const land = landOf(model, id, figureYear);
    if (land === null || !(land > 0)) continue;
    const perMu = byYear.get(figureYear)! / land;
    if (perMu < threshold) out.push({ id, figureYear, perMu });
  }
  return out.sort((x, y) => x.id.localeCompare(y.id));
}

describe('tax per mu kept by the database (enterprise_tax_per_mu) and the TAX_PER_MU_BELOW line', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;
  const model: Model = { land: new Map(), landUse: new Map(), tax: new Map(), archivedOn: new Map() };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
  });
  afterAll(() => t.close());

  const enterprise = async (landAreaMu: number | null, code = creditCode()) => {
    const id = await world.enterprise({ creditCode: code, landAreaMu });
    model.land.set(id, landAreaMu);
    model.tax.set(id, new Map());
    return id;
  };
  const putTax = async (id: string, year: number, taxPaidYuan: number) => {
    const current = await t.http.get(`/api/v1/enterprises/${id}/figures/${year}`).set(staff);
    const body = current.status === 200 ? { taxPaidYuan, version: current.body.version } : { taxPaidYuan };
    await t.http.put(`/api/v1/enterprises/${id}/figures/${year}`).set(staff).send(body).expect(current.status === 200 ? 200 : 201);
    model.tax.get(id)!.set(year, taxPaidYuan);
  };

  const checkTable = async () => {
    const rows = await t.sql<{ enterprise_id: string; year: number; figure_year: number; latest: boolean; tax_paid_yuan: string; tax_per_mu: string | null }>(
      `SELECT enterprise_id, year, figure_year, latest, tax_paid_yuan, tax_per_mu FROM enterprise_tax_per_mu ORDER BY enterprise_id::text, year`,
    );
    const actual = rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      year: r.year,
      figureYear: r.figure_year,
      latest: r.latest,
      tax: Number(r.tax_paid_yuan),
      perMu: r.tax_per_mu === null ? null : Math.round(Number(r.tax_per_mu) * 1e6) / 1e6,
    }));
    const expected = expectedRows(model).map((r) => ({ ...r, perMu: r.perMu === null ? null : Math.round(r.perMu * 1e6) / 1e6 }));
    expect(actual.sort((x, y) => x.enterpriseId.localeCompare(y.enterpriseId) || x.year - y.year)).toEqual(expected);
  };

  const checkLine = async (asOf: string) => {
    const expected = below(model, 2022).filter((e) => !(model.archivedOn.get(e.id)! <= asOf));
    const res = await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}`).set(staff).expect(200);
    const line = res.body.lines.find((l: { code: string }) => l.code === 'TAX_PER_MU_BELOW_10K');
    expect(line.actual).toBe(expected.length);
    const drill = await t.http.get(`/api/v1/quota-plans/2022/progress/lines/TAX_PER_MU_BELOW_10K/enterprises?asOf=${asOf}&pageSize=100`).set(staff).expect(200);
    const rows = (drill.body.items as { enterpriseId: string; detail: string; currentValue: number }[]).sort((x, y) => x.enterpriseId.localeCompare(y.enterpriseId));
    expect(rows.map((r) => ({ id: r.enterpriseId, detail: r.detail, value: r.currentValue }))).toEqual(
      expected.map((e) => ({ id: e.id, detail: `${e.figureYear} 年亩均税收 ${(Math.round(e.perMu * 100) / 100).toFixed(2)} 元/亩`, value: Math.round(e.perMu * 100) / 100 })),
    );
  };

  it('follows figures entered, replaced and deleted, land areas changed and figures imported', async () => {
    const a = await enterprise(10);
    const b = await enterprise(20);
    const c = await enterprise(null);
    const dCode = creditCode();
    const d = await enterprise(40, dCode);

    await putTax(a, 2021, 50000); // 5,000 / mu
    await putTax(a, 2022, 200000); // 20,000 / mu
    await putTax(b, 2020, 100000); // 5,000 / mu, carried to later years
    await putTax(c, 2022, 10); // no land: never counted
    await checkTable();
    await checkLine('2022-06-30');
    expect(below(model, 2022).map((x) => x.id)).toEqual([b]);

    // An import writes figures in bulk: the table follows in the same transaction.
    const csv = `统一社会信用代码,年度,实缴税金(元)\r\n${dCode},2021,1200000\r\n${dCode},2022,800000\r\n`;
    const imported = await t.http.post('/api/v1/imports/figures?dryRun=false').set(staff).attach('file', Buffer.from(csv), 'f.csv').expect(200);
    expect(imported.body.counts.created).toBe(2);
    model.tax.get(d)!.set(2021, 1200000).set(2022, 800000);
    await checkTable();
    await checkLine('2022-06-30');

    // Replacing a figure: A's 2022 tax falls to 5,000 / mu.
    await putTax(a, 2022, 50000);
    // Changing the land: D's 800,000 over 100 mu is 8,000 / mu.
    const current = await t.http.get(`/api/v1/enterprises/${d}`).set(staff).expect(200);
    await t.http.patch(`/api/v1/enterprises/${d}`).set(staff).send({ version: current.body.version, landAreaMu: 100 }).expect(200);
    model.land.set(d, 100);
    await checkTable();
    await checkLine('2022-06-30');
    expect(below(model, 2022).map((x) => x.id).sort()).toEqual([a, b, d].sort());

    // Deleting figures (plain SQL, as a bulk correction would): A falls back to 2021, B has none left.
    await t.sql(`DELETE FROM enterprise_figure WHERE enterprise_id = $1 AND year = 2022 AND quarter = 0`, [a]);
    model.tax.get(a)!.delete(2022);
    await t.sql(`DELETE FROM enterprise_figure WHERE enterprise_id = $1`, [b]);
    model.tax.get(b)!.clear();
    await checkTable();
    await checkLine('2022-06-30');

    // A quarterly figure never enters the yearly table; a later year leaves earlier years alone.
    await t.http.put(`/api/v1/enterprises/${a}/figures/2022?quarter=2`).set(staff).send({ taxPaidYuan: 1 }).expect(201);
    await putTax(d, 2024, 100000000);
    await checkTable();
    await checkLine('2022-06-30');
  });

  it('follows the evaluation land (land_use) imported, replaced and deleted, falling back to the registry area', async () => {
    const eCode = creditCode();
    const fCode = creditCode();
    const e = await enterprise(10, eCode);
    const f = await enterprise(null, fCode);
    await putTax(e, 2021, 60000); // registry 10 mu: 6,000 / mu
    await putTax(e, 2022, 90000); // registry 10 mu: 9,000 / mu
    await putTax(f, 2021, 40000); // no land at all: not counted; its 2021 row stands for 2022
    await checkTable();
    await checkLine('2022-06-30');

    const setLand = (id: string, year: number, tenure: string, area: number | null) => {
      const byYear = model.landUse.get(id) ?? new Map<number, Map<string, number>>();
      model.landUse.set(id, byYear);
      const byTenure = byYear.get(year) ?? new Map<string, number>();
      byYear.set(year, byTenure);
      if (area === null) byTenure.delete(tenure);
      else byTenure.set(tenure, area);
    };
    const importLand = async (rows: [string, number, string, number][]) => {
      const body = ['统一社会信用代码,年度,用地类型,用地面积(亩)', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
      const res = await t.http.post('/api/v1/imports/land-use?dryRun=false').set(staff).attach('file', Buffer.from(body), 'land.csv').expect(200);
      expect(res.body.errors).toEqual([]);
    };

    // Import: E's 2022 land is 3 owned + 2 leased = 5 mu (18,000 / mu); F's 2021 land 8 leased mu (5,000 / mu),
    // and F's 2022 land (no 2022 tax figure) changes nothing: a figure is divided by the land of its own year.
    await importLand([
      [eCode, 2022, '自有用地', 3],
      [eCode, 2022, '租赁用地', 2],
      [fCode, 2021, '租赁用地', 8],
      [fCode, 2022, '自有用地', 1],
    ]);
    setLand(e, 2022, 'OWNED', 3);
    setLand(e, 2022, 'LEASED', 2);
    setLand(f, 2021, 'LEASED', 8);
    setLand(f, 2022, 'OWNED', 1);
    await checkTable();
    await checkLine('2022-06-30');
    expect(below(model, 2022).map((x) => x.id)).toContain(f);
    expect(below(model, 2022).map((x) => x.id)).not.toContain(e);

    // Re-import replaces: E's owned land becomes 20 mu, 22 in all (4,090.91 / mu).
    await importLand([[eCode, 2022, '自有用地', 20]]);
    setLand(e, 2022, 'OWNED', 20);
    await checkTable();
    await checkLine('2022-06-30');
    expect(below(model, 2022).map((x) => x.id)).toContain(e);

    // Plain SQL alike: deleting E's 2022 land falls back to the registry's 10 mu; F's 2021 land shrinks to 2 mu.
    await t.sql(`DELETE FROM land_use WHERE enterprise_id = $1 AND year = 2022`, [e]);
    setLand(e, 2022, 'OWNED', null);
    setLand(e, 2022, 'LEASED', null);
    await t.sql(`UPDATE land_use SET area_mu = 2 WHERE enterprise_id = $1 AND year = 2021`, [f]);
    setLand(f, 2021, 'LEASED', 2);
    await checkTable();
    await checkLine('2022-06-30');
    expect(below(model, 2022).map((x) => x.id)).toContain(e);
    expect(below(model, 2022).map((x) => x.id)).not.toContain(f);
  });

  it('counts an enterprise up to the day before it was archived, in the line, its drill-down and last year-end', async () => {
    const g = await enterprise(10);
    const h = await enterprise(10);
    await putTax(g, 2021, 30000); // 3,000 / mu, carried to 2022
    await putTax(h, 2022, 40000); // 4,000 / mu
    await putTax(h, 2021, 40000);
    // Archived on 15 March 2022 (Beijing), as a bulk correction would date it; h is archived today.
    await t.sql(`UPDATE enterprise SET archived = true, archived_at = '2022-03-15T09:00:00+08:00' WHERE id = $1`, [g]);
    model.archivedOn.set(g, '2022-03-15');
    await t.http.delete(`/api/v1/enterprises/${h}`).set(staff).expect(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    model.archivedOn.set(h, today);
    for (const asOf of ['2022-03-14', '2022-03-15', '2022-06-30', today]) await checkLine(asOf);
    const ids = (asOf: string) => below(model, 2022).filter((e) => !(model.archivedOn.get(e.id)! <= asOf)).map((e) => e.id);
    expect([ids('2022-03-14').includes(g), ids('2022-03-15').includes(g), ids('2022-06-30').includes(h), ids(today).includes(h)]).toEqual([true, false, true, false]);

    // A count driven down is judged against the previous year-end, when g was still on the register: the
    // 2021 count there, computed here, is the line's baseline (percent = the share of it removed since).
    const yearEnd = below(model, 2021).filter((e) => !(model.archivedOn.get(e.id)! <= '2021-12-31')).length;
    const now = ids('2022-06-30').length;
    const res = await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-06-30').set(staff).expect(200);
    const line = res.body.lines.find((l: { code: string }) => l.code === 'TAX_PER_MU_BELOW_10K');
    expect([line.actual, line.percent]).toEqual([now, now <= 0 ? 100 : Math.max(0, Math.round(((yearEnd - now) / yearEnd) * 1000) / 10)]);
  });

  it("the evaluation's land basis: landBasisSql (the SQL function) and its one-pass twin landOfYearSql agree with the model", async () => {
    for (const year of [2021, 2022]) {
      const ids = [...model.tax.keys()];
      const rows = await t.sql<{ id: string; basis: string | null; one_pass: string | null }>(
        `SELECT i.id, ${landBasisSql('i.id', '$2::int')} AS basis, l.land_mu AS one_pass
           FROM unnest($1::uuid[]) AS i(id) LEFT JOIN (${landOfYearSql('$2::int')}) l ON l.enterprise_id = i.id`,
        [ids, year],
      );
      for (const r of rows) {
        const byTenure = model.landUse.get(r.id)?.get(year);
        const expected = byTenure && byTenure.size ? [...byTenure.values()].reduce((x, y) => x + y, 0) : null;
        expect([r.id, r.basis === null ? null : Number(r.basis), r.one_pass === null ? null : Number(r.one_pass)]).toEqual([r.id, expected, expected]);
      }
    }
  });
});
