import { DesignationType } from '@app/core';
import { scaleTierSql } from '@app/cultivation';

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

/** SQL condition on enterprise alias `e` for the district part of a scope ('' when unrestricted). */
function districtCondition(p: Params, scope: MeasureScope): string {
  const parts: string[] = [];
  if (scope.districtCode) parts.push(` AND e.district_code = ${p.add(scope.districtCode)}`);
  if (scope.districtCodes) parts.push(` AND e.district_code = ANY(${p.add(scope.districtCodes)}::text[])`);
  return parts.join('');
}

const HOLDING = `('RECOGNISED','UNDER_REVIEW')`;

/** Status of designation `d` at a date: the to_status of its latest event effective on or before it (ties by id). */
function statusAt(asOf: string): string {
  return `(SELECT ev.to_status FROM designation_event ev WHERE ev.designation_id = d.id AND ev.effective_on <= ${asOf}::date
           ORDER BY ev.effective_on DESC, ev.id DESC LIMIT 1)`;
}

function enterpriseScope(p: Params, scope: MeasureScope, designationAlias?: string): string {
  const parts: string[] = [];
  if (scope.chainId) {
    const chain = p.add(scope.chainId);
    const member = `EXISTS (SELECT 1 FROM chain_membership cm WHERE cm.enterprise_id = e.id AND cm.chain_id = ${chain}::uuid)`;
    // A chain tier names its chain; other designations follow the enterprise's chain memberships.
    parts.push(designationAlias ? `(${designationAlias}.chain_id = ${chain}::uuid OR (${designationAlias}.chain_id IS NULL AND ${member}))` : member);
  }
  return districtCondition(p, scope) + parts.map((x) => ` AND ${x}`).join('');
}

function holdersSql(p: Params, params: MeasureParams, asOf: string, scope: MeasureScope, newSince?: string): string {
  const type = p.add(params.designationType ?? DesignationType.CHAIN_LEADER);
  const level = params.designationLevel ? p.add(params.designationLevel) : null;
  const at = p.add(asOf);
  const levelFilter = (alias: string) => (level ? ` AND ${alias}.level = ${level}` : '');
  // "New" means the enterprise's first recognition of this type (+level) falls in the plan year up to as-of.
  const firstRecognised = `(SELECT min(ev.effective_on) FROM designation_event ev JOIN designation d2 ON d2.id = ev.designation_id
      WHERE d2.enterprise_id = d.enterprise_id AND d2.type = d.type${levelFilter('d2')} AND ev.to_status = 'RECOGNISED' AND ev.effective_on <= ${at}::date)`;
  const since = newSince ? ` AND ${firstRecognised} >= ${p.add(newSince)}::date` : '';
  return `SELECT DISTINCT ON (e.id) e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, e.district_code,
      concat_ws(' ', d.level, '认定于', ${firstRecognised}::text) AS detail, NULL::numeric AS current_value, NULL::numeric AS previous_value
    FROM designation d JOIN enterprise e ON e.id = d.enterprise_id
    WHERE d.type = ${type}${levelFilter('d')} AND ${statusAt(at)} IN ${HOLDING}
      AND (d.expires_on IS NULL OR d.expires_on >= ${at}::date)${since}${enterpriseScope(p, scope, 'd')}
    ORDER BY e.id`;
}

/**
 * Enterprises newly at a scale tier in `year`: the yearly figure (quarter 0) reaches the tier in `year` and did
 * not in `year - 1` (missing counts as below) — the rule of the cultivation lib's `scaleTierSql`, which
 * ScaleTierService uses too. Unlike that service's lists, archived enterprises still count: a firm that crossed
 * the tier in the plan year did so even if it has been archived since.
 */
export function newlyAtScaleTierSql(p: Params, metric: FigureMetric, thresholdYuan: string, year: number, scope: MeasureScope): string {
  const column = FIGURE_METRIC_COLUMNS[metric];
  const threshold = p.add(thresholdYuan);
  const y = p.add(year);
  const rule = scaleTierSql({ column, year: y, threshold, newOnly: true });
  return `SELECT e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, e.district_code,
      concat(${y}::int, ' 年 ', cur.${column}::text, ' 元') AS detail, cur.${column} AS current_value, prev.${column} AS previous_value
    FROM enterprise e ${rule.joins}
    WHERE ${rule.where}${enterpriseScope(p, scope)}`;
}

export interface MeasureWindow {
  year: number;
  asOf: string;
}

function yearStart(year: number): string {
  return `${year}-01-01`;
}

/** The rows behind a registry-measured line (not MANUAL) at a date. */
export function membersQuery(kind: MeasureKind, params: MeasureParams, window: MeasureWindow, scope: MeasureScope): MembersQuery {
  const p = new Params();
  const { year, asOf } = window;
  let sql: string;
  switch (kind) {
    case MeasureKind.HOLDING_DESIGNATIONS:
      sql = holdersSql(p, params, asOf, scope);
      break;
    case MeasureKind.NEW_DESIGNATIONS:
      sql = holdersSql(p, params, asOf, scope, yearStart(year));
      break;
    case MeasureKind.COMMUNITIES_FORMED: {
      const from = p.add(yearStart(year));
      const to = p.add(asOf);
      const chain = scope.chainId ? ` AND c.chain_id = ${p.add(scope.chainId)}::uuid` : '';
      const district = districtCondition(p, scope);
      sql = `SELECT e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, e.district_code,
          concat(c.name, ' 组建于 ', c.formed_on::text) AS detail, NULL::numeric AS current_value, NULL::numeric AS previous_value
        FROM community c JOIN enterprise e ON e.id = c.lead_enterprise_id
        WHERE c.formed_on >= ${from}::date AND c.formed_on <= ${to}::date${chain}${district}`;
      break;
    }
    case MeasureKind.NEW_AT_SCALE_TIER:
      sql = newlyAtScaleTierSql(p, params.metric ?? FigureMetric.OPERATING_REVENUE, params.thresholdYuan ?? '10000000000', year, scope);
      break;
    case MeasureKind.COHORT_GROWTH: {
      const column = FIGURE_METRIC_COLUMNS[params.metric ?? FigureMetric.INDUSTRIAL_OUTPUT];
      const cohort = holdersSql(p, params, asOf, scope);
      const y = p.add(year);
      sql = `SELECT h.enterprise_id, h.credit_code, h.enterprise_name, h.district_code, h.detail,
          cur.${column} AS current_value, prev.${column} AS previous_value
        FROM (${cohort}) h
        LEFT JOIN enterprise_figure cur ON cur.enterprise_id = h.enterprise_id AND cur.year = ${y}::int AND cur.quarter = 0
        LEFT JOIN enterprise_figure prev ON prev.enterprise_id = h.enterprise_id AND prev.year = ${y}::int - 1 AND prev.quarter = 0`;
      break;
    }
    case MeasureKind.TAX_PER_MU_BELOW: {
      const y = p.add(year);
      const threshold = p.add(params.thresholdYuanPerMu ?? 10000);
      // The latest yearly tax figure up to the plan year, over the enterprise's land area. DISTINCT ON over
      // the figures is a single scan; a per-enterprise lateral lookup was 2.5x slower at 100,000 enterprises.
      sql = `SELECT e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, e.district_code,
          concat(f.year::text, ' 年亩均税收 ', round(f.tax_paid_yuan / e.land_area_mu, 2)::text, ' 元/亩') AS detail,
          round(f.tax_paid_yuan / e.land_area_mu, 2) AS current_value, NULL::numeric AS previous_value
        FROM (SELECT DISTINCT ON (f.enterprise_id) f.enterprise_id, f.year, f.tax_paid_yuan FROM enterprise_figure f
          WHERE f.quarter = 0 AND f.year <= ${y}::int AND f.tax_paid_yuan IS NOT NULL
          ORDER BY f.enterprise_id, f.year DESC) f
        JOIN enterprise e ON e.id = f.enterprise_id
        WHERE NOT e.archived AND e.land_area_mu > 0 AND f.tax_paid_yuan / e.land_area_mu < ${threshold}::numeric${enterpriseScope(p, scope)}`;
      break;
    }
    default:
      throw new Error(`measure ${kind} is not computed from the registry`);
  }
  return { sql, params: p.values };
}
