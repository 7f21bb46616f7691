/** Calendar dates as 'YYYY-MM-DD' strings, the way `date` columns are read and sent. */

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Ningbo: a recognition dated "today" must not be refused because the server runs on UTC. */
export function todayInChina(now = new Date()): string {
  return CHINA_DAY.format(now);
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const format = (d: Date) => d.toISOString().slice(0, 10);

/** Same day N years later; 29 Feb falls back to 28 Feb. */
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
