import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { dataSourceOptions } from '@app/database';
import { memberArray, QuarterlyReportPayload, QuotaLineEntity, QuotaPlanService, QuotaProgressService } from '@app/quotas';
import { renderPdf, renderXlsx } from '@app/reports';

import { BenchContext, BenchResult, BenchSuite } from './bench-suite';

const YEAR = 2022;
const AS_OF = '2022-06-30';
const RUNS = 5;

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Each designation's status on $1 from its latest event (the way before designation_state_span). */
const STATES_FROM_EVENTS = `
  SELECT d.id, d.enterprise_id, d.type, d.level, d.expires_on,
         (SELECT ev.to_status FROM designation_event ev WHERE ev.designation_id = d.id AND ev.effective_on <= $1::date ORDER BY ev.effective_on DESC, ev.id DESC LIMIT 1) AS s
  FROM designation d`;
/** The same from the trigger-kept spans: one range scan. */
const STATES_FROM_SPANS = `
  SELECT d.id, d.enterprise_id, d.type, d.level, d.expires_on, sp.status AS s
  FROM designation_state_span sp JOIN designation d ON d.id = sp.designation_id WHERE sp.valid_from <= $1::date AND $1::date < sp.valid_to`;

/** The same registry numbers as the progress service, in one hand-written statement per measure, without services. */
const baselineSql = (states: string) => `
WITH st AS (${states}
), held AS (
  SELECT * FROM st WHERE s IN ('RECOGNISED','UNDER_REVIEW') AND (expires_on IS NULL OR expires_on >= $1::date)
)
SELECT
  (SELECT count(DISTINCT enterprise_id) FROM held WHERE type = 'CHAIN_LEADER') AS leaders,
  (SELECT count(DISTINCT enterprise_id) FROM held WHERE type = 'CHAIN_CORE') AS cores,
  (SELECT count(DISTINCT enterprise_id) FROM held WHERE type = 'CHAIN_BASE') AS bases,
  (SELECT count(DISTINCT h.enterprise_id) FROM held h WHERE h.type = 'LITTLE_GIANT' AND h.level = 'NATIONAL'
     AND (SELECT min(ev.effective_on) FROM designation d2 JOIN designation_event ev ON ev.designation_id = d2.id
          WHERE d2.enterprise_id = h.enterprise_id AND d2.type = h.type AND d2.level = h.level AND ev.to_status = 'RECOGNISED' AND ev.effective_on <= $1::date) >= $2::date) AS giants,
  (SELECT count(DISTINCT h.enterprise_id) FROM held h WHERE h.type = 'SINGLE_CHAMPION' AND h.level = 'NATIONAL'
     AND (SELECT min(ev.effective_on) FROM designation d2 JOIN designation_event ev ON ev.designation_id = d2.id
          WHERE d2.enterprise_id = h.enterprise_id AND d2.type = h.type AND d2.level = h.level AND ev.to_status = 'RECOGNISED' AND ev.effective_on <= $1::date) >= $2::date) AS champions,
  (SELECT count(*) FROM community WHERE formed_on BETWEEN $2::date AND $1::date) AS communities,
  (SELECT count(*) FROM enterprise_figure c LEFT JOIN enterprise_figure p ON p.enterprise_id = c.enterprise_id AND p.year = $3 - 1 AND p.quarter = 0
     WHERE c.year = $3 AND c.quarter = 0 AND c.operating_revenue_yuan >= 1e10 AND (p.operating_revenue_yuan IS NULL OR p.operating_revenue_yuan < 1e10)) AS new_10b,
  (SELECT count(*) FROM enterprise_figure c LEFT JOIN enterprise_figure p ON p.enterprise_id = c.enterprise_id AND p.year = $3 - 1 AND p.quarter = 0
     WHERE c.year = $3 AND c.quarter = 0 AND c.operating_revenue_yuan >= 5e10 AND (p.operating_revenue_yuan IS NULL OR p.operating_revenue_yuan < 5e10)) AS new_50b,
  (SELECT sum(c.industrial_output_yuan) / nullif(sum(p.industrial_output_yuan), 0) FROM (SELECT DISTINCT enterprise_id FROM held WHERE type = 'BIG_EXCELLENT_STRONG') h
     JOIN enterprise_figure c ON c.enterprise_id = h.enterprise_id AND c.year = $3 AND c.quarter = 0
     JOIN enterprise_figure p ON p.enterprise_id = h.enterprise_id AND p.year = $3 - 1 AND p.quarter = 0) AS growth,
  (SELECT count(*) FROM enterprise_tax_per_mu t
     WHERE (t.year = $3 OR (t.latest AND t.year < $3)) AND t.tax_per_mu < 10000
       AND NOT EXISTS (SELECT 1 FROM enterprise e WHERE e.id = t.enterprise_id AND e.archived AND NOT coalesce((e.archived_at AT TIME ZONE 'Asia/Shanghai')::date > $1::date, false))) AS low_tax`;
const BASELINE_SQL = baselineSql(STATES_FROM_EVENTS);
const BASELINE_SPAN_SQL = baselineSql(STATES_FROM_SPANS);

const sink = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

/** Times live progress and quarterly-report generation for the 2022 plan, each beside plain SQL for the same numbers. */
export const quotaProgressBench: BenchSuite = (context) => quotaProgress(context, true);

/** Live progress only (`--suites progress-live`): the same measures without the quarterly report's minutes. */
export const quotaProgressLiveBench: BenchSuite = (context) => quotaProgress(context, false);

async function quotaProgress(context: BenchContext, report: boolean): Promise<BenchResult> {
  const dataSource = await new DataSource(dataSourceOptions(context.databaseUrl)).initialize();
  try {
    const plans = new QuotaPlanService(dataSource, new AuditService());
    const progress = new QuotaProgressService(dataSource, plans);
    await progress.progress(YEAR, AS_OF); // warm up (and fail early without a 2022 plan)

    const progressMs = await median(RUNS, () => progress.progress(YEAR, AS_OF));
    // The SQL at its best: JIT off (its compilation cost more than it saved here, as for the service), and
    // timed both with and without parallel workers (the service runs without them), the faster counting.
    const statement = (sql: string, serial: boolean) => () =>
      dataSource.transaction(async (m) => {
        await m.query('SET LOCAL jit = off');
        if (serial) await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
        return m.query(sql, [AS_OF, `${YEAR}-01-01`, YEAR]);
      });
    const best = async (sql: string) => {
      const [parallel, serial] = [await median(RUNS, statement(sql, false)), await median(RUNS, statement(sql, true))];
      return { ms: Math.min(parallel, serial), run: statement(sql, serial < parallel), how: serial < parallel ? 'without parallel workers' : 'with parallel workers' };
    };
    const events = await best(BASELINE_SQL);
    const baselineEventsMs = events.ms;
    // The best statement: the designation states from the spans (designation_state_span) instead of event lookups.
    const spans = await best(BASELINE_SPAN_SQL);
    const baselineSpanMs = spans.ms;
    const baselineMs = Math.min(baselineEventsMs, baselineSpanMs);
    const baseline = baselineEventsMs < baselineSpanMs ? events.run : spans.run;
    const httpMs = await median(RUNS, async () => {
      const res = await fetch(`${context.apiUrl}/api/v1/quota-plans/${YEAR}/progress?asOf=${AS_OF}`, { headers: { authorization: `Bearer ${context.token}` } });
      if (!res.ok) throw new Error(`progress over HTTP: ${res.status}`);
      await res.json();
    });
    const httpVerdict = httpMs < 1000 && httpMs <= 1.2 * baselineMs ? 'met' : `missed: ${(httpMs / 1000).toFixed(2)} s, ${(httpMs / baselineMs).toFixed(2)}× the SQL`;

    // The baseline must compute the same numbers, or the comparison means nothing.
    const [base] = await dataSource.query(BASELINE_SQL, [AS_OF, `${YEAR}-01-01`, YEAR]);
    const [baseSpan] = await dataSource.query(BASELINE_SPAN_SQL, [AS_OF, `${YEAR}-01-01`, YEAR]);
    const live = Object.fromEntries((await progress.progress(YEAR, AS_OF)).lines.map((l) => [l.code, l.actual]));
    const pairs: [string, string][] = [
      ['CHAIN_LEADERS', 'leaders'], ['CHAIN_CORES', 'cores'], ['CHAIN_BASES', 'bases'], ['NEW_LITTLE_GIANTS', 'giants'], ['NEW_SINGLE_CHAMPIONS', 'champions'],
      ['COMMUNITIES_FORMED', 'communities'], ['NEW_SCALE_10B', 'new_10b'], ['NEW_SCALE_50B', 'new_50b'], ['TAX_PER_MU_BELOW_10K', 'low_tax'],
    ];
    const mismatches = pairs
      .filter(([code, column]) => live[code] !== Number(base[column]) || live[code] !== Number(baseSpan[column]))
      .map(([code, column]) => `${code}: service ${live[code]}, SQL ${base[column]}, SQL over spans ${baseSpan[column]}`);
    context.print(`quota progress (${context.enterprises} enterprises): progress ${ms(progressMs)} vs plain SQL ${ms(baselineMs)}`);
    const title = `Quota progress${report ? ' and quarterly report' : ''}, 2022 plan (${context.enterprises} enterprises)`;
    const liveRows: BenchResult['rows'] = [
      { measure: 'progress of all 26 lines at 2022-06-30 over HTTP (median of 5)', value: ms(httpMs), baseline: 'the best plain SQL statement for the same registry numbers', baselineValue: ms(baselineMs), goal: '< 1 s and ≤ 1.2× the SQL', verdict: httpVerdict },
      { measure: 'the same progress in-process (service, no HTTP)', value: ms(progressMs), baseline: 'one plain SQL statement for the same registry numbers', baselineValue: ms(baselineMs) },
      { measure: `that plain SQL statement, designation states from event lookups (best ${events.how})`, value: ms(baselineEventsMs), baseline: `the same statement, states from designation_state_span (best ${spans.how})`, baselineValue: ms(baselineSpanMs) },
    ];
    const notes = [
      'The progress service counts all designation lines (and their splits) in one statement, then runs one query per other line (and once more for the previous year-end of a count driven down); the baseline computes the registry lines in one statement.',
      'Both read the tax-per-mu line from enterprise_tax_per_mu, which triggers keep in step with the figures and land areas; before it, that line alone re-derived the latest tax of every enterprise from all yearly figures (about 11 s of the 14 s at 1,000,000).',
      'The service reads each designation\'s state on the day from designation_state_span (kept by triggers on designation_event); the baseline is timed both ways and the faster counts.',
      'Both run with JIT off; the service also without parallel workers, and the baseline is timed with and without them, the faster counting.',
      mismatches.length ? `MISMATCH between service and baseline: ${mismatches.join('; ')}` : `Service and baseline agree on all ${pairs.length} registry counts.`,
    ];
    if (!report) return { title, rows: liveRows, notes };

    // The report: progress + every line's drill-down rows, rendered to XLSX and PDF (not stored, so the run leaves no snapshot).
    const build = async (): Promise<QuarterlyReportPayload> => {
      const live = await progress.progress(YEAR, AS_OF);
      const plan = await plans.findPlan(dataSource.manager, YEAR);
      const lines = await dataSource.manager.find(QuotaLineEntity, { where: { planId: plan.id } });
      const drillDown: QuarterlyReportPayload['drillDown'] = {};
      for (const line of lines) drillDown[line.code] = await progress.allMembers(dataSource.manager, line, YEAR, AS_OF);
      return { year: YEAR, quarter: 2, asOf: AS_OF, title: plan.title, sourceDocument: plan.sourceDocument, planVersion: plan.version, frozenAt: '2022-07-01T00:00:00.000Z', frozenBy: 'bench', elapsedShare: live.elapsedShare, lines: live.lines, drillDown };
    };
    let payload: QuarterlyReportPayload | null = null;
    const snapshotMs = await median(3, async () => (payload = await build()));
    const rows = Object.values(payload!.drillDown ?? {}).reduce((n, r) => n + r.length, 0);
    const xlsxMs = await median(3, () => renderXlsx(payload!, (code, lacking) => memberArray(lacking ? undefined : payload!.drillDown?.[code]), sink()));
    const pdfMs = await median(3, () => renderPdf(payload!, sink()));
    const baselineReportMs = await median(3, async () => {
      await baseline();
      JSON.stringify(await dataSource.query(`SELECT id, credit_code, name, district_code FROM enterprise ORDER BY name`));
    });
    return {
      title,
      rows: [
        ...liveRows,
        { measure: `quarter snapshot payload (progress + ${rows} drill-down rows)`, value: ms(snapshotMs), baseline: 'plain SQL numbers + reading every enterprise row as JSON', baselineValue: ms(baselineReportMs) },
        { measure: 'render XLSX from the payload (streamed)', value: ms(xlsxMs), baseline: 'plain SQL numbers + reading every enterprise row as JSON', baselineValue: ms(baselineReportMs) },
        { measure: 'render PDF with charts from the payload', value: ms(pdfMs), baseline: 'plain SQL numbers + reading every enterprise row as JSON', baselineValue: ms(baselineReportMs) },
      ],
      notes,
    };
  } finally {
    await dataSource.destroy();
  }
}
