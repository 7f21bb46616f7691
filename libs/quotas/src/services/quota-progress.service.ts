import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, AppException, assertDistrictInScope, ErrorCode, paginated, Paginated } from '@app/core';

import { DrillDownRowDto, LineProgressDto, PlanProgressDto, SplitProgressDto } from '../dto/progress.dto';
import { QuotaLineSplitEntity } from '../entities/quota-line-split.entity';
import { QuotaLineEntity } from '../entities/quota-line.entity';
import { MEASURE_KIND_LABELS, MeasureKind, PROGRESS_STATUS_LABELS, ProgressStatus, QuotaDirection } from '../quota-enums';
import { CohortPart, countQuery, countsInOnePass, DesignationCount, designationCountsQuery, MeasureScope, MembersQuery, membersQuery } from './measure-sql';
import { elapsedShare, progressStatus } from './progress-status';
import { QuotaPlanService } from './quota-plan.service';
import { drillRow } from './quota-snapshot-members';

interface Measured {
  /** Exact; rounded only when shown */
  actual: number;
  count: number | null;
  /** COHORT_GROWTH: holders left out of the rate for lacking a figure of either year */
  lacking: number | null;
  evidence: string | null;
  /** MANUAL lines: a value was reported on or before asOf in the scope; null for computed lines */
  reported: boolean | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function checkAsOf(asOf: string): void {
  const [y, m, d] = asOf.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw AppException.field(ErrorCode.VALIDATION_FAILED, 'asOf', `asOf 须为有效日期 YYYY-MM-DD,收到 ${asOf} (invalid date)`);
  }
}

/**
 * The part of the city a caller's progress, drill-down and comparison are computed for. A district officer
 * sees only their district(s): a named district must be theirs (403 OUT_OF_SCOPE), and without one the
 * numbers are forced to their district (or all of theirs), so counts never include another district.
 * Other roles with QUOTA_READ are city-wide (liaisons do not hold it).
 */
export function measureScopeFor(actor: Actor, query: { districtCode?: string | null; chainId?: string | null }): MeasureScope {
  const chainId = query.chainId ?? null;
  if (actor.role !== 'DISTRICT_STAFF') return { districtCode: query.districtCode ?? null, chainId };
  if (query.districtCode) {
    assertDistrictInScope(actor, query.districtCode);
    return { districtCode: query.districtCode, chainId };
  }
  if (actor.districtCodes.length === 1) return { districtCode: actor.districtCodes[0], chainId };
  return { districtCodes: [...actor.districtCodes].sort(), chainId };
}

/** Progress of a plan's lines at a date, computed from the registry's history (or the latest manual report). */
@Injectable()
export class QuotaProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuotaPlanService,
  ) {}

  async progress(year: number, asOf: string, scope: MeasureScope = {}, manager?: EntityManager): Promise<PlanProgressDto> {
    checkAsOf(asOf);
    if (!manager) return this.dataSource.transaction('REPEATABLE READ', (m) => this.progress(year, asOf, scope, m));
    // Within the caller's transaction (one snapshot for every line). Each statement here reads a few index
    // ranges; their cost estimates (correlated sub-plans over 1,000,000 enterprises) would switch on JIT
    // compilation, which at 1M took 4.2 s of a 6.7 s designation count and 0.3-0.4 s of the tax line.
    // Parallel workers, too, cost more than they save on such statements: at 1M on 2 cores the tax-per-mu
    // count took 211 ms with two workers and 66 ms without.
    await manager.query('SET LOCAL jit = off');
    await manager.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const plan = await this.plans.findPlan(manager, year);
    const lines = await manager.find(QuotaLineEntity, { where: { planId: plan.id }, order: { sortOrder: 'ASC', code: 'ASC' } });
    const splits = lines.length ? await manager.find(QuotaLineSplitEntity, { where: { lineId: In(lines.map((l) => l.id)) }, order: { districtCode: 'ASC', chainId: 'ASC' } }) : [];
    const names = await this.scopeNames(manager);
    const share = elapsedShare(year, asOf);
    const scoped = Boolean(scope.districtCode || scope.chainId || scope.districtCodes);
    const shown = (lineSplits: QuotaLineSplitEntity[]) =>
      // City-wide: every split. A district officer over several districts: each of their districts' splits.
      !scoped ? lineSplits : scope.districtCodes && !scope.chainId ? lineSplits.filter((s) => s.districtCode && scope.districtCodes!.includes(s.districtCode)) : [];
    const counted = await this.designationCounts(
      manager,
      lines.flatMap((line) => [{ line, scope }, ...shown(splits.filter((s) => s.lineId === line.id)).map((split) => ({ line, scope: splitScope(split) }))]),
      year,
      asOf,
    );
    const measure = async (line: QuotaLineEntity, lineScope: MeasureScope): Promise<Measured> => {
      const n = counted.get(countKey(line, lineScope));
      return n === undefined ? this.measure(manager, line, year, asOf, lineScope) : { actual: n, count: n, lacking: null, evidence: null, reported: null };
    };
    const result: LineProgressDto[] = [];
    for (const line of lines) {
      const lineSplits = splits.filter((s) => s.lineId === line.id);
      const measured = await measure(line, scope);
      let target: number | null = Number(line.targetValue);
      if (scope.districtCodes) {
        // Several districts: the sum of their district targets (none split to them → no target).
        const own = lineSplits.filter((s) => s.districtCode && scope.districtCodes!.includes(s.districtCode));
        target = own.length ? own.reduce((sum, s) => sum + Number(s.targetValue), 0) : null;
      } else if (scoped) {
        const split = lineSplits.find((s) => (scope.districtCode ? s.districtCode === scope.districtCode : s.chainId === scope.chainId));
        target = split ? Number(split.targetValue) : null;
      }
      const judged = target === null ? null : await this.judge(manager, line, year, asOf, scope, target, measured.actual, share);
      const splitRows: SplitProgressDto[] = [];
      for (const split of shown(lineSplits)) {
        const value = await measure(line, splitScope(split));
        const splitTarget = Number(split.targetValue);
        const status = await this.judge(manager, line, year, asOf, splitScope(split), splitTarget, value.actual, share);
        splitRows.push({
          kind: split.districtCode ? 'DISTRICT' : 'CHAIN',
          districtCode: split.districtCode,
          chainId: split.chainId,
          name: split.districtCode ? (names.get(split.districtCode) ?? split.districtCode) : (names.get(split.chainId!) ?? split.chainId!),
          target: splitTarget,
          actual: round2(value.actual),
          percent: status.percent,
          expected: status.expected,
          status: status.status,
          statusLabel: PROGRESS_STATUS_LABELS[status.status],
        });
      }
      const status = judged?.status ?? ProgressStatus.NO_TARGET;
      result.push({
        code: line.code,
        label: line.label,
        unit: line.unit,
        group: line.lineGroup,
        direction: line.direction,
        measureKind: line.measureKind,
        measureKindLabel: MEASURE_KIND_LABELS[line.measureKind],
        target,
        actual: round2(measured.actual),
        count: measured.count,
        lackingFigures: measured.lacking,
        percent: judged?.percent ?? null,
        expected: judged?.expected ?? null,
        status,
        statusLabel: PROGRESS_STATUS_LABELS[status],
        evidence: measured.evidence,
        reported: measured.reported,
        splits: splitRows,
      });
    }
    return { year, title: plan.title, asOf, elapsedShare: Math.round(share * 10000) / 10000, districtCode: scope.districtCode ?? null, chainId: scope.chainId ?? null, districtCodes: scope.districtCodes ?? null, lines: result };
  }

  /** The enterprises behind a line's value at a date, by name. */
  async drillDown(year: number, code: string, asOf: string, scope: MeasureScope, page: number, pageSize: number, part: CohortPart = 'population'): Promise<Paginated<DrillDownRowDto>> {
    checkAsOf(asOf);
    const { line } = await this.plans.findLine(this.dataSource.manager, year, code);
    const q = membersOf(line, year, asOf, scope, part);
    if (!q) return paginated([], page, pageSize, 0);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${q.sql}) m`, q.params);
    const rows = await this.dataSource.query(
      `SELECT * FROM (${q.sql}) m ORDER BY m.enterprise_name, m.enterprise_id, m.detail LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      q.params,
    );
    return paginated(rows.map(drillRow), page, pageSize, total);
  }

  /** All rows behind a line, in report order (the benchmark's in-memory report). */
  async allMembers(manager: EntityManager, line: QuotaLineEntity, year: number, asOf: string, part: CohortPart = 'population'): Promise<DrillDownRowDto[]> {
    const q = membersOf(line, year, asOf, {}, part);
    if (!q) return [];
    const rows = await manager.query(`SELECT * FROM (${q.sql}) m ORDER BY m.enterprise_name, m.enterprise_id, m.detail`, q.params);
    return rows.map(drillRow);
  }

  async measure(manager: EntityManager, line: QuotaLineEntity, year: number, asOf: string, scope: MeasureScope): Promise<Measured> {
    if (line.measureKind === MeasureKind.MANUAL && scope.districtCodes) {
      // Several districts: each district's latest report, summed (manual values are reported per district).
      const [row] = await manager.query(
        `SELECT sum(value) AS value, string_agg(evidence, ';' ORDER BY district_code) AS evidence FROM (
           SELECT DISTINCT ON (district_code) district_code, value, evidence FROM quota_manual_report
           WHERE line_id = $1 AND reported_on <= $2::date AND district_code = ANY($3::text[]) AND chain_id IS NOT DISTINCT FROM $4::uuid
           ORDER BY district_code, reported_on DESC, id DESC) r`,
        [line.id, asOf, scope.districtCodes, scope.chainId ?? null],
      );
      const reported = row?.value !== null && row?.value !== undefined;
      return { actual: reported ? Number(row.value) : 0, count: null, lacking: null, evidence: row?.evidence ?? null, reported };
    }
    if (line.measureKind === MeasureKind.MANUAL) {
      const [report] = await manager.query(
        `SELECT value, evidence FROM quota_manual_report
         WHERE line_id = $1 AND reported_on <= $2::date AND district_code IS NOT DISTINCT FROM $3 AND chain_id IS NOT DISTINCT FROM $4::uuid
         ORDER BY reported_on DESC, id DESC LIMIT 1`,
        [line.id, asOf, scope.districtCode ?? null, scope.chainId ?? null],
      );
      if (report || scope.districtCode || scope.chainId) {
        return { actual: report ? Number(report.value) : 0, count: null, lacking: null, evidence: report?.evidence ?? null, reported: Boolean(report) };
      }
      // The city without its own report: the sum of each district's latest report (the city's own report, when
      // there is one, is the bureau's figure and wins).
      const [sum] = await manager.query(
        `SELECT sum(value) AS value, string_agg(district_code || ':' || coalesce(evidence, ''), ';' ORDER BY district_code) AS evidence FROM (
           SELECT DISTINCT ON (district_code) district_code, value, evidence FROM quota_manual_report
           WHERE line_id = $1 AND reported_on <= $2::date AND district_code IS NOT NULL AND chain_id IS NULL
           ORDER BY district_code, reported_on DESC, id DESC) r`,
        [line.id, asOf],
      );
      const reported = sum?.value !== null && sum?.value !== undefined;
      return { actual: reported ? Number(sum.value) : 0, count: null, lacking: null, evidence: sum?.evidence ?? null, reported };
    }
    if (line.measureKind !== MeasureKind.COHORT_GROWTH && line.measureKind !== MeasureKind.PROJECT_INVESTMENT) {
      const counted = countQuery(line.measureKind, line.measureParams, { year, asOf }, scope);
      const [{ n }] = await manager.query(counted.sql, counted.params);
      return { actual: n, count: n, lacking: null, evidence: null, reported: null };
    }
    const q = membersQuery(line.measureKind, line.measureParams, { year, asOf }, scope);
    if (line.measureKind === MeasureKind.COHORT_GROWTH) {
      // Growth over the population of the rate: the holders reporting both years, so a missing figure does
      // not read as a drop; the count is that population, the others are counted (and listed) apart.
      const lacking = membersQuery(line.measureKind, line.measureParams, { year, asOf }, scope, 'lacking');
      const [row] = await manager.query(`SELECT sum(current_value) AS cur, sum(previous_value) AS prev, count(*)::int AS n FROM (${q.sql}) m`, q.params);
      const [{ n: missing }] = await manager.query(`SELECT count(*)::int AS n FROM (${lacking.sql}) m`, lacking.params);
      const prev = Number(row.prev ?? 0);
      const actual = prev > 0 ? (Number(row.cur) / prev - 1) * 100 : 0;
      return { actual, count: row.n, lacking: missing, evidence: null, reported: null };
    }
    // Summed in yuan, shown in the line's unit (亿元 lines: unitYuan 100000000).
    const [row] = await manager.query(`SELECT coalesce(sum(current_value), 0) / $${q.params.length + 1}::numeric AS v, count(*)::int AS n FROM (${q.sql}) m`, [
      ...q.params,
      line.measureParams.unitYuan ?? '1',
    ]);
    return { actual: Number(row.v), count: row.n, lacking: null, evidence: null, reported: null };
  }

  /**
   * The counts of the designation lines among `wanted` (line and scope), all in one statement
   * (`designationCountsQuery`), keyed by `countKey`; other lines are measured one by one.
   */
  private async designationCounts(manager: EntityManager, wanted: { line: QuotaLineEntity; scope: MeasureScope }[], year: number, asOf: string): Promise<Map<string, number>> {
    const items = wanted.filter((w) => countsInOnePass(w.line.measureKind, w.line.measureParams));
    if (!items.length) return new Map();
    const q = designationCountsQuery(
      items.map((w): DesignationCount => ({ kind: w.line.measureKind as DesignationCount['kind'], params: w.line.measureParams, scope: w.scope })),
      { year, asOf },
    );
    const [row] = await manager.query(q.sql, q.params);
    return new Map(items.map((w, i) => [countKey(w.line, w.scope), Number(row[`c${i}`])]));
  }

  private async judge(manager: EntityManager, line: QuotaLineEntity, year: number, asOf: string, scope: MeasureScope, target: number, actual: number, share: number) {
    // A count driven down starts from where it stood at the end of the previous year.
    const baseline = line.direction === QuotaDirection.AT_MOST ? (await this.measure(manager, line, year - 1, `${year - 1}-12-31`, scope)).actual : null;
    return progressStatus({ direction: line.direction, target, actual, baseline, share });
  }

  private async scopeNames(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { key: string; name: string }[] = await manager.query(`SELECT code AS key, name FROM district UNION ALL SELECT id::text, name FROM chain`);
    return new Map(rows.map((r) => [r.key, r.name]));
  }
}

const splitScope = (split: QuotaLineSplitEntity): MeasureScope => ({ districtCode: split.districtCode, chainId: split.chainId });

/**
 * The rows behind a line (`membersQuery`), or null when it has none to list: a manual line, or the 'lacking' part of
 * a line other than a growth rate.
 */
export function membersOf(line: QuotaLineEntity, year: number, asOf: string, scope: MeasureScope, part: CohortPart = 'population'): MembersQuery | null {
  if (line.measureKind === MeasureKind.MANUAL) return null;
  if (part === 'lacking' && line.measureKind !== MeasureKind.COHORT_GROWTH) return null;
  return membersQuery(line.measureKind, line.measureParams, { year, asOf }, scope, part);
}

const countKey = (line: QuotaLineEntity, scope: MeasureScope) =>
  JSON.stringify([line.id, scope.districtCode ?? null, scope.chainId ?? null, scope.districtCodes ?? null]);
