import { EntityManager, SelectQueryBuilder } from 'typeorm';

import { Actor, enterpriseScopeCondition } from '@app/core';

import { normalizeCreditCode } from '../credit-code/credit-code';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
/** The query text both forms of the rule use. */
const searchText = (raw: string) => raw.trim().replace(/['\\]/g, '');

const looksLikeCode = (code: string) => /^[0-9A-Z]{3,18}$/.test(code);

/** The exact rule: the name, short name or a former name holds the text (the bigram match only narrows). */
const substringMatch = (alias: string, like: string) =>
  `(lower(${alias}.name) LIKE ${like} OR lower(coalesce(${alias}.short_name, '')) LIKE ${like} ` +
  `OR EXISTS (SELECT 1 FROM unnest(${alias}.former_names) f WHERE lower(f) LIKE ${like}))`;

/**
 * Adds the `q` condition. Names go through the bigram tsvector (GIN index), then an exact
 * substring recheck, since bigrams alone could match pieces in different places. A query that
 * looks like part of a credit code also matches codes (trigram index).
 */
export function applySearch<T extends object>(qb: SelectQueryBuilder<T>, alias: string, raw: string): void {
  const q = searchText(raw);
  if (!q) return;
  const like = `%${escapeLike(q.toLowerCase())}%`;
  const nameMatch = `(${alias}.search_vector @@ cr_name_query(:q) AND ${substringMatch(alias, ':like')})`;
  const code = normalizeCreditCode(q);
  if (looksLikeCode(code)) {
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

/** How far the name-order walk reads before handing a search to the bigram index (see `walkNameSearch`). */
export const SEARCH_WALK_ROWS = 20_000;

export interface NameWalk {
  /** Ids of the first `need` matches in name order (fewer when the walk ended) */
  ids: string[];
  /** True when the ids are exactly the first `need` matches, or all matches there are */
  complete: boolean;
}

/**
 * A common word (机械: a tenth of a million firms) is served by walking live rows in name order on
 * `idx_enterprise_live_name`, which carries name, short name, former names and district, and
 * checking the substring rule on each index entry: the first page or the capped count needs ~10,000
 * entries and reads no table row, where the bigram index must first collect all ~113,000 matches.
 * A rare word finds too few matches within SEARCH_WALK_ROWS entries (`complete` false): the caller
 * then asks the bigram index, which is cheap for it. Only name searches (not credit-code-like text)
 * of live rows with at most a district filter qualify; `after` continues from a cursor row.
 */
export async function walkNameSearch(
  manager: EntityManager,
  actor: Actor,
  raw: string,
  options: { districtCode?: string; after?: { value: string; id: string }; need: number },
): Promise<NameWalk> {
  const q = searchText(raw);
  const scope = enterpriseScopeCondition('e', actor);
  const params: unknown[] = [`%${escapeLike(q.toLowerCase())}%`, SEARCH_WALK_ROWS, options.need];
  const conditions = ['e.archived = false'];
  // The scope helper names its parameters (:scope_e); this statement is positional.
  if (scope.sql !== 'TRUE') {
    const [name] = Object.keys(scope.params);
    params.push(scope.params[name]);
    conditions.push(scope.sql.replace(`:${name}`, `$${params.length}`));
  }
  if (options.districtCode) {
    params.push(options.districtCode);
    conditions.push(`e.district_code = $${params.length}`);
  }
  if (options.after) {
    params.push(options.after.value, options.after.id);
    conditions.push(`(e.name, e.id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  const rows: { ids: string[] | null; walked: number | null }[] = await manager.query(
    `WITH walk AS (
       SELECT e.id, e.name, e.short_name, e.former_names FROM enterprise e
       WHERE ${conditions.join(' AND ')} ORDER BY e.name, e.id LIMIT $2
     ), hits AS (SELECT e.id, e.name FROM walk e WHERE ${substringMatch('e', '$1')} LIMIT $3)
     SELECT array(SELECT id FROM hits ORDER BY name, id) AS ids,
            CASE WHEN (SELECT count(*) FROM hits) < $3 THEN (SELECT count(*) FROM walk) END::int AS walked`,
    params,
  );
  const ids = rows[0].ids ?? [];
  const walked = rows[0].walked;
  return { ids, complete: walked === null || walked < SEARCH_WALK_ROWS };
}

/** Whether a search can be served by `walkNameSearch` (see there). */
export function canWalkNameSearch(raw: string): boolean {
  const q = searchText(raw);
  // Text with a space may leave the bigram query empty (matching nothing); keep those on the index path.
  return q.length > 0 && !/\s/.test(q) && !looksLikeCode(normalizeCreditCode(q));
}
