import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { StartupService } from '../../apps/api/src/startup.service';
import { createTestApp, TestApp } from '../setup/test-app';

interface SeedCase {
  category: string;
  steps: { to: string; on: string }[];
}

const LINES: Record<string, string> = {
  HIGH_ENERGY_LOW_EFFICIENCY: 'HIGH_ENERGY_LOW_EFFICIENCY',
  SCATTERED_WEAK: 'SCATTERED_WEAK',
  LOW_EFFICIENCY_BLOCKS: 'LOW_EFFICIENCY_BLOCK',
};

describe('demo remediation data', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  const seed = JSON.parse(readFileSync(join(__dirname, '../../seeds/demo/remediation.json'), 'utf8')) as { cases: SeedCase[] };

  // Read from the seed file itself: a case counts at D when its last step up to D is CLOSED and dated in 2022.
  const expected = (category: string, asOf: string) =>
    seed.cases.filter((c) => {
      if (c.category !== category) return false;
      const upTo = c.steps.filter((s) => s.on <= asOf);
      const last = upTo[upTo.length - 1];
      return last?.to === 'CLOSED' && last.on >= '2022-01-01';
    }).length;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(StartupService).prepare({ demo: true });
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  it('adds nothing when seeded again', async () => {
    const again = await t.app.get(StartupService).prepare({ demo: true });
    expect(again.seeded).toMatchObject({ landBlocksAdded: 0, remediationCasesAdded: 0 });
  });

  it('has cases of every category and status, and moves the three plan lines through 2022', async () => {
    for (const status of ['OPEN', 'IN_PROGRESS', 'CLOSED', 'CANCELLED']) {
      expect((await t.http.get(`/api/v1/remediation/cases?status=${status}`).set(staff).expect(200)).body.meta.total).toBeGreaterThan(0);
    }
    for (const category of ['HIGH_ENERGY_LOW_EFFICIENCY', 'SCATTERED_WEAK', 'EVALUATION_D_CLASS', 'LOW_EFFICIENCY_BLOCK']) {
      expect((await t.http.get(`/api/v1/remediation/cases?category=${category}`).set(staff).expect(200)).body.meta.total).toBeGreaterThan(0);
    }
    for (const asOf of ['2022-06-30', '2022-12-31']) {
      const res = await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}`).set(staff).expect(200);
      for (const [code, category] of Object.entries(LINES)) {
        const line = res.body.lines.find((l: { code: string }) => l.code === code);
        expect({ asOf, code, actual: line.actual }).toEqual({ asOf, code, actual: expected(category, asOf) });
        expect(line.actual).toBeGreaterThan(0);
      }
    }
  });
});
