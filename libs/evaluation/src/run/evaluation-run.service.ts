import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor } from '@app/core';

import { EvaluationRunEntity } from '../entities/evaluation-run.entity';
import { EvaluationSchemeEntity } from '../entities/evaluation-scheme.entity';
import { EvaluationStatus, INDICATOR_KINDS, ObjectionStatus } from '../evaluation-enums';
import { frozen } from '../evaluation.errors';
import { EvaluationSchemeService } from '../scheme/scheme.service';
import { aggregateBenchmarkSql, classSql, exclusionSql, INDICATOR_SQL, indicatorValueSql, landOfYearSql, populationSql, resultIdSql, termSql } from './evaluation-sql';

export interface RunSummary {
  year: number;
  status: EvaluationStatus;
  resultCount: number;
  evaluatedCount: number;
  excludedCount: number;
  /** Milliseconds the statements took, in all and per step (base rows, benchmarks, results, objections) */
  elapsedMs: number;
  stepsMs: Record<string, number>;
}

const INPUTS = ['evaluation_tax_yuan', 'value_added_yuan', 'energy_tce', 'emissions_tonnes', 'electricity_kwh', 'rd_spend_yuan', 'main_revenue_yuan', 'average_employees'];

/**
 * The yearly run, in one transaction: one set-based statement computes the base rows (land, figures,
 * population, exclusion, indicator values), the benchmarks per population and indicator, and the
 * results with terms, score, rank and class into a new table, which then replaces the year's
 * partition of evaluation_result. Recomputing gives the same result for the same data; once the year
 * is frozen it is refused.
 */
@Injectable()
export class EvaluationRunService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: EvaluationSchemeService,
    private readonly audit: AuditService,
  ) {}

  async run(actor: Actor, year: number): Promise<RunSummary> {
    return this.dataSource.transaction((manager) => this.runIn(manager, actor, year));
  }

  /** The run inside the caller's transaction (the demo seeding computes the seeded year with its data). */
  async runIn(manager: EntityManager, actor: Actor, year: number): Promise<RunSummary> {
    await manager.query('SELECT pg_advisory_xact_lock(727016, $1)', [year]);
    const before = await manager.findOne(EvaluationRunEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
    if (before?.status === EvaluationStatus.FROZEN) throw frozen(year, '重新计算');
    const scheme = await this.schemes.find(manager, year);
    const started = Date.now();
    const stepsMs: Record<string, number> = {};
    const counts = await this.compute(manager, year, scheme, stepsMs);
    const elapsedMs = Date.now() - started;
    const snapshot = { ...scheme } as Partial<EvaluationSchemeEntity>;
    const values = { status: before?.status ?? EvaluationStatus.COMPUTED, scheme: snapshot, computedAt: new Date(), computedBy: actor.displayName ?? actor.username, resultCount: counts.total };
    if (before) await manager.update(EvaluationRunEntity, { id: before.id }, values);
    else await manager.insert(EvaluationRunEntity, { year, ...values });
    const after = await manager.findOne(EvaluationRunEntity, { where: { year } });
    await this.audit.record(manager, actor, {
      action: 'evaluation.compute',
      entityType: 'evaluation_run',
      entityId: after!.id,
      before: before ? { resultCount: before.resultCount, computedAt: before.computedAt } : null,
      after: { year, resultCount: counts.total, evaluated: counts.evaluated, schemeVersion: scheme.version },
    });
    return { year, status: after!.status, resultCount: counts.total, evaluatedCount: counts.evaluated, excludedCount: counts.total - counts.evaluated, elapsedMs, stepsMs };
  }

  private async compute(manager: EntityManager, year: number, scheme: EvaluationSchemeEntity, stepsMs: Record<string, number>): Promise<{ total: number; evaluated: number }> {
    let mark = Date.now();
    const step = (name: string) => {
      stepsMs[name] = Date.now() - mark;
      mark = Date.now();
    };
    // One big statement: JIT compiling the wide expressions cost more than it saved, and the sorts
    // (rank, index builds), hashes (joins) and the two materialised steps hold 1,000,000 wide rows:
    // with 256MB they spill to temporary files at 1,000,000 (seen in EXPLAIN); the time gained was not shown
    // reliably on a shared machine (docs/benchmarks.md). One run per year at a time (advisory lock).
    await manager.query('SET LOCAL jit = off');
    await manager.query(`SET LOCAL work_mem = '1GB'`);
    await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const populations = scheme.populations.map((p) => p.kind);
    const values = INDICATOR_KINDS.map((k) => `${indicatorValueSql(k, 'x')} AS ${INDICATOR_SQL[k].column}`).join(',\n');
    const population = populationSql({ aboveScale: 'e.above_scale', ownedMu: 'l.owned_mu', leasedMu: 'l.leased_mu' }, '$3::numeric');
    const base = `SELECT x.*, ${values}
       FROM (
         SELECT e.id AS enterprise_id, e.district_code, l.owned_mu, l.leased_mu, l.land_mu, ${population} AS population,
           ${exclusionSql(
             { landMu: 'l.land_mu', foundedOn: 'e.founded_on', inUseSince: 'l.in_use_since', population },
             { year: '$1::int', minFirmAgeYears: '$4::int', minLandInUseYears: '$5::int', populations: '$6::text[]' },
           )} AS exclusion_reason,
           ef.evaluation_tax_yuan, f.value_added_yuan, f.energy_use_tce AS energy_tce, ef.emissions_tonnes, ef.electricity_kwh,
           f.rd_spend_yuan, ef.main_revenue_yuan, ef.average_employees
         FROM enterprise e
         LEFT JOIN (${landOfYearSql('$1::int')}) l ON l.enterprise_id = e.id
         LEFT JOIN evaluation_figure ef ON ef.enterprise_id = e.id AND ef.year = $1::int
         LEFT JOIN enterprise_figure f ON f.enterprise_id = e.id AND f.year = $1::int AND f.quarter = 0
         WHERE NOT e.archived AND (l.enterprise_id IS NOT NULL OR ef.enterprise_id IS NOT NULL)
       ) x`;

    // Benchmarks: one row per population and indicator of the scheme, returned to the results below.
    const terms = scheme.populations.flatMap((p) => p.indicators.map((i) => ({ population: p.kind, indicator: i.indicator, weight: i.weight, cap: i.cap, rule: i.benchmarkRule, fixed: i.benchmarkValue ?? null })));
    const pick = (rule: 'agg' | 'mean') => `CASE s.indicator ${INDICATOR_KINDS.map((k) => `WHEN '${k}' THEN g.${rule}_${INDICATOR_SQL[k].column}`).join(' ')} END`;
    const benchmarks = `INSERT INTO evaluation_benchmark (year, population, indicator, value, firm_count)
       SELECT $1, s.population, s.indicator,
         CASE s.rule WHEN 'FIXED' THEN s.fixed WHEN 'POPULATION_MEAN' THEN ${pick('mean')} ELSE ${pick('agg')} END,
         coalesce(g.n, 0)
       FROM jsonb_to_recordset($2::jsonb) AS s(population text, indicator text, weight numeric, cap numeric, rule text, fixed numeric)
       LEFT JOIN (
         SELECT b.population, count(*)::int AS n,
           ${INDICATOR_KINDS.map((k) => `avg(b.${INDICATOR_SQL[k].column}) AS mean_${INDICATOR_SQL[k].column}, ${aggregateBenchmarkSql(k, 'b')} AS agg_${INDICATOR_SQL[k].column}`).join(',\n')}
         FROM base b WHERE b.exclusion_reason IS NULL GROUP BY b.population
       ) g ON g.population = s.population
       RETURNING population, indicator, value`;

    // Weights, caps and benchmarks side by side per population, so each firm's terms are one pass.
    const pivot = INDICATOR_KINDS.map((k) => {
      const c = INDICATOR_SQL[k].column;
      return `max(s.weight) FILTER (WHERE s.indicator = '${k}') AS w_${c}, max(s.cap) FILTER (WHERE s.indicator = '${k}') AS c_${c}, max(bm.value) FILTER (WHERE s.indicator = '${k}') AS b_${c}`;
    }).join(',\n');
    const termCols = INDICATOR_KINDS.map((k) => {
      const c = INDICATOR_SQL[k].column;
      return `CASE WHEN w.w_${c} IS NULL THEN NULL ELSE ${termSql(`b.${c}`, `w.b_${c}`, `w.w_${c}`, `w.c_${c}`)} END AS term_${c}`;
    });
    const termNames = INDICATOR_KINDS.map((k) => `term_${INDICATOR_SQL[k].column}`);
    const valueNames = INDICATOR_KINDS.map((k) => INDICATOR_SQL[k].column);
    const columns = ['district_code', 'population', 'owned_mu', 'leased_mu', 'land_mu', ...INPUTS, ...valueNames, ...termNames, 'score', 'rank', 'population_size', 'computed_class', 'final_class', 'exclusion_reason'];
    const sources = [
      'r.district_code', 'r.population', 'r.owned_mu', 'r.leased_mu', 'r.land_mu', ...INPUTS.map((c) => `r.${c}`), ...valueNames.map((c) => `r.${c}`), ...termNames.map((c) => `r.${c}`),
      'r.score', 'r.rnk', 'r.size', classSql('r.rnk', 'r.size', scheme.classBands),
      // Classes changed by upheld objections stay changed: the latest decision per firm wins.
      `coalesce(u.decided_class, ${classSql('r.rnk', 'r.size', scheme.classBands)})`, 'r.exclusion_reason',
    ];

    // The year's rows are built in a new table and swapped in for the year's partition: no delete,
    // no dead rows, indexes built once after the load. A firm keeps its row id across recomputes
    // (audit rows of objection decisions name it): the id is derived from year and firm, and rows
    // computed before partitioning keep the random id they had.
    if (!Number.isInteger(year)) throw new Error(`year ${year} is not an integer`);
    const partition = `evaluation_result_${year}`;
    const next = `${partition}_next`;
    await manager.query('DELETE FROM evaluation_benchmark WHERE year = $1', [year]);
    await manager.query(`DROP TABLE IF EXISTS ${next}`);
    await manager.query(`CREATE TABLE ${next} (LIKE evaluation_result INCLUDING DEFAULTS, CONSTRAINT ${next}_year CHECK (year = ${year}))`);
    await manager.query(
      `WITH base AS MATERIALIZED (${base}),
       bm AS (${benchmarks}),
       w AS (
         SELECT s.population, ${pivot}
         FROM jsonb_to_recordset($2::jsonb) AS s(population text, indicator text, weight numeric, cap numeric, rule text, fixed numeric)
         JOIN bm ON bm.population = s.population AND bm.indicator = s.indicator
         GROUP BY s.population
       ), scored AS (
         SELECT b.*, ${termCols.join(', ')}
         FROM base b LEFT JOIN w ON w.population = b.population AND b.exclusion_reason IS NULL
       ), totalled AS (
         SELECT s.*, CASE WHEN s.exclusion_reason IS NULL THEN ${termNames.map((t) => `coalesce(s.${t}, 0)`).join(' + ')} END AS score FROM scored s
       ), ranks AS (
         -- Ranked on a narrow projection: sorting the wide rows themselves spilled to disk at 1,000,000.
         SELECT t.enterprise_id, rank() OVER (PARTITION BY t.population ORDER BY t.score DESC) AS rnk, count(*) OVER (PARTITION BY t.population) AS size
         FROM totalled t WHERE t.exclusion_reason IS NULL
       ), ranked AS (
         SELECT t.*, k.rnk, k.size FROM totalled t LEFT JOIN ranks k ON k.enterprise_id = t.enterprise_id
       ), upheld AS (
         SELECT DISTINCT ON (enterprise_id) enterprise_id, decided_class FROM evaluation_response
         WHERE year = $1 AND status = '${ObjectionStatus.UPHELD}' AND decided_class IS NOT NULL ORDER BY enterprise_id, decided_at DESC
       )
       INSERT INTO ${next} (id, year, enterprise_id, ${columns.join(', ')})
       SELECT coalesce(o.id, ${resultIdSql('$1::int', 'r.enterprise_id')}), $1, r.enterprise_id, ${sources.join(', ')}
       FROM ranked r
       LEFT JOIN evaluation_result_default o ON o.year = $1 AND o.enterprise_id = r.enterprise_id
       LEFT JOIN upheld u ON u.enterprise_id = r.enterprise_id`,
      [year, JSON.stringify(terms), scheme.smallLandThresholdMu, scheme.minFirmAgeYears, scheme.minLandInUseYears, populations],
    );
    step('results');
    const [counts]: { total: number; evaluated: number }[] = await manager.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE exclusion_reason IS NULL)::int AS evaluated FROM ${next}`,
    );
    // The partitioned parent's indexes attach to these instead of being built again.
    await manager.query(`ALTER TABLE ${next} ADD CONSTRAINT ${next}_pkey PRIMARY KEY (id, year)`);
    await manager.query(`CREATE UNIQUE INDEX ${next}_year_enterprise_id_key ON ${next} (year, enterprise_id)`);
    await manager.query(`CREATE INDEX ${next}_year_final_class_idx ON ${next} (year, final_class)`);
    step('indexes');
    // The swap: the old partition goes (and the year's rows computed before partitioning, which sit
    // in the default partition), the new table takes its name and is attached; its CHECK constraint
    // spares the attach a scan.
    await manager.query(`DROP TABLE IF EXISTS ${partition}`);
    await manager.query('DELETE FROM evaluation_result_default WHERE year = $1', [year]);
    await manager.query(`ALTER TABLE ${next} RENAME TO ${partition}`);
    await manager.query(`ALTER TABLE ${partition} RENAME CONSTRAINT ${next}_pkey TO ${partition}_pkey`);
    await manager.query(`ALTER TABLE ${partition} RENAME CONSTRAINT ${next}_year TO ${partition}_year`);
    await manager.query(`ALTER INDEX ${next}_year_enterprise_id_key RENAME TO ${partition}_year_enterprise_id_key`);
    await manager.query(`ALTER INDEX ${next}_year_final_class_idx RENAME TO ${partition}_year_final_class_idx`);
    await manager.query(`ALTER TABLE evaluation_result ATTACH PARTITION ${partition} FOR VALUES IN (${year})`);
    step('swap');
    // Statistics for the columns the result lists filter and sort on (all 40 cost twice the time).
    await manager.query(`ANALYZE ${partition} (enterprise_id, district_code, population, final_class, exclusion_reason, score, rank)`);
    step('analyze');
    return counts;
  }
}
