import { InvestmentBasis, ProjectStage } from '../project-enums';

/** Adds a bind parameter and returns its placeholder ($n). */
export type AddParam = (value: unknown) => string;

export interface ProjectMeasureScope {
  districtCode?: string | null;
  districtCodes?: string[] | null;
  chainId?: string | null;
}

/** The revision of project `p` in force on `at` (a SQL date expression), as a lateral subquery. */
export const revisionOnSql = (at: string) =>
  `(SELECT rv.* FROM project_revision rv WHERE rv.project_id = p.id AND rv.effective_on <= ${at} ORDER BY rv.effective_on DESC LIMIT 1)`;

/** The stage of project `p` on `at` (NULL before its first stage event). */
export const stageOnSql = (at: string) =>
  `(SELECT se.to_stage FROM project_stage_event se WHERE se.project_id = p.id AND se.effective_on <= ${at} ORDER BY se.effective_on DESC, se.id DESC LIMIT 1)`;

/** The cumulative completed investment of project `p` counted on `at` (approved, effective by then, month ≤ at's month). */
export const completedOnSql = (at: string) =>
  `(SELECT pp.cumulative_yuan FROM project_progress pp WHERE pp.project_id = p.id AND pp.status = 'APPROVED' AND pp.effective_on <= ${at}
     AND pp.month <= to_char(${at}, 'YYYY-MM') ORDER BY pp.month DESC, pp.effective_on DESC, pp.created_at DESC LIMIT 1)`;

/**
 * The projects a programme line counts on `asOf`: registered by then, in the programme and plan year by the
 * revision in force that day, and not terminated that day (a project without a stage yet counts). With a
 * scope: the revision's district/chain. Rows follow the quota drill-down contract (enterprise_id, credit_code,
 * enterprise_name, district_code, detail = project name and code, current_value = the amount summed, in yuan;
 * NULL for a count).
 */
export function projectMembersSql(
  add: AddParam,
  params: { programme?: string; basis?: InvestmentBasis | null },
  year: number,
  asOf: string,
  scope: ProjectMeasureScope,
): string {
  const at = `${add(asOf)}::date`;
  const programme = add(params.programme ?? '');
  const y = add(year);
  const value =
    params.basis === InvestmentBasis.PLANNED_TOTAL
      ? 'r.planned_total_yuan'
      : params.basis === InvestmentBasis.PLANNED_YEAR
        ? 'coalesce(r.planned_year_yuan, 0)'
        : params.basis === InvestmentBasis.COMPLETED
          ? `coalesce(${completedOnSql(at)}, 0)`
          : 'NULL::numeric';
  const filters: string[] = [];
  if (scope.districtCode) filters.push(`r.district_code = ${add(scope.districtCode)}`);
  if (scope.districtCodes) filters.push(`r.district_code = ANY(${add(scope.districtCodes)}::text[])`);
  if (scope.chainId) filters.push(`r.chain_id = ${add(scope.chainId)}::uuid`);
  return `SELECT e.id AS enterprise_id, e.credit_code, e.name AS enterprise_name, r.district_code,
      concat(p.name, coalesce(' ' || p.project_code, '')) AS detail, ${value} AS current_value, NULL::numeric AS previous_value
    FROM project p CROSS JOIN LATERAL ${revisionOnSql(at)} r JOIN enterprise e ON e.id = p.enterprise_id
    WHERE r.plan_year = ${y}::int AND ${programme} = ANY(r.programme_codes)
      AND coalesce(${stageOnSql(at)}, '') <> '${ProjectStage.TERMINATED}'${filters.map((f) => ` AND ${f}`).join('')}`;
}
