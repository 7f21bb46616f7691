import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor, assertCanReadEnterprise, enterpriseScopeCondition, paginated, Paginated, parseSort } from '@app/core';

import { EvaluationResponseEntity } from '../entities/evaluation-response.entity';
import { EvaluationRunEntity } from '../entities/evaluation-run.entity';
import { EvaluationSchemeEntity } from '../entities/evaluation-scheme.entity';
import { EvaluationClass, EvaluationStatus, INDICATOR_UNITS, ObjectionStatus } from '../evaluation-enums';
import { notComputed, resultNotFound } from '../evaluation.errors';
import { INDICATOR_SQL } from '../run/evaluation-sql';
import { ClassMember, DistributionRowDto, EvaluationOverviewDto, EvaluationYearDto, ListResultsQueryDto, ResultItemDto, SheetDto } from './results.dto';

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const ITEM_SELECT = `r.enterprise_id AS "enterpriseId", e.credit_code AS "creditCode", e.name, r.district_code AS "districtCode", d.name AS "districtName",
  r.population, r.land_mu AS "landMu", r.tax_per_mu AS "taxPerMu", r.score, r.rank, r.population_size AS "populationSize",
  r.computed_class AS "computedClass", r.final_class AS "finalClass", r.exclusion_reason AS "exclusionReason"`;

function toItem(row: Record<string, unknown>): ResultItemDto {
  return {
    enterpriseId: row.enterpriseId as string,
    creditCode: row.creditCode as string,
    name: row.name as string,
    districtCode: row.districtCode as string,
    districtName: (row.districtName as string) ?? null,
    population: (row.population as never) ?? null,
    landMu: n(row.landMu),
    taxPerMu: n(row.taxPerMu),
    score: n(row.score),
    rank: n(row.rank),
    populationSize: n(row.populationSize),
    computedClass: ((row.computedClass as string) ?? null) as EvaluationClass | null,
    finalClass: ((row.finalClass as string) ?? null) as EvaluationClass | null,
    exclusionReason: (row.exclusionReason as never) ?? null,
  };
}

const SORTS = { score: 'r.score', rank: 'r.rank', name: 'e.name', taxPerMu: 'r.tax_per_mu', landMu: 'r.land_mu' };

/** Reading a year's results: overview and distribution, the list, a firm's sheet, and the members of a class. */
@Injectable()
export class EvaluationResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runOf(year: number): Promise<EvaluationRunEntity> {
    const run = await this.dataSource.manager.findOne(EvaluationRunEntity, { where: { year } });
    if (!run) throw notComputed(year);
    return run;
  }

  /** The years computed so far, newest first (no firm data: everyone may see which years exist) */
  async years(): Promise<EvaluationYearDto[]> {
    const runs = await this.dataSource.manager.find(EvaluationRunEntity, { order: { year: 'DESC' } });
    return runs.map((r) => ({ year: r.year, status: r.status, computedAt: r.computedAt }));
  }

  /** Named parameters (scope helpers) turned into the driver's positional ones. */
  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params, {});
    return this.dataSource.query(text, values);
  }

  private where(actor: Actor, year: number, q: Partial<ListResultsQueryDto>): { sql: string; params: Record<string, unknown> } {
    const scope = enterpriseScopeCondition('e', actor);
    const parts = ['r.year = :year', scope.sql];
    const params: Record<string, unknown> = { year, ...scope.params };
    const add = (sql: string, name: string, value: unknown) => {
      parts.push(sql);
      params[name] = value;
    };
    if (q.population) add('r.population = :population', 'population', q.population);
    if (q.class) add('r.final_class = :cls', 'cls', q.class);
    if (q.districtCode) add('r.district_code = :district', 'district', q.districtCode);
    if (q.excluded === 'true') parts.push('r.exclusion_reason IS NOT NULL');
    if (q.excluded === 'false') parts.push('r.exclusion_reason IS NULL');
    if (q.q) add('(e.name LIKE :q OR e.credit_code LIKE :q)', 'q', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return { sql: parts.join(' AND '), params };
  }

  async overview(actor: Actor, year: number): Promise<EvaluationOverviewDto> {
    const run = await this.runOf(year);
    const { sql, params } = this.where(actor, year, {});
    const rows = await this.query<Record<string, unknown>>(
      `SELECT r.district_code AS "districtCode", d.name AS "districtName", r.final_class AS class, r.population, count(*)::int AS count
       FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id LEFT JOIN district d ON d.code = r.district_code
       WHERE ${sql} GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4`,
      params,
    );
    const [pending] = await this.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM evaluation_response o JOIN enterprise e ON e.id = o.enterprise_id
       WHERE o.year = :year AND o.status = '${ObjectionStatus.PENDING}' AND ${enterpriseScopeCondition('e', actor).sql}`,
      { year, ...enterpriseScopeCondition('e', actor).params },
    );
    return {
      year,
      status: run.status,
      computedAt: run.computedAt,
      computedBy: run.computedBy,
      resultCount: run.resultCount,
      publicityStartsOn: run.publicityStartsOn,
      publicityEndsOn: run.publicityEndsOn,
      frozenAt: run.frozenAt,
      frozenBy: run.frozenBy,
      pendingObjections: pending.count,
      version: run.version,
      distribution: rows.map((r) => ({ ...(r as unknown as DistributionRowDto), districtName: (r.districtName as string) ?? null })),
    };
  }

  async list(actor: Actor, year: number, q: ListResultsQueryDto): Promise<Paginated<ResultItemDto>> {
    await this.runOf(year);
    const { sql, params } = this.where(actor, year, q);
    const order = parseSort(q.sort, SORTS, 'r.population, r.rank NULLS LAST');
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${ITEM_SELECT} FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id LEFT JOIN district d ON d.code = r.district_code
       WHERE ${sql} ORDER BY ${order}, r.enterprise_id LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const [count] = await this.query<{ total: number }>(`SELECT count(*)::int AS total FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id WHERE ${sql}`, params);
    return paginated(rows.map(toItem), q.page, q.pageSize, count.total);
  }

  /** Rows for an export, in scope, in list order; the caller streams them into a file. */
  async exportRows(actor: Actor, year: number, q: ListResultsQueryDto, limit: number): Promise<Record<string, unknown>[]> {
    await this.runOf(year);
    const { sql, params } = this.where(actor, year, q);
    const values = Object.values(INDICATOR_SQL).map((f) => `r.${f.column} AS "${f.column}", r.term_${f.column} AS "term_${f.column}"`).join(', ');
    return this.query(
      `SELECT ${ITEM_SELECT}, ${values} FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id LEFT JOIN district d ON d.code = r.district_code
       WHERE ${sql} ORDER BY r.population, r.rank NULLS LAST, r.enterprise_id LIMIT :limit`,
      { ...params, limit },
    );
  }

  /** 一企一单: the firm's sheet, 404 when the firm is outside the caller's scope or has no result. */
  async sheet(actor: Actor, year: number, enterpriseId: string): Promise<SheetDto> {
    const [row] = await this.dataSource.query(
      `SELECT r.*, e.id AS e_id, e.district_code AS e_district, ${ITEM_SELECT}
       FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id LEFT JOIN district d ON d.code = r.district_code
       WHERE r.year = $1 AND r.enterprise_id = $2`,
      [year, enterpriseId],
    );
    if (!row) throw resultNotFound(year, enterpriseId);
    assertCanReadEnterprise(actor, { id: row.e_id, districtCode: row.e_district });
    const run = await this.runOf(year);
    const scheme = run.scheme as EvaluationSchemeEntity;
    const [benchmarks, responses] = await Promise.all([
      this.dataSource.query(`SELECT indicator, value FROM evaluation_benchmark WHERE year = $1 AND population = $2`, [year, row.population]),
      this.dataSource.manager.find(EvaluationResponseEntity, { where: { year, enterpriseId }, order: { createdAt: 'ASC' } }),
    ]);
    const bench = new Map<string, unknown>(benchmarks.map((b: { indicator: string; value: unknown }) => [b.indicator, b.value]));
    const population = scheme.populations?.find((p) => p.kind === row.population);
    return {
      ...toItem(row),
      year,
      status: run.status as EvaluationStatus,
      publicityStartsOn: run.publicityStartsOn,
      publicityEndsOn: run.publicityEndsOn,
      inputs: {
        ownedMu: n(row.owned_mu),
        leasedMu: n(row.leased_mu),
        evaluationTaxYuan: n(row.evaluation_tax_yuan),
        valueAddedYuan: n(row.value_added_yuan),
        energyTce: n(row.energy_tce),
        emissionsTonnes: n(row.emissions_tonnes),
        electricityKwh: n(row.electricity_kwh),
        rdSpendYuan: n(row.rd_spend_yuan),
        mainRevenueYuan: n(row.main_revenue_yuan),
        averageEmployees: n(row.average_employees),
      },
      terms: (population?.indicators ?? []).map((i) => ({
        indicator: i.indicator,
        unit: INDICATOR_UNITS[i.indicator],
        value: n(row[INDICATOR_SQL[i.indicator].column]),
        benchmark: n(bench.get(i.indicator)),
        weight: Number(i.weight),
        cap: Number(i.cap),
        term: n(row[`term_${INDICATOR_SQL[i.indicator].column}`]),
      })),
      responses: responses.map((r) => ({ ...r, evidence: r.evidence ?? [] })),
    };
  }

  /**
   * The firms of a class in a year, for other libs (remediation opens cases from D). With
   * `frozenOnly`, only a frozen year answers (an empty list otherwise); the latest results otherwise.
   */
  async enterprisesOfClass(year: number, cls: EvaluationClass, options: { frozenOnly?: boolean } = {}): Promise<ClassMember[]> {
    const run = await this.dataSource.manager.findOne(EvaluationRunEntity, { where: { year } });
    if (!run || (options.frozenOnly && run.status !== EvaluationStatus.FROZEN)) return [];
    const rows = await this.dataSource.query(
      `SELECT r.enterprise_id AS "enterpriseId", e.credit_code AS "creditCode", e.name, e.district_code AS "districtCode", r.population, r.score, r.rank, r.final_class AS "finalClass"
       FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.year = $1 AND r.final_class = $2 ORDER BY r.population, r.rank, r.enterprise_id`,
      [year, cls],
    );
    return rows.map((r: Record<string, unknown>) => ({ ...(r as unknown as ClassMember), score: Number(r.score), rank: Number(r.rank) }));
  }
}
