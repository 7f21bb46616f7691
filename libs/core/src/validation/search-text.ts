import { Transform } from 'class-transformer';

/**
 * One rule for every free-text search parameter: a query without a single letter or digit (empty,
 * spaces, `\`, `!!!` …) searches for nothing in particular, so it is dropped and the list comes back
 * unfiltered; anything else is searched for as typed, trimmed.
 */
export function SearchText(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    return /[\p{L}\p{N}]/u.test(value) ? value.trim() : undefined;
  });
}
