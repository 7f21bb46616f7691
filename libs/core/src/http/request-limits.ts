/** The request limits, in one place; the README's security section lists them. */
export const REQUEST_LIMITS = {
  /** JSON and form bodies */
  bodyBytes: 100 * 1024,
  /** Nesting of objects and arrays in a JSON body; the deepest real request is 4 levels */
  jsonDepth: 32,
} as const;

/** An error body-parser passes on as it is: status, stable `type`, safe to show. */
export class BodyRejectedError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the JSON text nests objects and arrays deeper than `max` (strings are skipped). */
export function jsonDeeperThan(bytes: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** body-parser `verify` hook: refuses a JSON body nested deeper than the limit before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, bytes: Buffer): void {
  if (jsonDeeperThan(bytes, REQUEST_LIMITS.jsonDepth)) {
    throw new BodyRejectedError('entity.too.deep', `nested deeper than ${REQUEST_LIMITS.jsonDepth}`);
  }
}
