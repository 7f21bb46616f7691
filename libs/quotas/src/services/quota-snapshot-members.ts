import { EntityManager } from 'typeorm';

import { DrillDownRowDto } from '../dto/progress.dto';
import { MembersQuery } from './measure-sql';

/** A drill-down row as the member queries (`membersQuery`) and the frozen member rows return it. */
export function drillRow(r: Record<string, string | null>): DrillDownRowDto {
  return {
    enterpriseId: r.enterprise_id ?? null,
    creditCode: r.credit_code ?? null,
    name: r.enterprise_name ?? null,
    districtCode: r.district_code!,
    detail: r.detail ?? '',
    currentValue: r.current_value === null ? null : Number(r.current_value),
    previousValue: r.previous_value === null ? null : Number(r.previous_value),
  };
}

/** Rows per chunk: arrays this long are stored compressed, and one is a round trip when read back. */
const CHUNK = 1000;

/**
 * Freezes the rows behind one line of snapshot `snapshotId` (the holders lacking figures with `lacking`) in one
 * statement, in the order the report lists them (name, enterprise, detail): credit codes, names, districts and
 * values as the member query gives them at the as-of date, in chunks of 1,000 rows. Nothing passes through Node.
 * Call inside the freeze's transaction.
 */
export async function freezeMembers(manager: EntityManager, snapshotId: string, lineCode: string, lacking: boolean, q: MembersQuery): Promise<void> {
  const n = q.params.length;
  const agg = (column: string) => `array_agg(m.${column} ORDER BY m.i)`;
  await manager.query(
    `WITH list AS (INSERT INTO quota_snapshot_list (snapshot_id, line_code, lacking) VALUES ($${n + 1}::uuid, $${n + 2}, $${n + 3}::boolean) RETURNING id),
     m AS (SELECT row_number() OVER (ORDER BY q.enterprise_name, q.enterprise_id, q.detail) - 1 AS i, q.enterprise_id, q.credit_code, q.enterprise_name,
             q.district_code, coalesce(q.detail, '') AS detail, q.current_value::numeric AS current_value, q.previous_value::numeric AS previous_value
           FROM (${q.sql}) q)
     INSERT INTO quota_snapshot_chunk (list_id, chunk, enterprise_ids, credit_codes, names, district_codes, details, current_values, previous_values)
     SELECT list.id, m.i / ${CHUNK}, ${agg('enterprise_id')}, ${agg('credit_code')}, ${agg('enterprise_name')}, ${agg('district_code')}, ${agg('detail')},
       ${agg('current_value')}, ${agg('previous_value')}
     FROM list CROSS JOIN m GROUP BY list.id, m.i / ${CHUNK}`,
    [...q.params, snapshotId, lineCode, lacking],
  );
}

/**
 * A frozen line's rows in report order, a chunk (1,000 rows) per round trip, so memory stays flat however long the
 * line is. With `districtCodes`, only rows in those districts.
 */
export async function* frozenMembers(manager: EntityManager, snapshotId: string, lineCode: string, lacking: boolean, districtCodes: string[] | null = null): AsyncGenerator<DrillDownRowDto[]> {
  const chunks: { list_id: number; chunk: number }[] = await manager.query(
    `SELECT c.list_id, c.chunk FROM quota_snapshot_list l JOIN quota_snapshot_chunk c ON c.list_id = l.id
     WHERE l.snapshot_id = $1 AND l.line_code = $2 AND l.lacking = $3 ORDER BY c.chunk`,
    [snapshotId, lineCode, lacking],
  );
  for (const { list_id, chunk } of chunks) {
    const rows: Record<string, string | null>[] = await manager.query(
      `SELECT u.enterprise_id, u.credit_code, u.enterprise_name, u.district_code, u.detail, u.current_value, u.previous_value
       FROM quota_snapshot_chunk c
       CROSS JOIN LATERAL unnest(c.enterprise_ids, c.credit_codes, c.names, c.district_codes, c.details, c.current_values, c.previous_values)
         WITH ORDINALITY AS u(enterprise_id, credit_code, enterprise_name, district_code, detail, current_value, previous_value, i)
       WHERE c.list_id = $1 AND c.chunk = $2${districtCodes ? ' AND u.district_code = ANY($3::text[])' : ''}
       ORDER BY u.i`,
      [list_id, chunk, ...(districtCodes ? [districtCodes] : [])],
    );
    if (rows.length) yield rows.map(drillRow);
  }
}

/** The same walk over rows held in memory (quarters frozen with their rows inside the payload). */
export async function* memberArray(rows: DrillDownRowDto[] | undefined, districtCodes: string[] | null = null): AsyncGenerator<DrillDownRowDto[]> {
  const own = districtCodes ? new Set(districtCodes) : null;
  const shown = own ? (rows ?? []).filter((r) => own.has(r.districtCode)) : (rows ?? []);
  for (let i = 0; i < shown.length; i += CHUNK) yield shown.slice(i, i + CHUNK);
}
