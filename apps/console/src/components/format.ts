// Display helpers: Beijing time and money in 万元/亿元, whatever the browser's time zone.
// The Intl formatters are made on first use and kept: making one (time-zone data) costs far more
// than formatting, and a page that shows no time should not pay for it.
let dateTime: Intl.DateTimeFormat | undefined;

export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  dateTime ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return dateTime.format(new Date(iso)).replace(/\//g, '-');
}

const numberFormats = new Map<number, Intl.NumberFormat>();
function grouped(n: number, digits: number): string {
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(n);
}

/** Yuan shown as 万元, or 亿元 from 1亿 up. */
export function money(yuan: number | string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  const n = Number(yuan);
  if (Math.abs(n) >= 1e8) return `${grouped(n / 1e8, 2)}亿元`;
  return `${grouped(n / 1e4, n % 1e4 === 0 ? 0 : 2)}万元`;
}

export function count(n: number | null | undefined, unit = ''): string {
  return n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')}${unit}`;
}

export function date(d: string | null | undefined): string {
  return d ? d.slice(0, 10) : '—';
}
