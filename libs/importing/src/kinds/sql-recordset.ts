/**
 * Many rows as one JSON parameter: `FROM jsonb_to_recordset($1) AS x(col type, …)`. One round trip
 * per batch and no limit of 65,535 bind parameters, unlike a VALUES list.
 */
export function jsonRecordset(columns: string[], types: Record<string, string>): { select: string; from: string } {
  const defs = columns.map((c) => `${c} ${types[c]}`).join(', ');
  return { select: columns.map((c) => `x.${c}`).join(', '), from: `jsonb_to_recordset($1::jsonb) AS x(${defs})` };
}
