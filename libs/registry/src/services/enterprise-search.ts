import { SelectQueryBuilder } from 'typeorm';

import { normalizeCreditCode } from '../credit-code/credit-code';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * Adds the `q` condition. Names go through the bigram tsvector (GIN index), then an exact
 * substring recheck, since bigrams alone could match pieces in different places. A query that
 * looks like part of a credit code also matches codes (trigram index).
 */
export function applySearch<T extends object>(qb: SelectQueryBuilder<T>, alias: string, raw: string): void {
  const q = raw.trim().replace(/['\\]/g, '');
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
