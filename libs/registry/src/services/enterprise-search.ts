import { DataSource, SelectQueryBuilder } from 'typeorm';

import { Actor, enterpriseScopeCondition, PreparedStatement, queryPrepared } from '@app/core';

import { normalizeCreditCode } from '../credit-code/credit-code';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
/** The query text both forms of the rule use. */
const searchText = (raw: string) => raw.trim().replace(/['\\]/g, '');

const looksLikeCode = (code: string) => /^[0-9A-Z]{3,18}$/.test(code);

/**
 * Text of Han characters and ASCII digits only (机械, 甬海, 3号): no character lowers to one of
 * these and lower() leaves them as they are, so "lower(name) holds q" is exactly "name holds q".
 * Most searches are such text; skipping lower() spares converting every name walked (see below).
 */
const isCaseless = (q: string) => /^[\p{Script=Han}0-9]+$/u.test(q);

/**
 * The exact rule: the name, short name or a former name holds the text (the bigram match only
 * narrows). `caseless` (see isCaseless) compares without lower(), with the same result. A row
 * without former names (nearly all) skips the per-row subquery over them.
 */
const substringMatch = (alias: string, like: string, caseless = false) => {
  const folded = (text: string) => (caseless ? text : `lower(${text})`);
  return (
    `(${folded(`${alias}.name`)} LIKE ${like} OR ${folded(`coalesce(${alias}.short_name, '')`)} LIKE ${like} ` +
    `OR (${alias}.former_names <> '{}' AND EXISTS (SELECT 1 FROM unnest(${alias}.former_names) f WHERE ${folded('f')} LIKE ${like})))`
  );
};

/**
 * Adds the `q` condition. Names go through the bigram tsvector (GIN index), then an exact
 * substring recheck, since bigrams alone could match pieces in different places. A query that
 * looks like part of a credit code also matches codes (trigram index).
 */
export function applySearch<T extends object>(qb: SelectQueryBuilder<T>, alias: string, raw: string): void {
  const q = searchText(raw);
  if (!q) return;
  const like = `%${escapeLike(q.toLowerCase())}%`;
  const nameMatch = `(${alias}.search_vector @@ cr_name_query(:q) AND ${substringMatch(alias, ':like', isCaseless(q))})`;
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
/** The walk's first entries, where a word too rare to finish within SEARCH_WALK_ROWS shows it (see `walkNameSearch`). */
const PROBE_ROWS = 2_000;

export interface NameWalk<Row = never> {
  /** With `rows`: the matches `skip` … `skip + take - 1` in name order, of the first `need` (fewer when the walk ended) */
  rows?: Row[];
  /** How many of the first `need` matches were found */
  found: number;
  /** True when the walk found the first `need` matches; otherwise the caller asks the bigram index */
  complete: boolean;
}

/** One prepared statement per shape of the walk (scope, district, cursor, case), named by its text. */
const walkStatements = new Map<string, PreparedStatement>();
const walkStatement = (text: string): PreparedStatement => {
  let statement = walkStatements.get(text);
  if (!statement) walkStatements.set(text, (statement = { name: `enterprise_name_walk_${walkStatements.size}`, text }));
  return statement;
};

/**
 * A common word (机械: a tenth of a million firms) is served by walking live rows in name order on
 * `idx_enterprise_live_name`, which carries name, short name, former names and district, and
 * checking the substring rule on each index entry: the first page or the capped count needs ~10,000
 * entries and reads no table row, where the bigram index must first collect all ~113,000 matches.
 * A rarer word finds fewer than `need` matches within SEARCH_WALK_ROWS entries (`complete` false),
 * and so does any word in a list shorter than that: the caller then asks the bigram index, which is
 * cheap for it. The walk does not start at all when its first PROBE_ROWS entries hold fewer than half
 * the matches it would need at that rate (甬海: a 2,000-entry probe instead of 20,000 entries walked in
 * vain). Which path serves a search never changes its rows, only its cost. Only name searches (not
 * credit-code-like text) of live rows with at most a district filter qualify; `after` continues from
 * a cursor row.
 *
 * One statement of nested subqueries, each read lazily: the walk stops at the `need`-th match, and no
 * walked row is stored on the way (a CTE would keep every walked entry: 3× the cost for 机械).
 */
export async function walkNameSearch<Row = never>(
  dataSource: DataSource,
  actor: Actor,
  raw: string,
  options: {
    districtCode?: string;
    after?: { value: string; id: string };
    need: number;
    skip?: number;
    take?: number;
    /** A SELECT list over `enterprise e`: the same statement then also reads the rows of `ids` (one round trip) */
    rows?: string;
  },
): Promise<NameWalk<Row>> {
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
  const skip = options.skip ?? 0;
  params.push(PROBE_ROWS, Math.ceil((PROBE_ROWS * options.need) / SEARCH_WALK_ROWS / 2));
  const [probeRows, probeHits] = [-1, 0].map((k) => `$${params.length + k}`);
  const match = substringMatch('e', '$1', isCaseless(q));
  const entries = (limit: string) =>
    `SELECT e.id, e.name, e.short_name, e.former_names FROM enterprise e WHERE ${conditions.join(' AND ')} ORDER BY e.name, e.id LIMIT ${limit}`;
  // The probe is uncorrelated: PostgreSQL runs it once, before the walk, as a gate on the whole walk.
  // Only the ids asked for come back (a count of 1,001 ids as an array was most of the API's work),
  // and only when their rows are read.
  if (options.rows) params.push(skip + 1, skip + (options.take ?? options.need));
  const ids = options.rows ? `, (array_agg(h.id ORDER BY h.name, h.id))[$${params.length - 1}:$${params.length}] AS ids` : '';
  const walk = `SELECT count(*)::int AS found${ids} FROM (
       SELECT e.id, e.name FROM (${entries('$2')}) e
       WHERE (SELECT count(*) FILTER (WHERE ${match}) >= ${probeHits} OR count(*) < ${probeRows} FROM (${entries(probeRows)}) e) AND ${match}
       LIMIT $3
     ) h`;
  if (!options.rows) {
    const [{ found }] = await queryPrepared<{ found: number }>(dataSource, walkStatement(walk), params);
    return { found, complete: found >= options.need };
  }
  // One row per id asked for (or one row of nulls beside the count when there is none).
  const text = `SELECT w.found, p.* FROM (${walk}) w LEFT JOIN LATERAL (
       SELECT ${options.rows}, u.n AS walk_position FROM unnest(w.ids) WITH ORDINALITY u(id, n) JOIN enterprise e ON e.id = u.id
     ) p ON true ORDER BY p.walk_position`;
  const found = await queryPrepared<Row & { found: number; walk_position: number | null }>(dataSource, walkStatement(text), params);
  const rows = found.filter((r) => r.walk_position !== null).map(({ found: _found, walk_position: _position, ...row }) => row as unknown as Row);
  const total = found[0]?.found ?? 0;
  return { rows, found: total, complete: total >= options.need };
}

/** Whether a search can be served by `walkNameSearch` (see there). */
export function canWalkNameSearch(raw: string): boolean {
  const q = searchText(raw);
  // Text with a space may leave the bigram query empty (matching nothing); keep those on the index path.
  return q.length > 0 && !/\s/.test(q) && !looksLikeCode(normalizeCreditCode(q));
}
