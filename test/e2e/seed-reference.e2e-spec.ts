import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SeedService } from '@app/seeding';

import { StartupService } from '../../apps/api/src/startup.service';
import { createTestApp, TestApp } from '../setup/test-app';

const seed = <T>(file: string): T => JSON.parse(readFileSync(join(__dirname, '../../seeds/reference', file), 'utf8')) as T;

describe('reference data at start-up', () => {
  let t: TestApp;
  // Row versions: a row the seeding rewrites gets a new xmin even when its values stay the same.
  const versions = async () =>
    t.sql<{ key: string; xmin: string }>(
      `SELECT 'district ' || code AS key, xmin::text FROM district UNION ALL SELECT 'industry ' || code, xmin::text FROM industry
       UNION ALL SELECT 'chain ' || code, xmin::text FROM chain UNION ALL SELECT 'segment ' || code, xmin::text FROM chain_segment ORDER BY 1`,
    );

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('writes nothing on a start that finds the reference data as the files give it', async () => {
    const before = await versions();
    const audits = await t.sql(`SELECT count(*)::int AS n FROM audit_log`);
    const { seeded } = await t.app.get(StartupService).prepare({ demo: false });
    expect(seeded).toMatchObject({ chainsAdded: 0, segmentsAdded: 0, quotaLinesAdded: 0, evaluationSchemesAdded: 0 });
    expect(await versions()).toEqual(before);
    expect(await t.sql(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(audits);
  });

  it('brings a changed district and industry back to the files and adds a removed segment again, leaving the rest alone', async () => {
    const districts = seed<{ code: string; name: string }[]>('districts.json');
    const industries = seed<{ code: string; name: string }[]>('industries.json');
    const chains = seed<{ code: string; segments: { code: string; name: string; children?: { code: string; name: string }[] }[] }[]>('chains.json');
    const district = districts.find((d) => d.code === '330211')!;
    const industry = industries[industries.length - 1];
    const parent = chains[0].segments.find((s) => s.children?.length)!;
    const leaf = parent.children![0];

    await t.sql(`UPDATE district SET name = '改过的区名' WHERE code = $1`, [district.code]);
    await t.sql(`UPDATE industry SET name = '改过的行业' WHERE code = $1`, [industry.code]);
    await t.sql(`DELETE FROM chain_segment WHERE code = $1`, [leaf.code]);
    const before = new Map((await versions()).map((r) => [r.key, r.xmin]));

    const counts = await t.app.get(SeedService).seed({ demo: false });
    expect(counts).toMatchObject({ districts: districts.length, industries: industries.length, chainsAdded: 0, segmentsAdded: 1 });

    expect(await t.sql(`SELECT name FROM district WHERE code = $1`, [district.code])).toEqual([{ name: district.name }]);
    expect(await t.sql(`SELECT name FROM industry WHERE code = $1`, [industry.code])).toEqual([{ name: industry.name }]);
    expect(
      await t.sql(`SELECT s.name, p.code AS parent FROM chain_segment s JOIN chain_segment p ON p.id = s.parent_id WHERE s.code = $1`, [leaf.code]),
    ).toEqual([{ name: leaf.name, parent: parent.code }]);
    const rewritten = (await versions()).filter((r) => before.get(r.key) !== r.xmin).map((r) => r.key);
    expect(rewritten.sort()).toEqual([`district ${district.code}`, `industry ${industry.code}`, `segment ${leaf.code}`].sort());
  });
});
