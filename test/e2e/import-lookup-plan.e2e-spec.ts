import { BY_CREDIT_CODES } from '@app/importing';

import { createTestApp, TestApp } from '../setup/test-app';
import { creditCode } from '../setup/fixtures';

const LOOKUP = `SELECT e.id FROM ${BY_CREDIT_CODES}`;
const PLAIN_EQUALITY = 'SELECT e.id FROM enterprise e WHERE e.credit_code = ANY($1)';

describe('credit-code lookup of an import batch', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('probes the unique btree and cannot use the trigram index, even when the btree is gone', async () => {
    const codes = Array.from({ length: 50 }, () => creditCode());
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    const plan = async (sql: string) => JSON.stringify(await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, [codes]));
    try {
      await runner.startTransaction();
      // As if statistics made a scan look dear: the planner takes any index that can serve the condition.
      await runner.query('SET LOCAL enable_seqscan = off');
      const withBtree = await plan(LOOKUP);
      expect(withBtree).toContain('uq_enterprise_credit_code');
      expect(withBtree).not.toContain('idx_enterprise_credit_code_trgm');

      await runner.query('DROP INDEX uq_enterprise_credit_code');
      // The plain equality would now take the trigram index (it serves `=`); the lookup cannot.
      expect(await plan(PLAIN_EQUALITY)).toContain('idx_enterprise_credit_code_trgm');
      expect(await plan(LOOKUP)).not.toContain('idx_enterprise_credit_code_trgm');
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  });
});
