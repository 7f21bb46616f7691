import autocannon from 'autocannon';
import { Pool } from 'pg';

import { encodeCursor } from '@app/registry';

import { BenchContext, BenchResult, BenchRow, BenchSuite } from './bench-suite';

/** Concurrent clients: lists as in earlier runs; name searches at 10, as their goal states. */
const CONNECTIONS = 8;
const SEARCH_CONNECTIONS = 10;
const nameMatch = `(e.search_vector @@ cr_name_query($1) AND (lower(e.name) LIKE $2 OR lower(coalesce(e.short_name, '')) LIKE $2
  OR EXISTS (SELECT 1 FROM unnest(e.former_names) f WHERE lower(f) LIKE $2)))`;

interface Scenario {
  label: string;
  query: string;
  /** The SQL the API runs for it (page and count; a name search counts at most 1,001 matches) */
  where: string;
  params: unknown[];
  offset: number;
  goal?: boolean;
  countCap?: number;
  /** Concurrent clients, over HTTP and for the SQL baseline alike (default CONNECTIONS) */
  clients?: number;
  /** Keyset page: the row (name, id) the cursor names, at this many rows deep */
  cursorDepth?: number;
  cursor?: { name: string; id: string };
}

const LIST_CAP = 10_000;

const scenarios = (size: number): Scenario[] => {
  const deep = Math.min(400, Math.floor(size / 25 / 4));
  const deepRow = Math.floor(size / 2);
  return [
    { label: 'two-character name search, few hits: q=甬海', query: 'q=甬海', where: nameMatch, params: ['甬海', '%甬海%'], offset: 0, goal: true, countCap: 1000, clients: SEARCH_CONNECTIONS },
    { label: 'two-character name search, many hits: q=机械', query: 'q=机械', where: nameMatch, params: ['机械', '%机械%'], offset: 0, goal: true, countCap: 1000, clients: SEARCH_CONNECTIONS },
    { label: 'filters: district + industry prefix + above scale', query: 'districtCode=330211&industryCode=34&aboveScale=true', where: `e.district_code = $1 AND e.industry_code LIKE $2 AND e.above_scale = $3`, params: ['330211', '34%', true], offset: 0, countCap: LIST_CAP },
    { label: 'list page 1 by name', query: 'page=1', where: 'true', params: [], offset: 0, goal: true, countCap: LIST_CAP },
    { label: `deep page: page ${deep} of the whole list by name`, query: `page=${deep}`, where: 'true', params: [], offset: (deep - 1) * 25, goal: true, countCap: LIST_CAP },
    { label: `deep page with a filter: district, page ${Math.ceil(deep / 4)}`, query: `districtCode=330212&page=${Math.ceil(deep / 4)}`, where: 'e.district_code = $1', params: ['330212'], offset: (Math.ceil(deep / 4) - 1) * 25, goal: true, countCap: LIST_CAP },
    { label: `deep page by cursor: ${deepRow.toLocaleString('en-US')} rows into the whole list by name`, query: '', where: 'true', params: [], offset: 0, goal: true, countCap: LIST_CAP, cursorDepth: deepRow },
    { label: `deep page by cursor with a filter: district, ${Math.floor(deepRow / 20).toLocaleString('en-US')} rows in`, query: 'districtCode=330212', where: 'e.district_code = $1', params: ['330212'], offset: 0, goal: true, countCap: LIST_CAP, cursorDepth: Math.floor(deepRow / 20) },
  ];
};

/** The row `depth` rows into the list, and the API's cursor naming it. */
async function placeCursor(pool: Pool, s: Scenario): Promise<void> {
  const { rows } = await pool.query(`SELECT e.name, e.id FROM enterprise e WHERE e.archived = false AND ${s.where} ORDER BY e.name, e.id OFFSET ${s.cursorDepth} LIMIT 1`, s.params);
  s.cursor = rows[0];
  s.query = `${s.query ? s.query + '&' : ''}after=${encodeCursor({ sort: 'name:asc', value: rows[0].name, id: rows[0].id })}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The same two statements straight on PostgreSQL, with as many concurrent clients as HTTP connections. */
async function direct(pool: Pool, s: Scenario, durationMs: number): Promise<{ p50: number; p99: number; rps: number }> {
  const n = s.params.length;
  const keyset = s.cursor ? ` AND (e.name, e.id) > ($${n + 1}, $${n + 2})` : '';
  const pageParams = s.cursor ? [...s.params, s.cursor.name, s.cursor.id] : s.params;
  const page = `SELECT e.* FROM enterprise e WHERE e.archived = false AND ${s.where}${keyset} ORDER BY e.name ASC, e.id ASC LIMIT 26 OFFSET ${s.offset}`;
  const matches = `SELECT 1 FROM enterprise e WHERE e.archived = false AND ${s.where}${s.countCap ? ` LIMIT ${s.countCap + 1}` : ''}`;
  const count = `SELECT count(*) FROM (${matches}) matches`;
  const latencies: number[] = [];
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: s.clients ?? CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < end) {
          const t0 = process.hrtime.bigint();
          await client.query(page, pageParams);
          await client.query(count, s.params);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      } finally {
        client.release();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / (durationMs / 1000) };
}

/** List/search over HTTP with autocannon, against the same SQL run directly. */
export const searchBench: BenchSuite = async (ctx: BenchContext): Promise<BenchResult> => {
  const duration = 10;
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: Math.max(CONNECTIONS, SEARCH_CONNECTIONS) });
  const rows: BenchRow[] = [];
  try {
    for (const s of scenarios(ctx.enterprises)) {
      if (s.cursorDepth !== undefined) await placeCursor(pool, s);
      const url = `${ctx.apiUrl}/api/v1/enterprises?${encodeURI(s.query)}`;
      // Warm up caches and plans before measuring.
      await autocannon({ url, connections: 2, duration: 2, headers: { authorization: `Bearer ${ctx.token}` } });
      const http = await autocannon({ url, connections: s.clients ?? CONNECTIONS, duration, headers: { authorization: `Bearer ${ctx.token}` } });
      if (http.non2xx || http.errors) throw new Error(`${s.label}: ${http.non2xx} non-2xx, ${http.errors} errors`);
      const sql = await direct(pool, s, duration * 1000);
      rows.push({
        measure: `${s.label} (${s.clients ?? CONNECTIONS} clients)`,
        value: `${Math.round(http.requests.average)} req/s, p50 ${http.latency.p50} ms, p99 ${http.latency.p99} ms`,
        baseline: 'same SQL (page + count) directly',
        baselineValue: `${Math.round(sql.rps)} q/s, p50 ${sql.p50.toFixed(1)} ms, p99 ${sql.p99.toFixed(1)} ms`,
        goal: s.goal ? 'p99 < 100 ms' : undefined,
        verdict: s.goal ? (http.latency.p99 < 100 ? 'met' : `missed by ${http.latency.p99 - 100} ms (${(http.latency.p99 / 100).toFixed(1)}× the goal)`) : undefined,
      });
      ctx.print(`   ${s.label}: done`);
    }
  } finally {
    await pool.end();
  }
  return {
    title: `List and search: ${CONNECTIONS} concurrent connections (name searches ${SEARCH_CONNECTIONS}), ${duration} s each`,
    rows,
    notes: [
      'autocannon drives GET /api/v1/enterprises (page size 25, sorted by name) with a bearer token; the baseline runs the page query (26 rows: one more says there is a next page) and the count query the API sends, on as many pooled connections.',
      'Counts stop at 10,000 for filtered lists and 1,000 for name searches (meta.totalCapped). A cursor page (`after`) starts right after the row it names, so its cost does not grow with depth.',
      'A name search that is not credit-code-like, over live rows with at most a district, walks idx_enterprise_live_name in name order and checks the substring on the index entries; the baseline is the bigram-index statement the API ran before (and still runs for rare words), so the two rows of 机械 compare the new plan with the old SQL.',
      'Each HTTP request also checks the token and its user, and serialises 25 enterprises to JSON.',
    ],
  };
};
