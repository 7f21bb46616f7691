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

/**
 * `value` (a decimal string or number) divided by 10^`shift`, rounded half away from zero to `digits`
 * places and grouped by thousands, as zh-CN writes it (1,234.50). Done on the decimal digits, not with
 * Intl.NumberFormat: exact for the API's decimal strings, and making the first Intl formatter (its locale
 * data) cost ≈ 20 ms of the 企业名录's first screen.
 */
function grouped(value: number | string, shift: number, digits: number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (!m[2] && !m[3])) return Number(value).toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const all = (m[2] + (m[3] ?? '')).replace(/^0+(?=\d)/, '');
  const point = all.length - (m[3] ?? '').length - shift; // digits before the decimal point after the shift
  const intLength = Math.max(point, 1);
  const scaled = (point < 1 ? '0'.repeat(1 - point) : '') + all + '0'.repeat(digits + 1);
  let kept = BigInt(scaled.slice(0, intLength + digits));
  if (scaled.charAt(intLength + digits) >= '5') kept += 1n; // half away from zero (the sign is apart)
  const out = kept.toString().padStart(digits + 1, '0');
  const fraction = digits ? `.${out.slice(-digits)}` : '';
  const negative = m[1] === '-' && kept > 0n;
  return `${negative ? '-' : ''}${out.slice(0, out.length - digits).replace(/\B(?=(\d{3})+$)/g, ',')}${fraction}`;
}

/** Yuan shown as 万元, or 亿元 from 1亿 up. */
export function money(yuan: number | string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  const n = Number(yuan);
  if (Math.abs(n) >= 1e8) return `${grouped(yuan, 8, 2)}亿元`;
  return `${grouped(yuan, 4, n % 1e4 === 0 ? 0 : 2)}万元`;
}

export function count(n: number | null | undefined, unit = ''): string {
  return n === null || n === undefined ? '—' : `${grouped(n, 0, 0)}${unit}`;
}

export function date(d: string | null | undefined): string {
  return d ? d.slice(0, 10) : '—';
}
