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

/**
 * Freezes the rows behind one line of snapshot `snapshotId` in one statement, in the order the report lists them
 * (name, enterprise, detail): the values and districts as the member query computes them at the as-of date, and
 * each enterprise's credit code and name once per snapshot (the registry has no dated names). Nothing passes
 * through Node. Call inside the freeze's transaction.
 */
export async function freezeMembers(manager: EntityManager, snapshotId: string, lineCode: string, lacking: boolean, q: MembersQuery): Promise<void> {
  const n = q.params.length;
  await manager.query(
    `WITH m AS MATERIALIZED (SELECT * FROM (${q.sql}) q),
     named AS (
       INSERT INTO quota_snapshot_enterprise (snapshot_id, enterprise_id, credit_code, name)
       SELECT DISTINCT ON (m.enterprise_id) $${n + 1}::uuid, m.enterprise_id, m.credit_code, m.enterprise_name FROM m
       WHERE m.enterprise_id IS NOT NULL ORDER BY m.enterprise_id
       ON CONFLICT DO NOTHING)
     INSERT INTO quota_snapshot_member (snapshot_id, line_code, lacking, seq, enterprise_id, name, district_code, detail, current_value, previous_value)
     SELECT $${n + 1}::uuid, $${n + 2}, $${n + 3}::boolean, row_number() OVER (ORDER BY m.enterprise_name, m.enterprise_id, m.detail),
       m.enterprise_id, CASE WHEN m.enterprise_id IS NULL THEN m.enterprise_name END, m.district_code, coalesce(m.detail, ''), m.current_value, m.previous_value
     FROM m`,
    [...q.params, snapshotId, lineCode, lacking],
  );
}

/** Rows fetched per round trip when a frozen line is read back. */
const BATCH = 2000;

/**
 * A frozen line's rows in report order, in batches, walking the primary key from the last row read (keyset), so
 * memory stays flat however long the line is. With `districtCodes`, only rows in those districts.
 */
export async function* frozenMembers(manager: EntityManager, snapshotId: string, lineCode: string, lacking: boolean, districtCodes: string[] | null = null): AsyncGenerator<DrillDownRowDto[]> {
  let after = 0;
  for (;;) {
    const rows: (Record<string, string | null> & { seq: number })[] = await manager.query(
      `SELECT m.seq, m.enterprise_id, n.credit_code, coalesce(n.name, m.name) AS enterprise_name, m.district_code, m.detail, m.current_value, m.previous_value
       FROM quota_snapshot_member m
       LEFT JOIN quota_snapshot_enterprise n ON n.snapshot_id = m.snapshot_id AND n.enterprise_id = m.enterprise_id
       WHERE m.snapshot_id = $1 AND m.line_code = $2 AND m.lacking = $3 AND m.seq > $4${districtCodes ? ' AND m.district_code = ANY($5::text[])' : ''}
       ORDER BY m.seq LIMIT ${BATCH}`,
      [snapshotId, lineCode, lacking, after, ...(districtCodes ? [districtCodes] : [])],
    );
    if (rows.length) yield rows.map(drillRow);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].seq;
  }
}

/** The same walk over rows held in memory (quarters frozen with their rows inside the payload). */
export async function* memberArray(rows: DrillDownRowDto[] | undefined, districtCodes: string[] | null = null): AsyncGenerator<DrillDownRowDto[]> {
  const own = districtCodes ? new Set(districtCodes) : null;
  const shown = own ? (rows ?? []).filter((r) => own.has(r.districtCode)) : (rows ?? []);
  for (let i = 0; i < shown.length; i += BATCH) yield shown.slice(i, i + BATCH);
}
