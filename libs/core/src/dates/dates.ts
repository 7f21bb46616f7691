/** Calendar dates as 'YYYY-MM-DD' strings, the way `date` columns are read and sent. */

const CHINA_TIME_ZONE = 'Asia/Shanghai';
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today in Ningbo (Beijing time): a recognition dated "today" must not be refused, nor an import
 * between 00:00 and 08:00 be dated yesterday, because the server runs on UTC.
 * SQL twin: `todayInChinaSql`.
 */
export function todayInChina(now = new Date()): string {
  return CHINA_DAY.format(now);
}

/** SQL twin of `todayInChina`: the Beijing date of a `timestamptz` expression (default: now()). */
export const todayInChinaSql = (instant = 'now()') => `((${instant}) AT TIME ZONE '${CHINA_TIME_ZONE}')::date`;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const format = (d: Date) => d.toISOString().slice(0, 10);

/** Same day N years later; 29 Feb falls back to 28 Feb (as PostgreSQL's `date + interval 'N years'`). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return format(target);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}
