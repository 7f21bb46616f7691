import { once } from 'node:events';
import { Writable } from 'node:stream';

import { csvSafeText, XlsxSheetWriter, XlsxWriter } from '@app/core';

export type ExportFormat = 'csv' | 'xlsx';
type Cell = string | number | boolean | null | undefined;

export interface TabularWriter {
  row(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

// Text is marked against formula injection and Excel's number conversion (see cell-safety); the import unmarks it.
const csvCell = (value: Cell) => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? csvSafeText(value) : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with a UTF-8 BOM so Excel opens the Chinese correctly; rows go out as they come, respecting backpressure. */
function csvWriter(out: Writable, header: string[]): TabularWriter {
  let buffer = '\uFEFF' + header.map(csvCell).join(',') + '\r\n';
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  return {
    async row(cells) {
      buffer += cells.map(csvCell).join(',') + '\r\n';
      if (buffer.length > 64 * 1024) await flush();
    },
    async end() {
      if (buffer) await flush();
      out.end();
    },
  };
}

// A column wide enough for its header, or for a credit code / name where the header is short.
const columnWidth = (header: string) => (/信用代码|名称|地址|曾用名|佐证/.test(header) ? 30 : Math.min(24, Math.max(10, [...header].length * 2 + 2)));

/**
 * Streaming XLSX (our own writer, see XlsxWriter): each row is deflated into the response as it comes, waiting while
 * the client is behind. The header stays in row 1 (so the file imports back as it is), frozen, and printed on each
 * A4 landscape page fitted to the width.
 */
function xlsxWriter(out: Writable, header: string[], sheetName: string): TabularWriter {
  // Opened on the first row: an error before it (the first page's query) can still be answered as JSON.
  let opened: Promise<{ book: XlsxWriter; sheet: XlsxSheetWriter }> | undefined;
  const ready = () =>
    (opened ??= XlsxWriter.open(out, { sheets: [{ name: sheetName, widths: header.map(columnWidth), headerRow: 1 }] }).then(async (book) => {
      const sheet = book.nextSheet();
      await sheet.row(header);
      return { book, sheet };
    }));
  return {
    async row(cells) {
      await (await ready()).sheet.row(cells);
    },
    async end() {
      const { book, sheet } = await ready();
      await sheet.end();
      await book.end();
    },
  };
}

export function tabularWriter(format: ExportFormat, out: Writable, header: string[], sheetName: string): TabularWriter {
  return format === 'xlsx' ? xlsxWriter(out, header, sheetName) : csvWriter(out, header);
}
