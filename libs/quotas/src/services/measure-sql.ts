import { DESIGNATION_LEVEL_LABELS, DesignationType, holdsOnSql, levelsAtLeast, statesOnSql } from '@app/core';
import { scaleTierSql } from '@app/cultivation';
import { projectMembersSql } from '@app/projects';
import { activeOnSql, districtOnSql } from '@app/registry';
import { caseStepOnSql, REMEDIATION_CATEGORY_LABELS, REMEDIATION_OUTCOME_LABELS, RemediationCategory } from '@app/remediation';

import { FIGURE_METRIC_COLUMNS, FigureMetric, MeasureKind, MeasureParams } from '../quota-enums';

/** Which part of the city a measure is computed for: the whole city, one district or one chain. */
export interface MeasureScope {
  districtCode?: string | null;
  chainId?: string | null;
  /**
   * A district officer's districts when they name none: rows restricted to any of them (an empty list
   * restricts to nothing). Set only by `measureScopeFor`, never from a query string.
   */
  districtCodes?: string[] | null;
}

/**
 * A query over the registry returning the rows behind a line, one per enterprise (one per community for
 * COMMUNITIES_FORMED), with columns enterprise_id, credit_code, enterprise_name, district_code, detail,
 * current_value, previous_value.
 */
export interface MembersQuery {
  sql: string;
  params: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** SQL condition on enterprise alias `e` for the district part of a scope ('' when unrestricted): its district on `date`. */
function districtCondition(p: Params, scope: MeasureScope, date: string): string {
  const parts: string[] = [];
  if (scope.districtCode) parts.push(` AND ${districtOnSql('e', date)} = ${p.add(scope.districtCode)}`);
  if (scope.districtCodes) parts.push(` AND ${districtOnSql('e', date)} = ANY(${p.add(scope.districtCodes)}::text[])`);
  return parts.join('');
}

/** Enterprise `e` on `date` (a SQL date expression): not archived, in the scope's district and chain then. */
function enterpriseScope(p: Params, scope: MeasureScope, date: string, designationAlias?: string): string {
  const parts: string[] = [activeOnSql('e', date)];
  if (scope.chainId) {
    const chain = p.add(scope.chainId);
    const member = `EXISTS (SELECT 1 FROM chain_membership cm WHERE cm.enterprise_id = e.id AND cm.chain_id = ${chain}::uuid
      AND (cm.joined_on IS NULL OR cm.joined_on <= ${date}) AND (cm.left_on IS NULL OR cm.left_on > ${date}))`;
    // A chain tier names its chain; other designations follow the enterprise's chain memberships on the day.
    parts.push(designationAlias ? `(${designationAlias}.chain_id = ${chain}::uuid OR (${designationAlias}.chain_id IS NULL AND ${member}))` : member);
  }
  return districtCondition(p, scope, date) + parts.map((x) => ` AND ${x}`).join('');
}

const scoped = (scope: MeasureScope) => Boolean(scope.districtCode || scope.districtCodes || scope.chainId);

/**
 * `activeOnSql` for the enterprise of id `enterpriseId`, as an anti-join over archived enterprises (few, and
 * indexed apart): a city-wide count then needs no enterprise row, and its join to the enterprise (kept only for
 * the drill-down's columns, LEFT so the planner drops it) costs nothing — at 1,000,000 enterprises the
 * tax-per-mu count otherwise hashed every enterprise row.
 */
const notArchivedOn = (enterpriseId: string, date: string) => `NOT EXISTS (SELECT 1 FROM enterprise x WHERE x.id = ${enterpriseId} AND ${archivedOnSql('x', date)})`;

/** Enterprise `alias` archived on `date`: the complement of `activeOnSql`, written to use the partial index on archived rows. */
const archivedOnSql = (alias: string, date: string) => `${alias}.archived AND NOT ${activeOnSql(alias, date)}`;

// Drill-down details are read by people: the level's Chinese label (市级), never the enum value (MUNICIPAL).
const LEVEL_LABEL_SQL = `CASE d.level ${Object.entries(DESIGNATION_LEVEL_LABELS).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE d.level END`;

/** Common columns of a drill-down row for enterprise `e`, with its district as it was on `date`. */
const enterpriseColumns = (date: string) => `e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, ${districtOnSql('e', date)} AS district_code`;

type NewWindow = { from: string; to: string };

/**
 * The rule of a designation line over designation `d` (its state on the day in `status`, `expiresOn`) and
 * enterprise `e`: holding a designation of the type (+level) on `at` — `holdsOnSql` on the designation's state
 * that day (`statesOnSql`, the core lib's span read) — while in the scope. With `newWindow`, only those whose first recognition of the
 * type (+level), across all their designations of it, falls in the window. Shared by the drill-down
 * (`holdersSql`) and the one-pass count of all designation lines (`designationCountsQuery`).
 */
function holderRule(p: Params, params: MeasureParams, at: string, scope: MeasureScope, state: { status: string; expiresOn: string }, newWindow?: NewWindow, withoutEnterpriseRow = false) {
  const type = p.add(params.designationType ?? DesignationType.CHAIN_LEADER);
  const level = params.designationLevel ? p.add(params.designationLevel) : null;
  const levelFilter = (alias: string) => (level ? ` AND ${alias}.level = ${level}` : '');
  const firstRecognised = `(SELECT min(ev.effective_on) FROM designation_event ev JOIN designation d2 ON d2.id = ev.designation_id
      WHERE d2.enterprise_id = d.enterprise_id AND d2.type = d.type${levelFilter('d2')} AND ev.to_status = 'RECOGNISED' AND ev.effective_on <= ${at})`;
  const since = newWindow ? ` AND ${firstRecognised} BETWEEN ${p.add(newWindow.from)}::date AND ${p.add(newWindow.to)}::date` : '';
  // City-wide, "not archived on the day" needs no enterprise row (`notArchivedOn`); a district or chain does.
  const enterprise = withoutEnterpriseRow && !scoped(scope) ? ` AND ${notArchivedOn('d.enterprise_id', at)}` : enterpriseScope(p, scope, at, 'd');
  const where = `d.type = ${type}${levelFilter('d')} AND ${holdsOnSql(state.status, state.expiresOn, at)}${since}${enterprise}`;
  return { where, firstRecognised };
}

/** Enterprises holding a designation of the type (+level) on `asOf` (`holderRule`), one row each. */
function holdersSql(p: Params, params: MeasureParams, asOf: string, scope: MeasureScope, newWindow?: NewWindow): string {
  if (byCatalogue(params)) return recognitionHoldersSql(p, params, asOf, scope, newWindow);
  const at = `${p.add(asOf)}::date`;
  const types = `${p.add([params.designationType ?? DesignationType.CHAIN_LEADER])}::text[]`;
  const rule = holderRule(p, params, at, scope, { status: 'd.status', expiresOn: 'd.expires_on' }, newWindow);
  return `SELECT DISTINCT ON (e.id) ${enterpriseColumns(at)},
      concat_ws(' ', ${LEVEL_LABEL_SQL}, '认定于', ${rule.firstRecognised}::text) AS detail, NULL::numeric AS current_value, NULL::numeric AS previous_value
    FROM ${statesOnSql(types, at)} d JOIN enterprise e ON e.id = d.enterprise_id
    WHERE ${rule.where}
    ORDER BY e.id`;
}

/** One designation line's count in one scope, for `designationCountsQuery`. */
export interface DesignationCount {
  kind: MeasureKind.HOLDING_DESIGNATIONS | MeasureKind.NEW_DESIGNATIONS;
  params: MeasureParams;
  scope: MeasureScope;
}

/** A line over several catalogue types, a minimum level or carriers (`recognitionHoldersSql`), not one type (+level). */
const byCatalogue = (params: MeasureParams) => Boolean(params.designationTypes || params.minLevel || params.holderKind);

/** Whether `designationCountsQuery` counts this line: one designation type (+level) held or new. */
export const countsInOnePass = (kind: MeasureKind, params: MeasureParams): kind is DesignationCount['kind'] =>
  (kind === MeasureKind.HOLDING_DESIGNATIONS || kind === MeasureKind.NEW_DESIGNATIONS) && !byCatalogue(params);

/**
 * Every designation line of a plan, in each of its scopes (the city, splits), counted in one statement: the
 * state of each designation of the types involved on as-of is read once (`statesOnSql`: one range scan of the
 * trigger-kept spans), then each count
 * applies the same `holderRule` as the line's drill-down. Returns one row with an integer column c0, c1, … per
 * item, in order. Equals `count(*)` over `membersQuery` of the item (tested in quotas e2e).
 */
export function designationCountsQuery(items: DesignationCount[], window: MeasureWindow): MembersQuery {
  const p = new Params();
  const { year, asOf } = window;
  const at = `${p.add(asOf)}::date`;
  const types = p.add([...new Set(items.map((item) => item.params.designationType ?? DesignationType.CHAIN_LEADER))]);
  const counts = items.map((item, i) => {
    const newWindow = item.kind === MeasureKind.NEW_DESIGNATIONS ? { from: yearStart(year), to: newInYearEnd(year, asOf) } : undefined;
    const rule = holderRule(p, item.params, at, item.scope, { status: 'd.state_status', expiresOn: 'd.state_expires_on' }, newWindow, true);
    return scoped(item.scope)
      ? `(SELECT count(DISTINCT e.id)::int FROM held d JOIN enterprise e ON e.id = d.enterprise_id WHERE ${rule.where}) AS c${i}`
      : `(SELECT count(DISTINCT d.enterprise_id)::int FROM held d WHERE ${rule.where}) AS c${i}`;
  });
  const sql = `WITH held AS MATERIALIZED (
      SELECT s.enterprise_id, s.type, s.level, s.chain_id, s.status AS state_status, s.expires_on AS state_expires_on FROM ${statesOnSql(`${types}::text[]`, at)} s)
    SELECT ${counts.length ? counts.join(',\n      ') : '0 AS none'}`;
  return { sql, params: p.values };
}

/**
 * Holders — enterprises, or carriers with `holderKind: 'CARRIER'` — of a recognition of any of `designationTypes`
 * (or `designationType`) at `designationLevel` or at least `minLevel`, on `asOf`, by the same rules as
 * `holdersSql` (state on the day, `holdsOnSql`; with `newWindow` the holder's first recognition of the type at
 * those levels falls in the window). One row per holder: an enterprise that gained two of the types counts
 * once. A carrier's row names the carrier (and the type) in `detail` and its operating enterprise, if any, in
 * the enterprise columns; its district is the carrier's, its chain the recognition's or the carrier's.
 */
function recognitionHoldersSql(p: Params, params: MeasureParams, asOf: string, scope: MeasureScope, newWindow?: { from: string; to: string }): string {
  const types = p.add(params.designationTypes ?? [params.designationType ?? DesignationType.CHAIN_LEADER]);
  const levels = params.minLevel ? p.add(levelsAtLeast(params.minLevel)) : params.designationLevel ? p.add([params.designationLevel]) : null;
  const at = `${p.add(asOf)}::date`;
  const carrier = params.holderKind === 'CARRIER';
  const holder = carrier ? 'carrier_id' : 'enterprise_id';
  const levelFilter = (alias: string) => (levels ? ` AND ${alias}.level = ANY(${levels}::text[])` : '');
  const firstRecognised = `(SELECT min(ev.effective_on) FROM designation_event ev JOIN designation d2 ON d2.id = ev.designation_id
      WHERE d2.${holder} = d.${holder} AND d2.type = d.type${levelFilter('d2')} AND ev.to_status = 'RECOGNISED' AND ev.effective_on <= ${at})`;
  const since = newWindow ? ` AND ${firstRecognised} BETWEEN ${p.add(newWindow.from)}::date AND ${p.add(newWindow.to)}::date` : '';
  const typeName = `(SELECT rt.name FROM recognition_type rt WHERE rt.code = d.type)`;
  const holds = `d.type = ANY(${types}::text[])${levelFilter('d')} AND ${holdsOnSql('d.status', 'd.expires_on', at)}${since}`;
  if (!carrier) {
    return `SELECT DISTINCT ON (e.id) ${enterpriseColumns(at)},
        concat_ws(' ', ${typeName}, ${LEVEL_LABEL_SQL}, '认定于', ${firstRecognised}::text) AS detail, NULL::numeric AS current_value, NULL::numeric AS previous_value
      FROM ${statesOnSql(`${types}::text[]`, at)} d JOIN enterprise e ON e.id = d.enterprise_id
      WHERE ${holds}${enterpriseScope(p, scope, at, 'd')}
      ORDER BY e.id, d.type`;
  }
  const parts: string[] = [];
  if (scope.districtCode) parts.push(`k.district_code = ${p.add(scope.districtCode)}`);
  if (scope.districtCodes) parts.push(`k.district_code = ANY(${p.add(scope.districtCodes)}::text[])`);
  if (scope.chainId) {
    const chain = p.add(scope.chainId);
    parts.push(`coalesce(d.chain_id, k.chain_id) = ${chain}::uuid`);
  }
  return `SELECT DISTINCT ON (k.id) e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, k.district_code,
      concat_ws(' ', k.name, ${typeName}, ${LEVEL_LABEL_SQL}, '认定于', ${firstRecognised}::text) AS detail, NULL::numeric AS current_value, NULL::numeric AS previous_value
    FROM ${statesOnSql(`${types}::text[]`, at)} d JOIN carrier k ON k.id = d.carrier_id LEFT JOIN enterprise e ON e.id = k.operator_enterprise_id
    WHERE ${holds}${parts.map((x) => ` AND ${x}`).join('')}
    ORDER BY k.id, d.type`;
}

/**
 * Enterprises newly at a scale tier in `year`: the yearly figure (quarter 0) reaches the tier in `year` and did
 * not in `year - 1` (missing counts as below) — the rule of the cultivation lib's `scaleTierSql`, which
 * ScaleTierService uses too — counted while not archived on `asOf`.
 */
export function newlyAtScaleTierSql(p: Params, metric: FigureMetric, thresholdYuan: string, year: number, asOf: string, scope: MeasureScope): string {
  const column = FIGURE_METRIC_COLUMNS[metric];
  const threshold = p.add(thresholdYuan);
  const y = p.add(year);
  const at = `${p.add(asOf)}::date`;
  const rule = scaleTierSql({ column, year: y, threshold, newOnly: true });
  return `SELECT ${enterpriseColumns(at)},
      concat(${y}::int, ' 年 ', cur.${column}::text, ' 元') AS detail, cur.${column} AS current_value, prev.${column} AS previous_value
    FROM enterprise e ${rule.joins}
    WHERE ${rule.where}${enterpriseScope(p, scope, at)}`;
}

/**
 * Each enterprise's tax per mu of land for plan year `year`, as a FROM item (enterprise_id, figure_year,
 * tax_paid_yuan, land_area_mu, tax_per_mu): its latest yearly tax figure up to that year over the land basis.
 * The rows come from `enterprise_tax_per_mu`, which triggers keep in the transaction of every change to the
 * figures or the land (migration TaxPerMu: the land basis is the SQL function `tax_per_mu_land_basis`); a row
 * stands for its year, and an enterprise's latest row for every later year too.
 */
export function taxPerMuSql(p: Params, year: number): string {
  const parts = taxPerMuParts(p.add(year)).map((where) => `SELECT tp.enterprise_id, tp.figure_year, tp.tax_paid_yuan, tp.land_area_mu, tp.tax_per_mu FROM enterprise_tax_per_mu tp WHERE ${where}`);
  return `(${parts.join('\n      UNION ALL\n    ')})`;
}

/** The two disjoint parts of `taxPerMuSql` over `enterprise_tax_per_mu tp` for plan year `y` (a SQL parameter): the year's own rows, and each enterprise's latest row of an earlier year. */
const taxPerMuParts = (y: string) => [`tp.year = ${y}::int`, `tp.latest AND tp.year < ${y}::int`];

/** The rule of a TAX_PER_MU_BELOW line on a tax-per-mu row of alias `alias`: below the line's threshold (yuan per mu). */
const taxPerMuBelow = (p: Params, params: MeasureParams) => {
  const threshold = p.add(params.thresholdYuanPerMu ?? 10000);
  return (alias: string) => `${alias}.tax_per_mu < ${threshold}::numeric`;
};

export interface MeasureWindow {
  year: number;
  asOf: string;
}

/** Which rows of a COHORT_GROWTH line: the population of the rate (figures of both years), or the holders lacking them. */
export type CohortPart = 'population' | 'lacking';

function yearStart(year: number): string {
  return `${year}-01-01`;
}

/** "New in the plan year" ends with the plan year: an as-of date after it counts nothing of the next year. */
export function newInYearEnd(year: number, asOf: string): string {
  const end = `${year}-12-31`;
  return asOf < end ? asOf : end;
}

/** The rows behind a registry-measured line (not MANUAL) at a date. */
export function membersQuery(kind: MeasureKind, params: MeasureParams, window: MeasureWindow, scope: MeasureScope, part: CohortPart = 'population'): MembersQuery {
  const p = new Params();
  const { year, asOf } = window;
  let sql: string;
  switch (kind) {
    case MeasureKind.HOLDING_DESIGNATIONS:
      sql = holdersSql(p, params, asOf, scope);
      break;
    case MeasureKind.NEW_DESIGNATIONS:
      sql = holdersSql(p, params, asOf, scope, { from: yearStart(year), to: newInYearEnd(year, asOf) });
      break;
    case MeasureKind.COMMUNITIES_FORMED: {
      // Formed in the plan year up to as-of; a community dissolved since was still formed that year.
      const from = p.add(yearStart(year));
      const to = p.add(newInYearEnd(year, asOf));
      const at = `${p.add(asOf)}::date`;
      const chain = scope.chainId ? ` AND c.chain_id = ${p.add(scope.chainId)}::uuid` : '';
      const district = districtCondition(p, scope, at);
      sql = `SELECT ${enterpriseColumns(at)},
          concat(c.name, ' 组建于 ', c.formed_on::text) AS detail, NULL::numeric AS current_value, NULL::numeric AS previous_value
        FROM community c JOIN enterprise e ON e.id = c.lead_enterprise_id
        WHERE c.formed_on >= ${from}::date AND c.formed_on <= ${to}::date${chain}${district}`;
      break;
    }
    case MeasureKind.NEW_AT_SCALE_TIER:
      sql = newlyAtScaleTierSql(p, params.metric ?? FigureMetric.OPERATING_REVENUE, params.thresholdYuan ?? '10000000000', year, asOf, scope);
      break;
    case MeasureKind.COHORT_GROWTH: {
      // The rate's population is the holders reporting the figure for both years; the others are listed apart.
      const column = FIGURE_METRIC_COLUMNS[params.metric ?? FigureMetric.INDUSTRIAL_OUTPUT];
      const cohort = holdersSql(p, params, asOf, scope);
      const y = p.add(year);
      const both = `cur.${column} IS NOT NULL AND prev.${column} IS NOT NULL`;
      sql = `SELECT h.enterprise_id, h.credit_code, h.enterprise_name, h.district_code, h.detail,
          cur.${column} AS current_value, prev.${column} AS previous_value
        FROM (${cohort}) h
        LEFT JOIN enterprise_figure cur ON cur.enterprise_id = h.enterprise_id AND cur.year = ${y}::int AND cur.quarter = 0
        LEFT JOIN enterprise_figure prev ON prev.enterprise_id = h.enterprise_id AND prev.year = ${y}::int - 1 AND prev.quarter = 0
        WHERE ${part === 'population' ? both : `NOT (${both})`}`;
      break;
    }
    case MeasureKind.TAX_PER_MU_BELOW: {
      const below = taxPerMuBelow(p, params);
      const at = `${p.add(asOf)}::date`;
      // The latest yearly tax figure up to the plan year over the land basis, read from the table the database
      // keeps in step with the figures (taxPerMuSql); the count walks its (year, tax per mu) index.
      sql = `SELECT ${enterpriseColumns(at)},
          concat(t.figure_year::text, ' 年亩均税收 ', round(t.tax_per_mu, 2)::text, ' 元/亩') AS detail,
          round(t.tax_per_mu, 2) AS current_value, NULL::numeric AS previous_value
        FROM ${taxPerMuSql(p, year)} t
        ${scoped(scope) ? 'JOIN' : 'LEFT JOIN'} enterprise e ON e.id = t.enterprise_id
        WHERE ${below('t')}${scoped(scope) ? enterpriseScope(p, scope, at) : ` AND ${notArchivedOn('t.enterprise_id', at)}`}`;
      break;
    }
    case MeasureKind.PROJECT_COUNT:
    case MeasureKind.PROJECT_INVESTMENT:
      // One row per project; the projects lib owns the as-of rule (revision, stage and progress in force that day).
      sql = projectMembersSql((v) => p.add(v), { programme: params.programme, basis: kind === MeasureKind.PROJECT_INVESTMENT ? params.investmentBasis : null }, year, asOf, scope);
      break;
    case MeasureKind.REMEDIATION_CASES_CLOSED:
      sql = casesClosedSql(p, params, year, asOf, scope);
      break;
    default:
      throw new Error(`measure ${kind} is not computed from the registry`);
  }
  return { sql, params: p.values };
}

/**
 * The number of rows behind a registry-measured line (`membersQuery`), as one statement returning `n`. The
 * city-wide tax-per-mu line is counted from its (year, tax per mu) indexes alone: every row of the plan year
 * below the threshold, less those of enterprises archived on as-of (few, and indexed apart). Counting the
 * drill-down's rows instead probed an anti-join once per row: at 1,000,000 enterprises 100-260 ms per count
 * against 65 ms, and progress counts the line twice (as-of and the previous year-end).
 */
export function countQuery(kind: MeasureKind, params: MeasureParams, window: MeasureWindow, scope: MeasureScope): MembersQuery {
  if (kind !== MeasureKind.TAX_PER_MU_BELOW || scoped(scope)) {
    const q = membersQuery(kind, params, window, scope);
    return { sql: `SELECT count(*)::int AS n FROM (${q.sql}) m`, params: q.params };
  }
  const p = new Params();
  const below = taxPerMuBelow(p, params);
  const at = `${p.add(window.asOf)}::date`;
  const all = taxPerMuParts(p.add(window.year)).map((where) => `(SELECT count(*) FROM enterprise_tax_per_mu tp WHERE ${where} AND ${below('tp')})`);
  const archived = `(SELECT count(*) FROM ${taxPerMuSql(p, window.year)} t JOIN enterprise x ON x.id = t.enterprise_id WHERE ${below('t')} AND ${archivedOnSql('x', at)})`;
  return { sql: `SELECT (${all.join(' + ')} - ${archived})::int AS n`, params: p.values };
}

const OUTCOME_LABEL_SQL = `CASE s.outcome ${Object.entries(REMEDIATION_OUTCOME_LABELS).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE s.outcome END`;

/**
 * Remediation cases of a category that stand closed on the plan year's as-of day (capped at 31 December) and
 * were closed in the plan year: the last dated step up to that day (`caseStepOnSql`, the remediation lib's rule)
 * is CLOSED. A case reopened later counts up to the day before its reopening and not after; nothing recorded
 * later reaches back. A shut-down firm still counts (no "active" filter: being closed down is the outcome).
 * District and chain are the subject's on the closing date: a block's district, a firm's district and chain
 * memberships then. A block case has no enterprise: enterprise_id and credit_code are NULL, the block's name is
 * the row's name and `detail` says 区块.
 */
function casesClosedSql(p: Params, params: MeasureParams, year: number, asOf: string, scope: MeasureScope): string {
  const category = p.add(params.remediationCategory ?? RemediationCategory.HIGH_ENERGY_LOW_EFFICIENCY);
  const at = `${p.add(newInYearEnd(year, asOf))}::date`;
  const from = `${p.add(yearStart(year))}::date`;
  const closed = 's.effective_on';
  const district = `CASE WHEN c.block_id IS NOT NULL THEN b.district_code ELSE ${districtOnSql('e', closed)} END`;
  const parts: string[] = [];
  if (scope.districtCode) parts.push(`${district} = ${p.add(scope.districtCode)}`);
  if (scope.districtCodes) parts.push(`${district} = ANY(${p.add(scope.districtCodes)}::text[])`);
  if (scope.chainId) {
    parts.push(`EXISTS (SELECT 1 FROM chain_membership cm WHERE cm.enterprise_id = c.enterprise_id AND cm.chain_id = ${p.add(scope.chainId)}::uuid
      AND (cm.joined_on IS NULL OR cm.joined_on <= ${closed}) AND (cm.left_on IS NULL OR cm.left_on > ${closed}))`);
  }
  const categoryLabel = `CASE c.category ${Object.entries(REMEDIATION_CATEGORY_LABELS).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} END`;
  return `SELECT e.id AS enterprise_id, e.credit_code, coalesce(e.name, b.name) AS enterprise_name, ${district} AS district_code,
      concat_ws(' ', CASE WHEN c.block_id IS NOT NULL THEN concat('区块 ', b.name) ELSE ${categoryLabel} END, ${OUTCOME_LABEL_SQL}, '销号于', ${closed}::text) AS detail,
      NULL::numeric AS current_value, NULL::numeric AS previous_value
    FROM remediation_case c CROSS JOIN LATERAL ${caseStepOnSql('c.id', at)} s
    LEFT JOIN enterprise e ON e.id = c.enterprise_id LEFT JOIN land_block b ON b.id = c.block_id
    WHERE c.category = ${category} AND s.to_status = 'CLOSED' AND ${closed} >= ${from}${parts.map((x) => ` AND ${x}`).join('')}`;
}
