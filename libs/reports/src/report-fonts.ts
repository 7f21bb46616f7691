import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

import { facesHoldingCodePoints } from './font-cmap-probe';

// fontkit ships no types; pdfkit embeds fonts through it, so it opens exactly what pdfkit would.
// Loaded on the first report, not at start (see checkReportFonts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = () => require('fontkit') as { openSync(path: string): FontkitFont | FontkitCollection };

interface FontkitFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface FontkitCollection {
  fonts: FontkitFont[];
}

/** A font file pdfkit can register: `family` names the face inside a .ttc collection, and is unset for .ttf/.otf. */
export interface ReportFont {
  path: string;
  family?: string;
}

export interface ReportFonts {
  regular: ReportFont;
  bold: ReportFont;
  /** npm: the bundled Noto Sans SC; env: REPORT_CJK_FONT / REPORT_CJK_FONT_BOLD */
  source: 'npm' | 'env';
}

/** Raised when a configured font cannot be used; the message is for the operator (Chinese, then English). */
export class ReportFontError extends Error {}

/** Noto Sans SC (OFL-1.1) from the npm package @embedpdf/fonts-sc: `npm ci` is enough, no system font needed. */
export function bundledFontPath(weight: 'Regular' | 'Bold'): string {
  // The package exports only its JS entry; the fonts sit beside it in fonts/.
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', `NotoSansHans-${weight}.otf`);
}

// 进 and 度: a font without them would print every Chinese character as an empty box.
const CJK_PROBES = [0x8fdb, 0x5ea6];
// WenQuanYi's .ttc holds Micro Hei and Micro Hei Mono; prefer the proportional face.
const PREFERRED_FACES = ['WenQuanYiMicroHei'];

const opened = new Map<string, ReportFont>();

/** Opens a .ttf/.otf/.ttc once (remembered per path) and checks it has Chinese glyphs. */
export function openReportFont(path: string, variable: string): ReportFont {
  const known = opened.get(path);
  if (known) return known;
  if (!existsSync(path)) throw new ReportFontError(`报表中文字体文件不存在:${path}(${variable}) (report font missing)`);
  let font: FontkitFont;
  let family: string | undefined;
  try {
    const file = fontkit().openSync(path);
    if ('fonts' in file) {
      if (!file.fonts.length) throw new Error('empty font collection');
      font = file.fonts.find((f) => PREFERRED_FACES.includes(f.postscriptName)) ?? file.fonts[0];
      family = font.postscriptName;
    } else {
      font = file;
    }
  } catch (error) {
    throw new ReportFontError(`报表中文字体无法打开:${path}(${variable},须为 .ttf/.otf/.ttc):${(error as Error).message} (report font unreadable)`);
  }
  if (!CJK_PROBES.every((c) => font.hasGlyphForCodePoint(c))) {
    throw new ReportFontError(`报表字体不含中文字形:${path}(${variable}) (report font has no CJK glyphs; ${extname(path)})`);
  }
  const result = { path, family };
  opened.set(path, result);
  return result;
}

/**
 * The fonts the PDF report uses: REPORT_CJK_FONT (and REPORT_CJK_FONT_BOLD, else the same file for headings)
 * when set, otherwise the bundled Noto Sans SC regular and bold. Throws ReportFontError when one cannot be used.
 */
export function reportFonts(env: NodeJS.ProcessEnv = process.env): ReportFonts {
  const custom = env.REPORT_CJK_FONT?.trim();
  if (custom) {
    const regular = openReportFont(custom, 'REPORT_CJK_FONT');
    const boldPath = env.REPORT_CJK_FONT_BOLD?.trim();
    return { regular, bold: boldPath ? openReportFont(boldPath, 'REPORT_CJK_FONT_BOLD') : regular, source: 'env' };
  }
  return {
    regular: openReportFont(bundledFontPath('Regular'), '@embedpdf/fonts-sc'),
    bold: openReportFont(bundledFontPath('Bold'), '@embedpdf/fonts-sc'),
    source: 'npm',
  };
}

export interface ReportFontCheck {
  status: 'ok' | 'error';
  /** The regular font's file, when usable */
  path?: string;
  message?: string;
}

/**
 * The font check for start-up and /health/ready: never throws. The same files and the same rules as
 * `reportFonts` (present, a font, holds 进 and 度), read from the font's own character map instead of
 * through fontkit, so the check costs a file read, not fontkit's load (the renderer uses fontkit).
 */
export function checkReportFonts(env: NodeJS.ProcessEnv = process.env): ReportFontCheck {
  const custom = env.REPORT_CJK_FONT?.trim();
  const files: [string, string][] = custom
    ? [[custom, 'REPORT_CJK_FONT'], ...(env.REPORT_CJK_FONT_BOLD?.trim() ? [[env.REPORT_CJK_FONT_BOLD.trim(), 'REPORT_CJK_FONT_BOLD'] as [string, string]] : [])]
    : [[bundledFontPath('Regular'), '@embedpdf/fonts-sc'], [bundledFontPath('Bold'), '@embedpdf/fonts-sc']];
  for (const [path, variable] of files) {
    if (!existsSync(path)) return { status: 'error', message: `报表中文字体文件不存在:${path}(${variable}) (report font missing)` };
    let faces: boolean[];
    try {
      faces = facesHoldingCodePoints(path, CJK_PROBES);
    } catch (error) {
      return { status: 'error', message: `报表中文字体无法打开:${path}(${variable},须为 .ttf/.otf/.ttc):${(error as Error).message} (report font unreadable)` };
    }
    if (!faces.some(Boolean)) return { status: 'error', message: `报表字体不含中文字形:${path}(${variable}) (report font has no CJK glyphs; ${extname(path)})` };
  }
  return { status: 'ok', path: files[0][0] };
}
