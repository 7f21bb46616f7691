import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';

import { exceljs } from '@app/core';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type FileFormat = 'csv' | 'xlsx';

/** One data row as it stood in the file: its 1-based line (sheet row) number and raw cells by header. */
export interface SourceRow {
  line: number;
  cells: string[];
}

/** XLSX files are ZIP archives: they start with "PK". Everything else is read as CSV. */
export function detectFormat(buffer: Buffer, fileName?: string): FileFormat {
  if (buffer.length >= 2 && buffer[0] === 0x50 && buffer[1] === 0x4b) return 'xlsx';
  if (fileName && /\.xlsx$/i.test(fileName)) return 'xlsx';
  return 'csv';
}

/** Excel in China saves CSV as GB18030 (GBK): a file that is not valid UTF-8 is decoded as GB18030. */
export function csvEncoding(buffer: Buffer): 'utf-8' | 'gb18030' {
  return isUtf8(buffer) ? 'utf-8' : 'gb18030';
}

/** Yields the header row first (line 1), then every non-empty row, parsing as it goes. */
export async function* readRows(buffer: Buffer, format: FileFormat): AsyncGenerator<SourceRow> {
  if (format === 'xlsx') yield* readXlsx(buffer);
  else yield* readCsv(buffer);
}

/**
 * Feeds a buffer in 64 KB slices: a parser given one huge chunk would turn the whole file into
 * records at once; slices let backpressure keep only a batch's worth of rows in memory.
 */
function slices(buffer: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < buffer.length; i += 64 * 1024) yield buffer.subarray(i, i + 64 * 1024);
    })(),
    { objectMode: false },
  );
}

async function* readCsv(buffer: Buffer): AsyncGenerator<SourceRow> {
  let source: NodeJS.ReadableStream = slices(buffer);
  if (csvEncoding(buffer) === 'gb18030') source = source.pipe(iconv.decodeStream('gb18030'));
  const parser = source.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (record.every((cell) => cell.trim() === '')) continue;
    yield { line: info.lines, cells: record };
  }
}

async function* readXlsx(buffer: Buffer): AsyncGenerator<SourceRow> {
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(slices(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates from numbers.
    styles: 'cache',
    worksheets: 'emit',
  });
  // Only the first sheet holds data; templates put notes on later sheets.
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values.every((v) => v.trim() === '')) continue;
      yield { line: row.number, cells: values };
    }
    break;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as the text a clerk sees: dates as YYYY-MM-DD, formulas as their result, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return '';
  }
  return String(value);
}
