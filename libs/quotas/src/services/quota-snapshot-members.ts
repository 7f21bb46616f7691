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
 * Freezes the rows behind one line of snapshot `snapshotId` (the holders lacking figures with `lacking`) in one
 * statement, in the order the report lists them (name, enterprise, detail): credit codes, names, districts and
 * values as the member query gives them at the as-of date. Nothing passes through Node. Call inside the freeze's
 * transaction.
 */
export async function freezeMembers(manager: EntityManager, snapshotId: string, lineCode: string, lacking: boolean, q: MembersQuery): Promise<void> {
  const n = q.params.length;
  await manager.query(
    `WITH list AS (INSERT INTO quota_snapshot_list (snapshot_id, line_code, lacking) VALUES ($${n + 1}::uuid, $${n + 2}, $${n + 3}::boolean) RETURNING id)
     INSERT INTO quota_snapshot_member (list_id, seq, enterprise_id, credit_code, name, district_code, detail, current_value, previous_value)
     SELECT list.id, row_number() OVER (ORDER BY m.enterprise_name, m.enterprise_id, m.detail),
       m.enterprise_id, m.credit_code, m.enterprise_name, m.district_code, coalesce(m.detail, ''), m.current_value, m.previous_value
     FROM list CROSS JOIN (${q.sql}) m`,
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
  const [list] = await manager.query(`SELECT id FROM quota_snapshot_list WHERE snapshot_id = $1 AND line_code = $2 AND lacking = $3`, [snapshotId, lineCode, lacking]);
  if (!list) return;
  let after = 0;
  for (;;) {
    const rows: (Record<string, string | null> & { seq: number })[] = await manager.query(
      `SELECT m.seq, m.enterprise_id, m.credit_code, m.name AS enterprise_name, m.district_code, m.detail, m.current_value, m.previous_value
       FROM quota_snapshot_member m
       WHERE m.list_id = $1 AND m.seq > $2${districtCodes ? ' AND m.district_code = ANY($3::text[])' : ''}
       ORDER BY m.seq LIMIT ${BATCH}`,
      [list.id, after, ...(districtCodes ? [districtCodes] : [])],
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
