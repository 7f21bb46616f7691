/**
 * 项目代码 (GB/T 40058-2021): 24 characters written `yyyy-AAAAAA-DD-TT-SSSSSC` — 4 time (year of
 * assignment), 6 area (GB/T 2260 administrative code), 2 department, 2 type, 5 serial and 1 check
 * character, with hyphens between the parts. What is checked here, and only this:
 *  - the shape: 24 characters, hyphens at positions 5, 12, 15 and 18, digits elsewhere except the last
 *    character (a digit or capital letter); the 20-character form without hyphens is accepted and
 *    written with them;
 *  - time: a year from 2000 to the current year (Beijing);
 *  - area: a GB/T 2260 province prefix (11…82) and a county part that is not "00" below a city of "00";
 *  - department, type and serial: digits (their code lists are not public enough to check against);
 *  - the check character is NOT verified: its algorithm is not in the standard's public summary.
 * Spaces are removed and full-width characters and dashes made half-width first.
 */
export interface ProjectCodeResult {
  /** The normalised code, when valid */
  code?: string;
  /** What is wrong, in Chinese, when invalid */
  error?: string;
}

const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

export function normaliseProjectCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function checkProjectCode(raw: string, currentYear: number): ProjectCodeResult {
  let code = normaliseProjectCode(raw);
  if (/^\d{19}[0-9A-Z]$/.test(code)) code = `${code.slice(0, 4)}-${code.slice(4, 10)}-${code.slice(10, 12)}-${code.slice(12, 14)}-${code.slice(14)}`;
  if (code.length !== 24) return { error: `项目代码应为24位(如 2022-330211-34-03-000015),收到 ${code.length} 位` };
  const parts = code.split('-');
  if (parts.length !== 5 || parts.map((p) => p.length).join() !== '4,6,2,2,6') {
    return { error: '项目代码格式应为“年份4位-地区6位-部门2位-类型2位-序号5位+校验位1位”,以“-”分隔' };
  }
  const [year, area, department, type, tail] = parts;
  const names = ['年份', '地区代码', '部门代码', '类型代码'];
  for (const [i, part] of [year, area, department, type].entries()) {
    const bad = part.search(/\D/);
    if (bad >= 0) return { error: `项目代码的${names[i]}“${part}”含非数字字符“${part[bad]}”` };
  }
  const serialBad = tail.slice(0, 5).search(/\D/);
  if (serialBad >= 0) return { error: `项目代码的序号“${tail.slice(0, 5)}”含非数字字符“${tail[serialBad]}”` };
  if (!/[0-9A-Z]/.test(tail[5])) return { error: `项目代码的校验位“${tail[5]}”应为数字或大写字母` };
  const y = Number(year);
  if (y < 2000 || y > currentYear) return { error: `项目代码的年份 ${year} 不在 2000—${currentYear} 之间` };
  if (!PROVINCES.has(area.slice(0, 2))) return { error: `项目代码的地区代码 ${area} 不是有效的行政区划代码(省级代码 ${area.slice(0, 2)} 不存在)` };
  if (area.slice(2, 4) === '00' && area.slice(4) !== '00') return { error: `项目代码的地区代码 ${area} 不是有效的行政区划代码(地市位为00时区县位也应为00)` };
  return { code };
}
