import { AppException, ErrorCode } from '@app/core';

/**
 * The enterprise list's keyset cursor: the sort it belongs to, the sort column's value of the last
 * row served (as PostgreSQL's text, so a timestamp keeps its microseconds) and that row's id.
 * Opaque to clients (base64url JSON); the next page is the rows after (value, id) in the same order,
 * so a row inserted or archived meanwhile never shifts a page, and none is skipped or repeated.
 */
export interface ListCursor {
  sort: string;
  value: string;
  id: string;
}

// PostgreSQL's text form of a timestamptz, as the list writes it into a cursor.
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id]), 'utf8').toString('base64url');
}

const badCursor = (why: string) =>
  AppException.field(ErrorCode.VALIDATION_FAILED, 'after', `after 游标无效${why},请从第一页重新翻页 (invalid cursor)`);

/** Decodes a cursor for the list's current sort; a cursor of another sort (or garbage) is a 400 on `after`. */
export function decodeCursor(raw: string, sort: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string') || !UUID.test(parsed[2])) throw badCursor('');
  const [cursorSort, value, id] = parsed as [string, string, string];
  if (cursorSort !== sort) throw badCursor(`(它属于排序 ${cursorSort},当前为 ${sort})`);
  // A hand-made value must not reach PostgreSQL as a bad timestamp or a NUL byte (a 500, not a 400).
  if (value.includes('\u0000') || value.length > 300) throw badCursor('');
  if (/^(createdAt|updatedAt):/.test(sort) && !TIMESTAMP_TEXT.test(value)) throw badCursor('');
  return { sort, value, id };
}
