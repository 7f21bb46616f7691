import { EvaluationClass, ExclusionReason, IndicatorKind, INDICATOR_KINDS, LandTenure, PopulationKind } from '../evaluation-enums';
import { SchemeClassBand } from '../entities/evaluation-scheme.entity';

/**
 * The evaluation's rules in SQL, each stated once: the land basis, the population a firm falls in,
 * the exclusions, each indicator's formula, a term and a class. The run (evaluation-run.service.ts)
 * assembles them into three set-based statements; nothing is computed per firm in JavaScript.
 */

/**
 * Land basis of a firm for year Y: all land it uses that year, owned plus leased, in 亩; NULL when the firm has
 * no land record that year. The rule lives in the SQL function `land_use_basis(enterprise, year)` (migration
 * TaxPerMuLandUse), which the tax-per-mu line's `tax_per_mu_land_basis` also uses (falling back to the
 * registry's land area when it is NULL). `landBasisSql('e.id', '2023')` → a call of it.
 */
export function landBasisSql(enterpriseIdExpr: string, yearExpr: string): string {
  return `land_use_basis(${enterpriseIdExpr}, ${yearExpr})`;
}

/**
 * Land per firm of year `$year` in one pass: owned, leased, basis (owned + leased) and the earliest in-use date.
 * `land_mu` is the set-based twin of `land_use_basis` (one pass instead of a call per firm, for the
 * 1,000,000-firm run); test/e2e/tax-per-mu.e2e-spec.ts checks the two equal. A firm has at most one row per
 * tenure and year (unique key) and the tenure is OWNED or LEASED, so the owned and leased rows are joined
 * rather than grouped: a GROUP BY with numeric sums took ten times as long (1.6–2.3 s against 0.18 s for
 * 100,000 firms).
 */
export function landOfYearSql(yearExpr: string): string {
  return `SELECT coalesce(o.enterprise_id, l.enterprise_id) AS enterprise_id,
      o.area_mu AS owned_mu,
      l.area_mu AS leased_mu,
      coalesce(o.area_mu, 0) + coalesce(l.area_mu, 0) AS land_mu,
      least(o.in_use_since, l.in_use_since) AS in_use_since
    FROM (SELECT enterprise_id, area_mu, in_use_since FROM land_use WHERE year = ${yearExpr} AND tenure = '${LandTenure.OWNED}') o
    FULL JOIN (SELECT enterprise_id, area_mu, in_use_since FROM land_use WHERE year = ${yearExpr} AND tenure = '${LandTenure.LEASED}') l
      ON l.enterprise_id = o.enterprise_id`;
}

/**
 * Ningbo 4.0 populations: 规上 firms form one; of the others, firms on leased land only form their
 * own; the rest split at the scheme's owned-land threshold (≥ threshold, < threshold).
 */
export function populationSql(b: { aboveScale: string; ownedMu: string; leasedMu: string }, thresholdExpr: string): string {
  return `CASE WHEN ${b.aboveScale} THEN '${PopulationKind.ABOVE_SCALE}'
    WHEN coalesce(${b.ownedMu}, 0) = 0 AND coalesce(${b.leasedMu}, 0) > 0 THEN '${PopulationKind.LEASED}'
    WHEN coalesce(${b.ownedMu}, 0) >= ${thresholdExpr} THEN '${PopulationKind.BELOW_SCALE_LARGE}'
    ELSE '${PopulationKind.BELOW_SCALE_SMALL}' END`;
}

/**
 * Why a firm is not evaluated in year Y, first reason wins; NULL when it is. "Under N years" is
 * counted at the end of the year: founded (or land first used) after 31 Dec of Y − N.
 */
export function exclusionSql(
  b: { landMu: string; foundedOn: string; inUseSince: string; population: string },
  p: { year: string; minFirmAgeYears: string; minLandInUseYears: string; populations: string },
): string {
  return `CASE WHEN coalesce(${b.landMu}, 0) <= 0 THEN '${ExclusionReason.NO_LAND}'
    WHEN ${b.foundedOn} > make_date(${p.year} - ${p.minFirmAgeYears}, 12, 31) THEN '${ExclusionReason.FIRM_TOO_YOUNG}'
    WHEN ${b.inUseSince} > make_date(${p.year} - ${p.minLandInUseYears}, 12, 31) THEN '${ExclusionReason.LAND_TOO_RECENT}'
    WHEN NOT (${b.population} = ANY(${p.populations})) THEN '${ExclusionReason.NO_POPULATION}'
    END`;
}

/** Columns of the evaluation's base row (see EvaluationRunService) an indicator is computed from. */
export interface IndicatorFormula {
  /** snake_case column of evaluation_result holding the value, and with `term_` the term */
  column: string;
  numerator: string;
  denominator: string;
  /** value = numerator × factor ÷ denominator (unit conversion, e.g. yuan → 万元) */
  factor: number;
}

export const INDICATOR_SQL: Record<IndicatorKind, IndicatorFormula> = {
  TAX_PER_MU: { column: 'tax_per_mu', numerator: 'evaluation_tax_yuan', denominator: 'land_mu', factor: 1e-4 },
  VALUE_ADDED_PER_MU: { column: 'value_added_per_mu', numerator: 'value_added_yuan', denominator: 'land_mu', factor: 1e-4 },
  VALUE_ADDED_PER_ENERGY: { column: 'value_added_per_energy', numerator: 'value_added_yuan', denominator: 'energy_tce', factor: 1e-4 },
  VALUE_ADDED_PER_EMISSION: { column: 'value_added_per_emission', numerator: 'value_added_yuan', denominator: 'emissions_tonnes', factor: 1e-4 },
  LABOUR_PRODUCTIVITY: { column: 'labour_productivity', numerator: 'value_added_yuan', denominator: 'average_employees', factor: 1e-4 },
  RD_SHARE: { column: 'rd_share', numerator: 'rd_spend_yuan', denominator: 'main_revenue_yuan', factor: 100 },
  TAX_PER_ELECTRICITY: { column: 'tax_per_electricity', numerator: 'evaluation_tax_yuan', denominator: 'electricity_kwh', factor: 1 },
};

/** An indicator's value; NULL when a figure is missing or the denominator is not positive. */
export function indicatorValueSql(kind: IndicatorKind, alias: string): string {
  const f = INDICATOR_SQL[kind];
  return `(${alias}.${f.numerator} * ${f.factor}::numeric / NULLIF(GREATEST(${alias}.${f.denominator}, 0), 0))`;
}

/** The population aggregate: Σ numerator × factor ÷ Σ denominator over firms whose value exists. */
export function aggregateBenchmarkSql(kind: IndicatorKind, alias: string): string {
  const f = INDICATOR_SQL[kind];
  const has = `${alias}.${f.column} IS NOT NULL`;
  return `(sum(${alias}.${f.numerator}) FILTER (WHERE ${has}) * ${f.factor}::numeric / NULLIF(sum(${alias}.${f.denominator}) FILTER (WHERE ${has}), 0))`;
}

/**
 * A term: value ÷ benchmark × weight, at least 0 and at most the cap, rounded to 0.01; a firm
 * without a value (or a population without a benchmark) scores 0 on it.
 */
export function termSql(value: string, benchmark: string, weight: string, cap: string): string {
  return `round(LEAST(${cap}, GREATEST(0, coalesce(${value} / NULLIF(${benchmark}, 0) * ${weight}, 0))), 2)`;
}

/**
 * The id of a firm's result row for a year: derived from the two (an md5 in uuid form), so a
 * recompute, which builds the year's rows anew, gives every firm the id it had.
 */
export function resultIdSql(yearExpr: string, enterpriseIdExpr: string): string {
  return `md5('evaluation_result:' || ${yearExpr} || ':' || ${enterpriseIdExpr})::uuid`;
}

/** A class from the rank's share of its population (rank ÷ size), by the scheme's bands in order. */
export function classSql(rank: string, size: string, bands: SchemeClassBand[]): string {
  const sorted = [...bands].sort((a, b) => a.upToShare - b.upToShare);
  const whens = sorted.slice(0, -1).map((b) => `WHEN ${rank}::numeric / ${size} <= ${Number(b.upToShare)} THEN '${b.class}'`);
  return `CASE WHEN ${rank} IS NULL THEN NULL ${whens.join(' ')} ELSE '${sorted[sorted.length - 1].class as EvaluationClass}' END`;
}

export const INDICATOR_COLUMNS = INDICATOR_KINDS.map((k) => INDICATOR_SQL[k].column);
