import { EntityManager } from 'typeorm';

/**
 * An enterprise as it stood on a past day, for figures measured "as of" a date: its district then (from
 * the spells left by moves) and whether it was still in the registry (not yet archived). A move or an
 * archive today never changes a figure of an earlier day.
 */

/**
 * The district enterprise `alias` was in on `date` (SQL date expression): the earliest spell it left
 * after that day, else its current district. Spells are written by `recordDistrictMoves` only.
 */
export const districtOnSql = (alias: string, date: string) =>
  `coalesce((SELECT sp.district_code FROM enterprise_district_spell sp WHERE sp.enterprise_id = ${alias}.id AND sp.valid_to > (${date})
     ORDER BY sp.valid_to, sp.id LIMIT 1), ${alias}.district_code)`;

/**
 * Whether enterprise `alias` was not archived at the end of `date`: an enterprise archived on day X (Beijing
 * time) counts up to X − 1. One archived without a recorded time counts on no day.
 */
export const activeOnSql = (alias: string, date: string) =>
  `(NOT ${alias}.archived OR (${alias}.archived_at IS NOT NULL AND (${alias}.archived_at AT TIME ZONE 'Asia/Shanghai')::date > (${date})))`;

/**
 * Before enterprises change district, closes their current district as a spell ending `today` (the new one
 * starts then). Moves to the same district are ignored. Call in the transaction of the change.
 */
export async function recordDistrictMoves(manager: EntityManager, moves: { id: string; districtCode: string }[], today: string): Promise<void> {
  if (!moves.length) return;
  await manager.query(
    `INSERT INTO enterprise_district_spell (enterprise_id, district_code, valid_from, valid_to)
     SELECT e.id, e.district_code, (SELECT max(s.valid_to) FROM enterprise_district_spell s WHERE s.enterprise_id = e.id), $3::date
       FROM enterprise e JOIN unnest($1::uuid[], $2::text[]) AS m(id, district_code) ON m.id = e.id
      WHERE m.district_code IS DISTINCT FROM e.district_code`,
    [moves.map((m) => m.id), moves.map((m) => m.districtCode), today],
  );
}
