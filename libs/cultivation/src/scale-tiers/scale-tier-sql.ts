/**
 * The scale-tier rule in SQL, in one place for ScaleTierService and quota progress (NEW_AT_SCALE_TIER):
 * enterprise `e`'s yearly figure (quarter 0) of the year reaches the threshold; it is *new* at the tier
 * when the figure of the year before is missing or below it. Callers pass their own placeholders (for the
 * year and the threshold) so each keeps its parameter numbering; the figures are joined as `cur` and `prev`.
 */
export function scaleTierSql(options: { column: string; year: string; threshold: string; newOnly: boolean }): { joins: string; where: string } {
  const { column, year, threshold } = options;
  const joins =
    `JOIN enterprise_figure cur ON cur.enterprise_id = e.id AND cur.year = ${year}::int AND cur.quarter = 0 ` +
    `LEFT JOIN enterprise_figure prev ON prev.enterprise_id = e.id AND prev.year = ${year}::int - 1 AND prev.quarter = 0`;
  const at = `cur.${column} >= ${threshold}::numeric`;
  return { joins, where: options.newOnly ? `${at} AND (prev.${column} IS NULL OR prev.${column} < ${threshold}::numeric)` : at };
}
