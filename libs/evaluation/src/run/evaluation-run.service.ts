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
import { aggregateBenchmarkSql, classSql, exclusionSql, INDICATOR_SQL, indicatorValueSql, landOfYearSql, populationSql, termSql } from './evaluation-sql';

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
 * The yearly run: three set-based statements in one transaction — the base rows (land, figures,
 * population, exclusion, indicator values) into a temporary table, the benchmarks per population
 * and indicator, and the results with terms, score, rank and class. Recomputing replaces the year's
 * rows and gives the same result for the same data; once the year is frozen it is refused.
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
    // One big statement each: JIT compiling the wide expressions cost more than it saved, and the
    // sorts (rank) and hashes (joins) fit in memory instead of spilling to disk.
    await manager.query('SET LOCAL jit = off');
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    const populations = scheme.populations.map((p) => p.kind);
    const values = INDICATOR_KINDS.map((k) => `${indicatorValueSql(k, 'x')} AS ${INDICATOR_SQL[k].column}`).join(',\n');
    await manager.query('DROP TABLE IF EXISTS ev_base');
    await manager.query(
      `CREATE TEMP TABLE ev_base ON COMMIT DROP AS
       SELECT x.*, ${values}
       FROM (
         SELECT e.id AS enterprise_id, e.district_code, l.owned_mu, l.leased_mu, l.land_mu,
           ${populationSql({ aboveScale: 'e.above_scale', ownedMu: 'l.owned_mu', leasedMu: 'l.leased_mu' }, '$2::numeric')} AS population,
           ${exclusionSql(
             { landMu: 'l.land_mu', foundedOn: 'e.founded_on', inUseSince: 'l.in_use_since', population: populationSql({ aboveScale: 'e.above_scale', ownedMu: 'l.owned_mu', leasedMu: 'l.leased_mu' }, '$2::numeric') },
             { year: '$1::int', minFirmAgeYears: '$3::int', minLandInUseYears: '$4::int', populations: '$5::text[]' },
           )} AS exclusion_reason,
           ef.evaluation_tax_yuan, f.value_added_yuan, f.energy_use_tce AS energy_tce, ef.emissions_tonnes, ef.electricity_kwh,
           f.rd_spend_yuan, ef.main_revenue_yuan, ef.average_employees
         FROM enterprise e
         LEFT JOIN (${landOfYearSql('$1::int')}) l ON l.enterprise_id = e.id
         LEFT JOIN evaluation_figure ef ON ef.enterprise_id = e.id AND ef.year = $1::int
         LEFT JOIN enterprise_figure f ON f.enterprise_id = e.id AND f.year = $1::int AND f.quarter = 0
         WHERE NOT e.archived AND (l.enterprise_id IS NOT NULL OR ef.enterprise_id IS NOT NULL)
       ) x`,
      [year, scheme.smallLandThresholdMu, scheme.minFirmAgeYears, scheme.minLandInUseYears, populations],
    );
    // A temporary table has no statistics until analysed; without them the later statements plan
    // for a handful of rows.
    await manager.query('ANALYZE ev_base');
    step('base');

    // Benchmarks: one row per population and indicator of the scheme.
    const terms = scheme.populations.flatMap((p) => p.indicators.map((i) => ({ population: p.kind, indicator: i.indicator, weight: i.weight, cap: i.cap, rule: i.benchmarkRule, fixed: i.benchmarkValue ?? null })));
    const pick = (rule: 'agg' | 'mean') => `CASE s.indicator ${INDICATOR_KINDS.map((k) => `WHEN '${k}' THEN g.${rule}_${INDICATOR_SQL[k].column}`).join(' ')} END`;
    await manager.query('DELETE FROM evaluation_benchmark WHERE year = $1', [year]);
    await manager.query(
      `INSERT INTO evaluation_benchmark (year, population, indicator, value, firm_count)
       SELECT $1, s.population, s.indicator,
         CASE s.rule WHEN 'FIXED' THEN s.fixed WHEN 'POPULATION_MEAN' THEN ${pick('mean')} ELSE ${pick('agg')} END,
         coalesce(g.n, 0)
       FROM jsonb_to_recordset($2::jsonb) AS s(population text, indicator text, weight numeric, cap numeric, rule text, fixed numeric)
       LEFT JOIN (
         SELECT b.population, count(*)::int AS n,
           ${INDICATOR_KINDS.map((k) => `avg(b.${INDICATOR_SQL[k].column}) AS mean_${INDICATOR_SQL[k].column}, ${aggregateBenchmarkSql(k, 'b')} AS agg_${INDICATOR_SQL[k].column}`).join(',\n')}
         FROM ev_base b WHERE b.exclusion_reason IS NULL GROUP BY b.population
       ) g ON g.population = s.population`,
      [year, JSON.stringify(terms)],
    );
    step('benchmarks');

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
    // Recomputing changes only what changed: firms no longer in the run go, the rest are merged in
    // (a hash join of the year's rows with the new ones), and a row is rewritten only when one of its
    // values differs — so an unchanged recompute writes nothing and leaves no dead rows behind.
    await manager.query('DELETE FROM evaluation_result r WHERE r.year = $1 AND NOT EXISTS (SELECT 1 FROM ev_base b WHERE b.enterprise_id = r.enterprise_id)', [year]);
    step('delete');
    const columns = ['district_code', 'population', 'owned_mu', 'leased_mu', 'land_mu', ...INPUTS, ...valueNames, ...termNames, 'score', 'rank', 'population_size', 'computed_class', 'final_class', 'exclusion_reason'];
    const types = new Map<string, string>(
      ((await manager.query(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'evaluation_result'::regclass AND attnum > 0 AND NOT attisdropped`,
      )) as { name: string; type: string }[]).map((c) => [c.name, c.type]),
    );
    const sources = [
      'r.district_code', 'r.population', 'r.owned_mu', 'r.leased_mu', 'r.land_mu', ...INPUTS.map((c) => `r.${c}`), ...valueNames.map((c) => `r.${c}`), ...termNames.map((c) => `r.${c}`),
      'r.score', 'r.rnk', 'r.size', classSql('r.rnk', 'r.size', scheme.classBands), classSql('r.rnk', 'r.size', scheme.classBands), 'r.exclusion_reason',
    ];
    // Cast to the stored types, so a value compares equal to what was stored for it (numeric scales).
    const selected = columns.map((c, i) => `(${sources[i]})::${types.get(c)} AS ${c}`).join(',\n');
    await manager.query(
      `WITH w AS (
         SELECT s.population, ${pivot}
         FROM jsonb_to_recordset($2::jsonb) AS s(population text, indicator text, weight numeric, cap numeric, rule text, fixed numeric)
         JOIN evaluation_benchmark bm ON bm.year = $1 AND bm.population = s.population AND bm.indicator = s.indicator
         GROUP BY s.population
       ), scored AS (
         SELECT b.*, ${termCols.join(', ')}
         FROM ev_base b LEFT JOIN w ON w.population = b.population AND b.exclusion_reason IS NULL
       ), totalled AS (
         SELECT s.*, CASE WHEN s.exclusion_reason IS NULL THEN ${termNames.map((t) => `coalesce(s.${t}, 0)`).join(' + ')} END AS score FROM scored s
       ), ranked AS (
         SELECT t.*,
           CASE WHEN t.exclusion_reason IS NULL THEN rank() OVER (PARTITION BY t.population, t.exclusion_reason IS NULL ORDER BY t.score DESC) END AS rnk,
           CASE WHEN t.exclusion_reason IS NULL THEN count(*) OVER (PARTITION BY t.population, t.exclusion_reason IS NULL) END AS size
         FROM totalled t
       )
       MERGE INTO evaluation_result t
       USING (SELECT r.enterprise_id, ${selected} FROM ranked r) c ON t.year = $1 AND t.enterprise_id = c.enterprise_id
       WHEN MATCHED AND (${columns.map((x) => `t.${x}`).join(', ')}) IS DISTINCT FROM (${columns.map((x) => `c.${x}`).join(', ')})
         THEN UPDATE SET ${columns.map((x) => `${x} = c.${x}`).join(', ')}
       WHEN NOT MATCHED THEN INSERT (year, enterprise_id, ${columns.join(', ')}) VALUES ($1, c.enterprise_id, ${columns.map((x) => `c.${x}`).join(', ')})`,
      [year, JSON.stringify(terms)],
    );
    step('results');
    const inserted: { total: number; evaluated: number }[] = await manager.query(
      'SELECT count(*)::int AS total, count(*) FILTER (WHERE exclusion_reason IS NULL)::int AS evaluated FROM ev_base',
    );
    // Classes changed by upheld objections stay changed: the latest decision per firm wins.
    await manager.query(
      `UPDATE evaluation_result r SET final_class = o.decided_class
       FROM (SELECT DISTINCT ON (enterprise_id) enterprise_id, decided_class FROM evaluation_response
             WHERE year = $1 AND status = '${ObjectionStatus.UPHELD}' AND decided_class IS NOT NULL ORDER BY enterprise_id, decided_at DESC) o
       WHERE r.year = $1 AND r.enterprise_id = o.enterprise_id`,
      [year],
    );
    await manager.query('DROP TABLE IF EXISTS ev_base');
    step('objections');
    return inserted[0];
  }
}
