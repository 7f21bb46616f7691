import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { StartupService } from '../../apps/api/src/startup.service';
import { createTestApp, TestApp } from '../setup/test-app';

interface SeedFirm {
  foundedOn: string | null;
  landAreaMu: string | null;
  figures: { year: number }[];
}

describe('demo evaluation: a seeded scheme evaluates the demo city', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  const firms = JSON.parse(readFileSync(join(__dirname, '../../seeds/demo/enterprises.json'), 'utf8')) as SeedFirm[];
  const scheme = JSON.parse(readFileSync(join(__dirname, '../../seeds/reference/evaluation-scheme-2023.json'), 'utf8')) as { year: number; minFirmAgeYears: number };
  const year = scheme.year;

  // From the seed files alone: every demo firm with land or the year's figures gets a sheet; firms
  // without land are excluded first (no land), then firms founded after 31 Dec of year − minimum age.
  const hasLand = (f: SeedFirm) => Number(f.landAreaMu ?? 0) > 0;
  const withSheet = firms.filter((f) => hasLand(f) || f.figures.some((x) => x.year === year));
  const noLand = withSheet.filter((f) => !hasLand(f)).length;
  const tooYoung = withSheet.filter((f) => hasLand(f) && f.foundedOn !== null && f.foundedOn > `${year - scheme.minFirmAgeYears}-12-31`).length;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(StartupService).prepare({ demo: true });
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  it('has a computed year with a sheet per demo firm, the exclusions of the seed data and all four classes', async () => {
    const overview = (await t.http.get(`/api/v1/evaluations/${year}`).set(staff).expect(200)).body;
    expect(overview.status).toBe('COMPUTED');
    expect(overview.resultCount).toBe(withSheet.length);
    const rows = overview.distribution as { class: string | null; count: number }[];
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(withSheet.length);
    for (const cls of ['A', 'B', 'C', 'D']) expect({ cls, n: rows.filter((r) => r.class === cls).reduce((s, r) => s + r.count, 0) > 0 }).toEqual({ cls, n: true });

    const excluded = (await t.http.get(`/api/v1/evaluations/${year}/results?excluded=true&pageSize=100`).set(staff).expect(200)).body;
    expect(excluded.meta.total).toBeLessThanOrEqual(100);
    const reasons = (excluded.items as { exclusionReason: string }[]).map((r) => r.exclusionReason);
    expect(reasons.filter((r) => r === 'NO_LAND')).toHaveLength(noLand);
    expect(reasons.filter((r) => r === 'FIRM_TOO_YOUNG')).toHaveLength(tooYoung);
    expect(excluded.meta.total).toBe(rows.filter((r) => r.class === null).reduce((s, r) => s + r.count, 0));
    expect(noLand).toBeGreaterThan(0);
  });

  it('adds nothing and recomputes nothing when seeded again', async () => {
    const before = (await t.http.get(`/api/v1/evaluations/${year}`).set(staff).expect(200)).body;
    const again = await t.app.get(StartupService).prepare({ demo: true });
    expect(again.seeded).toMatchObject({ evaluationLandRowsAdded: 0, evaluationFigureRowsAdded: 0, evaluationResultsComputed: 0 });
    const after = (await t.http.get(`/api/v1/evaluations/${year}`).set(staff).expect(200)).body;
    expect(after.computedAt).toBe(before.computedAt);
    expect(after.resultCount).toBe(before.resultCount);
  });
});
