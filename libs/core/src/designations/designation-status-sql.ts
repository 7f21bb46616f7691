/**
 * The status a designation reads as on a given day. Only RECOGNISED lapses by date: one UNDER_REVIEW
 * keeps holding until the review decides (RECOGNISED again, EXPIRED or REVOKED).
 * `alias` is the designation table alias; the query must bind the day as `:<todayParam>`.
 * In core so the registry's list filters and cultivation's queries share it.
 */
export const effectiveStatusSql = (alias = 'd', todayParam = 'today') =>
  `(CASE WHEN ${alias}.status = 'RECOGNISED' AND ${alias}.expires_on < CAST(:${todayParam} AS date) THEN 'EXPIRED' ELSE ${alias}.status END)`;
