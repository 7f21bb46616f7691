import { CityGenerator, DEMO_DESIGNATION_SHARES } from '@app/importing';

import { createTestApp, TestApp } from '../setup/test-app';

const ENTERPRISES = 5000;

/** The designations of the generated city, one text line per designation, in a stable order. */
async function fingerprint(t: TestApp): Promise<string> {
  const [row] = await t.sql<{ f: string }>(
    `SELECT md5(string_agg(e.credit_code || d.type || d.status || d.recognised_on, ',' ORDER BY e.credit_code, d.type)) AS f
       FROM designation d JOIN enterprise e ON e.id = d.enterprise_id`,
  );
  return row.f;
}

describe(CityGenerator.name, () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  it('gives each tier and recognition its configured share of a small city, the same city for the same seed', async () => {
    const first = await createTestApp();
    apps.push(first);
    await new CityGenerator(first.dataSource, () => undefined).generate(ENTERPRISES, 7);

    const [{ n }] = await first.sql<{ n: number }>(`SELECT count(*)::int AS n FROM enterprise`);
    expect(n).toBe(ENTERPRISES);
    const rows = await first.sql<{ type: string; holders: number }>(
      `SELECT type, count(DISTINCT enterprise_id)::int AS holders FROM designation GROUP BY type`,
    );
    const holders = new Map(rows.map((r) => [r.type, r.holders]));
    for (const { type, share } of DEMO_DESIGNATION_SHARES) {
      const measured = (holders.get(type) ?? 0) / ENTERPRISES;
      expect({ type, within: Math.abs(measured - share) <= 0.1 * share }).toEqual({ type, within: true });
    }
    // Picks are per enterprise, not all-or-none: holders of a type are spread over districts.
    const [{ districts }] = await first.sql<{ districts: number }>(
      `SELECT count(DISTINCT e.district_code)::int AS districts FROM designation d JOIN enterprise e ON e.id = d.enterprise_id WHERE d.type = 'INNOVATIVE_SME'`,
    );
    expect(districts).toBeGreaterThan(3);

    const second = await createTestApp();
    apps.push(second);
    await new CityGenerator(second.dataSource, () => undefined).generate(ENTERPRISES, 7);
    expect(await fingerprint(second)).toBe(await fingerprint(first));
  });
});
