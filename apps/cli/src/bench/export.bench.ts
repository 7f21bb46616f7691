import { Client } from 'pg';

import { peakRss } from './api-process';
import { BenchContext, BenchResult, BenchRow, BenchSuite } from './bench-suite';

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

async function download(ctx: BenchContext, format: 'csv' | 'xlsx'): Promise<{ bytes: number }> {
  const res = await fetch(`${ctx.apiUrl}/api/v1/exports/enterprises?format=${format}`, { headers: { authorization: `Bearer ${ctx.token}` } });
  if (!res.ok || !res.body) throw new Error(`export failed: ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return { bytes };
}

/** Exports every enterprise as CSV and XLSX through the API; the baseline is COPY writing the same rows as CSV on the server. */
export const exportBench: BenchSuite = async (ctx: BenchContext): Promise<BenchResult> => {
  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  let copySeconds: number;
  try {
    const t0 = process.hrtime.bigint();
    await db.query(
      `COPY (SELECT credit_code, name, short_name, array_to_string(former_names, ';'), district_code, functional_zone_code, industry_code, address,
                    legal_representative, founded_on, registered_capital_yuan, status, above_scale, stock_code, land_area_mu, contact_person,
                    contact_phone, contact_email, credit_code_override_reason
               FROM enterprise WHERE archived = false ORDER BY id) TO '/dev/null' WITH (FORMAT csv, HEADER)`,
    );
    copySeconds = seconds(t0);
  } finally {
    await db.end();
  }
  const rows: BenchRow[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    ctx.print(`   export ${format}…`);
    const t0 = process.hrtime.bigint();
    const { result, peakMb, startMb } = await peakRss(ctx.apiPid!, () => download(ctx, format));
    const took = seconds(t0);
    rows.push({
      measure: `${format.toUpperCase()} export of all ${ctx.enterprises.toLocaleString('en-US')} enterprises (${(result.bytes / 1024 / 1024).toFixed(0)} MB): time`,
      value: `${took.toFixed(1)} s`,
      baseline: 'COPY (SELECT same columns) TO a file on the server',
      baselineValue: `${copySeconds.toFixed(1)} s`,
    });
    rows.push({
      measure: `${format.toUpperCase()} export: API process peak RSS`,
      value: `${peakMb.toFixed(0)} MB`,
      baseline: 'API RSS before the export',
      baselineValue: `${startMb.toFixed(0)} MB`,
      goal: 'peak < 300 MB',
      verdict: peakMb < 300 ? 'met' : `missed by ${(peakMb - 300).toFixed(0)} MB`,
    });
  }
  return {
    title: 'Export: the whole enterprise list',
    rows,
    notes: [
      'The API walks the table by id in pages of 2,000 (keyset) and writes each row to the response as it comes (CSV with backpressure; XLSX through our own streaming writer, each sheet’s XML deflated into the ZIP as it comes, waiting while the response is full), so memory does not grow with the list.',
      'There is no XLSX baseline in PostgreSQL; the CSV COPY is shown for both.',
    ],
  };
};
