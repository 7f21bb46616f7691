/** What an import reads at most; the README's security section lists them. */
export const IMPORT_LIMITS = {
  /** Characters in one cell: Excel's own limit, so no genuine sheet exceeds it */
  cellChars: 32_767,
  /** Characters of a cell or header repeated in an error message */
  echoChars: 60,
  /** XLSX: text between two XML tags, in bytes (a 32,767-character cell, XML-escaped, fits) */
  xmlTextBytes: 200 * 1024,
  /** XLSX: the shared-string table, unzipped (it is held in memory while the sheet is read) */
  sharedStringsBytes: 128 * 1024 * 1024,
  /** XLSX: entries in the shared-string table */
  sharedStrings: 2_000_000,
  /** XLSX: every part of the file, unzipped */
  unzippedBytes: 1024 * 1024 * 1024,
  /** XLSX: cells in the first sheet (1,048,576 rows × 20 columns) */
  cells: 20_000_000,
  /** CSV: one record, in characters */
  csvRecordChars: 1024 * 1024,
  /** Time spent parsing the file (not checking or writing rows), in milliseconds */
  parseMs: 120_000,
};

export type ImportLimits = typeof IMPORT_LIMITS;

/** A file beyond a limit or not readable as text: refused as a whole, with the line when there is one. */
export class FileRejectedError extends Error {
  constructor(
    readonly code: 'FILE_TOO_LARGE' | 'ENCODING_INVALID' | 'CELL_TOO_LONG' | 'PARSE_TIMEOUT' | 'FILE_UNREADABLE',
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Cuts a value a file carried to a length fit to repeat in an error message. */
export function clip(text: string, max = IMPORT_LIMITS.echoChars): string {
  return text.length > max ? `${text.slice(0, max)}…(共 ${text.length} 字)` : text;
}
