import autocannon from 'autocannon';
import { Pool } from 'pg';

import { cpuMs } from './api-process';
import { BenchContext, BenchResult, BenchSuite } from './bench-suite';

const CONNECTIONS = 10;
const CODES = 2000;
// What the registry sends for GET /enterprises/by-credit-code/:code (TypeORM's findOneBy).
const LOOKUP = 'SELECT * FROM enterprise WHERE credit_code = $1 LIMIT 1';

/** The lookup statement straight on PostgreSQL, one client per HTTP connection, codes in turn. */
async function direct(pool: Pool, codes: string[], durationMs: number): Promise<number> {
  let done = 0;
  let next = 0;
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < end) {
          await client.query(LOOKUP, [codes[next++ % codes.length]]);
          done++;
        }
      } finally {
        client.release();
      }
    }),
  );
  return done / (durationMs / 1000);
}

/** GET /api/v1/enterprises/by-credit-code/:code at 10 clients, against the same statement at 10 clients. */
export const lookupBench: BenchSuite = async (ctx: BenchContext): Promise<BenchResult> => {
  const duration = 10;
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: CONNECTIONS });
  try {
    const codes = (await pool.query<{ credit_code: string }>(`SELECT credit_code FROM enterprise ORDER BY md5(credit_code) LIMIT ${CODES}`)).rows.map((r) => r.credit_code);
    let next = 0;
    const options = {
      url: ctx.apiUrl,
      headers: { authorization: `Bearer ${ctx.token}` },
      requests: [{ setupRequest: (r: { path?: string }) => ({ ...r, path: `/api/v1/enterprises/by-credit-code/${codes[next++ % codes.length]}` }) }],
    };
    await autocannon({ ...options, connections: 2, duration: 2 });
    const cpu0 = ctx.apiPid ? cpuMs(ctx.apiPid) : NaN;
    const http = await autocannon({ ...options, connections: CONNECTIONS, duration });
    // CPU the API spent per request: unlike throughput, it hardly depends on what else the machine runs.
    const cpuPerRequest = ctx.apiPid ? (cpuMs(ctx.apiPid) - cpu0) / http.requests.total : NaN;
    if (http.non2xx || http.errors) throw new Error(`lookup: ${http.non2xx} non-2xx, ${http.errors} errors`);
    const sql = await direct(pool, codes, duration * 1000);
    const ratio = http.requests.average / sql;
    return {
      title: `Lookup by credit code: ${CONNECTIONS} concurrent connections, ${duration} s each`,
      rows: [
        {
          measure: `GET /enterprises/by-credit-code/:code, ${CODES.toLocaleString('en-US')} codes in turn`,
          value: `${Math.round(http.requests.average)} req/s, p50 ${http.latency.p50} ms, p99 ${http.latency.p99} ms; API CPU ${cpuPerRequest.toFixed(2)} ms per request`,
          baseline: `the same statement directly (${LOOKUP})`,
          baselineValue: `${Math.round(sql)} q/s`,
          goal: '≥ 0.25× the SQL throughput',
          verdict: ratio >= 0.25 ? `met (${ratio.toFixed(2)}×)` : `missed (${ratio.toFixed(2)}×)`,
        },
      ],
      notes: [
        'Each HTTP request also verifies the bearer token (HS256, the secret held as a KeyObject), reads its user, checks the role and the object scope, and serialises the enterprise.',
        'autocannon and the SQL loop run on the same 2 cores as the API and PostgreSQL, so both figures are lower than on a dedicated machine.',
      ],
    };
  } finally {
    await pool.end();
  }
};
