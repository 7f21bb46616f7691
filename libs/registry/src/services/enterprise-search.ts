import { SelectQueryBuilder } from 'typeorm';

import { normalizeCreditCode } from '../credit-code/credit-code';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
/** The query text both forms of the rule use. */
const searchText = (raw: string) => raw.trim().replace(/['\\]/g, '');

/**
 * Adds the `q` condition. Names go through the bigram tsvector (GIN index), then an exact
 * substring recheck, since bigrams alone could match pieces in different places. A query that
 * looks like part of a credit code also matches codes (trigram index).
 */
export function applySearch<T extends object>(qb: SelectQueryBuilder<T>, alias: string, raw: string): void {
  const q = searchText(raw);
  if (!q) return;
  const like = `%${escapeLike(q.toLowerCase())}%`;
  const nameMatch =
    `(${alias}.search_vector @@ cr_name_query(:q) AND (lower(${alias}.name) LIKE :like OR lower(coalesce(${alias}.short_name, '')) LIKE :like ` +
    `OR EXISTS (SELECT 1 FROM unnest(${alias}.former_names) f WHERE lower(f) LIKE :like)))`;
  const code = normalizeCreditCode(q);
  if (/^[0-9A-Z]{3,18}$/.test(code)) {
    qb.andWhere(`(${nameMatch} OR ${alias}.credit_code LIKE :codeLike)`, { q, like, codeLike: `%${escapeLike(code)}%` });
  } else {
    qb.andWhere(nameMatch, { q, like });
  }
}

/**
 * The TypeScript twin of the match in `applySearch`, for a row it returned: the former name the row
 * was found by when neither its name, short name nor credit code holds the query, else null. The
 * list says so ("曾用名:旧名"), since the name shown does not contain what was typed.
 */
export function matchedFormerName(row: { name: string; shortName: string | null; formerNames: string[]; creditCode: string }, raw: string): string | null {
  const q = searchText(raw).toLowerCase();
  if (!q) return null;
  const holds = (text: string | null) => (text ?? '').toLowerCase().includes(q);
  if (holds(row.name) || holds(row.shortName)) return null;
  const code = normalizeCreditCode(q);
  if (/^[0-9A-Z]{3,18}$/.test(code) && row.creditCode.includes(code)) return null;
  return row.formerNames.find(holds) ?? null;
}
