import type { Writable } from 'node:stream';

import { xlsxSafeText } from './cell-safety';
import { ZipEntryWriter, ZipWriter } from './zip-writer';

/** A cell: text (marked by xlsxSafeText), a number, a boolean, or empty. */
export type XlsxCell = string | number | boolean | null | undefined;

/** The few looks the files use: the report's title, its grey notes and the bold shaded header row. */
export type XlsxRowStyle = 'title' | 'note' | 'header';

export interface XlsxRowOptions {
  style?: XlsxRowStyle;
  /** Row height in points */
  height?: number;
  /** Merge the row's first cell across all the sheet's columns (a title or a note) */
  merge?: boolean;
}

export interface XlsxSheetSpec {
  /** A valid, unique sheet name (see `sheetNames` in the reports) */
  name: string;
  /** Column widths in characters, left to right */
  widths: number[];
  /** The header row: it and the rows above stay on screen (frozen), and it repeats on every printed page */
  headerRow: number;
  /** Page margins in inches; Excel's defaults otherwise */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface XlsxBookOptions {
  sheets: XlsxSheetSpec[];
  /** Document dates and the ZIP entries' times; now when unset. A fixed date gives the same bytes every time. */
  created?: Date;
  creator?: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Excel's limits: rows and columns of a sheet. */
export const XLSX_MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Sheet XML gathered before it is deflated: large enough that the per-write cost vanishes, small enough to not matter. */
const FLUSH_CHARS = 64 * 1024;

const STYLE_INDEX: Record<XlsxRowStyle, number> = { title: 1, note: 2, header: 3 };

// Fonts: default; title (bold 14); note (grey); header (bold). Fills: the two Excel requires, then the header's.
const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="4">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><sz val="11"/><color rgb="FF555555"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFECEFF1"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  '</styleSheet>';

// Characters XML 1.0 cannot hold are written as Excel writes them, _xHHHH_; lone surrogates become U+FFFD in UTF-8.
const XML_TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const XML_TEXT_SPECIAL_ALL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeChar = (c: string) => ENTITIES[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/** Text as XML element content. */
export function xmlText(text: string): string {
  return XML_TEXT_SPECIAL.test(text) ? text.replace(XML_TEXT_SPECIAL_ALL, escapeChar) : text;
}

const xmlAttr = (text: string) => xmlText(text).replace(/"/g, '&quot;');

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const PRESERVE = /^\s|\s$|\n/;

/**
 * A streaming XLSX writer: the fixed parts (content types, relationships, workbook with the sheet names and print
 * titles, styles, document properties) go out first, then each sheet's XML is built row by row and deflated into
 * the ZIP as it comes, so memory holds one 64 KB piece of XML and the deflate buffers, whatever the row count.
 * Text goes in inline strings (no shared-string table to keep), numbers as numbers.
 *
 * Usage: `const book = await XlsxWriter.open(out, { sheets })`, then for each declared sheet in order
 * `const sheet = await book.nextSheet()`, `await sheet.row([...])`, `await sheet.end()`; finally `await book.end()`.
 */
export class XlsxWriter {
  private next = 0;

  private constructor(
    private readonly zip: ZipWriter,
    private readonly sheets: XlsxSheetSpec[],
  ) {}

  static async open(out: Writable, options: XlsxBookOptions): Promise<XlsxWriter> {
    if (!options.sheets.length) throw new Error('an XLSX needs at least one sheet');
    const created = options.created ?? new Date();
    const zip = new ZipWriter(out, created);
    const sheets = options.sheets;
    const w3c = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const creator = xmlText(options.creator ?? '企业培育库');
    await zip.add(
      '[Content_Types].xml',
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    );
    await zip.add(
      '_rels/.rels',
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL_NS}">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        '</Relationships>',
    );
    await zip.add(
      'docProps/core.xml',
      XML_HEAD +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${w3c}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3c}</dcterms:modified>` +
        '</cp:coreProperties>',
    );
    await zip.add(
      'docProps/app.xml',
      XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>企业培育库</Application></Properties>',
    );
    // The header row of each sheet repeats on every printed page: Excel keeps that as a defined name.
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const titles = sheets
      .map((s, i) => (s.headerRow > 0 ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quoted(s.name))}!$${s.headerRow}:$${s.headerRow}</definedName>` : ''))
      .join('');
    await zip.add(
      'xl/workbook.xml',
      XML_HEAD +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<bookViews><workbookView/></bookViews><sheets>' +
        sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets>' +
        (titles ? `<definedNames>${titles}</definedNames>` : '') +
        '</workbook>',
    );
    await zip.add(
      'xl/_rels/workbook.xml.rels',
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL_NS}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    );
    await zip.add('xl/styles.xml', STYLES);
    // Empty, but present: a streaming reader (exceljs's) then reads each sheet as it arrives instead of parking it in a temporary file.
    await zip.add('xl/sharedStrings.xml', XML_HEAD + `<sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"/>`);
    return new XlsxWriter(zip, sheets);
  }

  /** Starts the next declared sheet; the one before must have ended. */
  nextSheet(): XlsxSheetWriter {
    const index = this.next++;
    const spec = this.sheets[index];
    if (!spec) throw new Error(`only ${this.sheets.length} sheets were declared`);
    return new XlsxSheetWriter(this.zip.stream(`xl/worksheets/sheet${index + 1}.xml`), spec, index === 0);
  }

  /** Ends the file (and `out`); every declared sheet must have been written. */
  async end(): Promise<void> {
    if (this.next !== this.sheets.length) throw new Error(`${this.sheets.length} sheets were declared, ${this.next} written`);
    await this.zip.finish();
  }
}

/** One sheet's XML, written row by row. */
export class XlsxSheetWriter {
  private xml: string;
  private rowNumber = 0;
  private readonly letters: string[];
  private readonly merges: string[] = [];

  constructor(
    private readonly entry: ZipEntryWriter,
    private readonly spec: XlsxSheetSpec,
    selected: boolean,
  ) {
    this.letters = spec.widths.map((_, i) => columnLetters(i + 1));
    const top = spec.headerRow + 1;
    const pane =
      spec.headerRow > 0
        ? `<pane ySplit="${spec.headerRow}" topLeftCell="A${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${top}" sqref="A${top}"/>`
        : '';
    this.xml =
      XML_HEAD +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (spec.widths.length ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '') +
      '<sheetData>';
  }

  /** Rows written so far (the last row's number). */
  get rows(): number {
    return this.rowNumber;
  }

  async row(cells: XlsxCell[], options?: XlsxRowOptions): Promise<void> {
    const r = ++this.rowNumber;
    if (r > XLSX_MAX_ROWS) throw new Error(`a sheet holds at most ${XLSX_MAX_ROWS} rows`);
    if (cells.length > MAX_COLUMNS) throw new Error(`a sheet holds at most ${MAX_COLUMNS} columns`);
    const style = options?.style ? ` s="${STYLE_INDEX[options.style]}"` : '';
    let xml = options?.height ? `<row r="${r}" ht="${options.height}" customHeight="1">` : `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (value === null || value === undefined) continue;
      const ref = (this.letters[i] ?? (this.letters[i] = columnLetters(i + 1))) + r;
      if (typeof value === 'number') {
        xml += Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : this.text(ref, style, String(value));
      } else if (typeof value === 'boolean') {
        xml += `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
      } else {
        xml += this.text(ref, style, value);
      }
    }
    this.xml += xml + '</row>';
    if (options?.merge && this.spec.widths.length > 1) this.merges.push(`A${r}:${columnLetters(this.spec.widths.length)}${r}`);
    if (this.xml.length >= FLUSH_CHARS) await this.flush();
  }

  /** Closes the sheet: merged cells, margins and the A4 landscape, fit-to-width print setup. */
  async end(): Promise<void> {
    const m = this.spec.margins ?? DEFAULT_MARGINS;
    this.xml +=
      '</sheetData>' +
      (this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '') +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      '</worksheet>';
    await this.flush();
    await this.entry.close();
  }

  private text(ref: string, style: string, value: string): string {
    const text = xlsxSafeText(value);
    return `<c r="${ref}"${style} t="inlineStr"><is><t${PRESERVE.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></is></c>`;
  }

  private async flush(): Promise<void> {
    const bytes = Buffer.from(this.xml, 'utf8');
    this.xml = '';
    await this.entry.write(bytes);
  }
}
