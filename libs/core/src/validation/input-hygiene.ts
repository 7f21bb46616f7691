// NUL cannot be stored in PostgreSQL text, and an unpaired UTF-16 surrogate cannot be encoded as
// UTF-8 at all: both would fail deep in a query or an audit insert, so they are refused at the door.
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** Whether a string carries a NUL character or an unpaired surrogate. */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/**
 * The path of the first string (value or key) in `value` with a NUL or an unpaired surrogate, e.g.
 * `profile.name` or `formerNames.2`; undefined when there is none. `root` names a scalar.
 */
export function findForbiddenCharacters(value: unknown, root = '', depth = 0): string | undefined {
  if (typeof value === 'string') return hasForbiddenCharacters(value) ? root || 'value' : undefined;
  if (typeof value !== 'object' || value === null || depth > 64 || Buffer.isBuffer(value)) return undefined;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const path = root ? `${root}.${key}` : key;
    if (hasForbiddenCharacters(key)) return path;
    const found = findForbiddenCharacters(child, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * `value` with every NUL and unpaired surrogate in its strings (keys too) replaced by U+FFFD, for
 * records that must be written whatever they quote — the audit trail.
 */
export function withForbiddenCharactersReplaced<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return value.replace(FORBIDDEN_ALL, '\uFFFD') as T;
  if (typeof value !== 'object' || value === null || depth > 64 || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => withForbiddenCharactersReplaced(v, depth + 1)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [withForbiddenCharactersReplaced(k), withForbiddenCharactersReplaced(v, depth + 1)]),
  ) as T;
}
