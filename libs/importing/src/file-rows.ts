import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';

import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { exceljs, hasForbiddenCharacters } from '@app/core';

import { clip, FileRejectedError, IMPORT_LIMITS, ImportLimits } from './import-limits';
import { assertXlsxWithinLimits } from './xlsx-scan';

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

/** The 1-based line of byte offset `at` in the file. */
function lineAt(buffer: Buffer, at: number): number {
  let line = 1;
  for (let i = buffer.indexOf(0x0a); i >= 0 && i < at; i = buffer.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
function utf8SequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const second = b[i + 1];
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f)) return 0; // overlong, surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const second = b[i + 1];
    if ((c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * The encoding of a CSV, strictly: valid UTF-8 is UTF-8; a file that is mostly valid UTF-8 with a
 * few bad bytes is a damaged UTF-8 file (read as GB18030 it would become mojibake) and is refused
 * naming the first bad line; otherwise GB18030 (what Excel in China saves) when it decodes without
 * a replacement character; else refused naming the line that does not decode.
 */
export function csvEncoding(buffer: Buffer): 'utf-8' | 'gb18030' {
  if (isUtf8(buffer)) return 'utf-8';
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < buffer.length; ) {
    const n = utf8SequenceLength(buffer, i);
    if (n === 0) {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    } else {
      if (n > 1) multibyte++;
      i += n;
    }
  }
  if (multibyte > invalid) {
    throw new FileRejectedError(
      'ENCODING_INVALID',
      `第 ${lineAt(buffer, firstInvalid)} 行含有无效的 UTF-8 字节,文件可能已损坏;请另存为 UTF-8 后重新上传 (line is not valid UTF-8)`,
      lineAt(buffer, firstInvalid),
    );
  }
  // Decoded in slices: a large file never becomes one string here.
  const decoder = iconv.getDecoder('gb18030');
  let line = 1;
  const pieces = function* () {
    for (let i = 0; i < buffer.length; i += 64 * 1024) yield decoder.write(buffer.subarray(i, i + 64 * 1024));
    yield decoder.end() ?? '';
  };
  for (const text of pieces()) {
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) {
      line += text.slice(0, bad).split('\n').length - 1;
      throw new FileRejectedError('ENCODING_INVALID', `第 ${line} 行既不是 UTF-8 也不是 GB18030 文本 (line is neither UTF-8 nor GB18030)`, line);
    }
    line += text.split('\n').length - 1;
  }
  return 'gb18030';
}

/** Yields the header row first (line 1), then every non-empty row, parsing as it goes. */
export async function* readRows(buffer: Buffer, format: FileFormat, limits: ImportLimits = IMPORT_LIMITS): AsyncGenerator<SourceRow> {
  let parsing = 0;
  const rows = format === 'xlsx' ? readXlsx(buffer, limits) : readCsv(buffer, limits);
  // Only the time spent in the parser counts: checking and writing rows happens between the yields.
  for (;;) {
    const from = Date.now();
    const next = await rows.next();
    parsing += Date.now() - from;
    if (parsing > limits.parseMs) {
      await rows.return(undefined);
      throw new FileRejectedError('PARSE_TIMEOUT', `文件解析超过 ${limits.parseMs / 1000} 秒,请拆分后上传 (parsing took too long: split the file)`);
    }
    if (next.done) return;
    const row = next.value;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i] ?? ''; // an XLSX row skips empty cells
      if (cell.length > limits.cellChars) {
        throw new FileRejectedError('CELL_TOO_LONG', `第 ${row.line} 行第 ${i + 1} 列超过 ${limits.cellChars} 个字符 (cell too long)`, row.line);
      }
      if (hasForbiddenCharacters(cell)) {
        throw new FileRejectedError('ENCODING_INVALID', `第 ${row.line} 行第 ${i + 1} 列含有 NUL 或无效字符 (cell holds a NUL or an invalid character)`, row.line);
      }
    }
    yield row;
  }
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

async function* readCsv(buffer: Buffer, limits: ImportLimits): AsyncGenerator<SourceRow> {
  let source: NodeJS.ReadableStream = slices(buffer);
  if (csvEncoding(buffer) === 'gb18030') source = source.pipe(iconv.decodeStream('gb18030'));
  const parser = source.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: limits.csvRecordChars }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { line: info.lines, cells: record };
    }
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    const line = (error as { lines?: number }).lines;
    const tooLong = (error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE';
    throw new FileRejectedError(
      tooLong ? 'CELL_TOO_LONG' : 'FILE_UNREADABLE',
      `${line ? `第 ${line} 行` : 'CSV 文件'}${tooLong ? `超过 ${limits.csvRecordChars} 个字符` : '无法解析'} (${clip((error as Error).message, 200)})`,
      line,
    );
  }
}

async function* readXlsx(buffer: Buffer, limits: ImportLimits): AsyncGenerator<SourceRow> {
  await assertXlsxWithinLimits(buffer, limits);
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(slices(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates from numbers.
    styles: 'cache',
    worksheets: 'emit',
  });
  // Only the first sheet holds data; templates put notes on later sheets.
  let line: number | undefined;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        line = row.number;
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.every((v) => v.trim() === '')) continue;
        yield { line: row.number, cells: values };
      }
      break;
    }
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    throw new FileRejectedError('FILE_UNREADABLE', `XLSX 文件${line ? `第 ${line} 行之后` : ''}无法解析 (${clip((error as Error).message, 200)})`, line);
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
