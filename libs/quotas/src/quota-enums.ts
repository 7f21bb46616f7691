import { FIELD_LABELS } from '@app/core';
import { InvestmentBasis } from '@app/projects';

/** How a quota line's actual value is measured from the registry (or reported by staff). */
export enum MeasureKind {
  /** Enterprises first recognised in the plan year for a designation type (+level), still holding it at as-of */
  NEW_DESIGNATIONS = 'NEW_DESIGNATIONS',
  /** Enterprises holding a live designation of a type (+level) at as-of */
  HOLDING_DESIGNATIONS = 'HOLDING_DESIGNATIONS',
  /** Communities formed between 1 January of the plan year and as-of */
  COMMUNITIES_FORMED = 'COMMUNITIES_FORMED',
  /** Enterprises whose yearly figure reaches a tier in the plan year and did not in the year before */
  NEW_AT_SCALE_TIER = 'NEW_AT_SCALE_TIER',
  /** Growth (%) of a summed figure over a cohort (holders of a designation at as-of) versus the previous year */
  COHORT_GROWTH = 'COHORT_GROWTH',
  /** Enterprises whose tax per mu of land is below a threshold: a count to drive down to the target */
  TAX_PER_MU_BELOW = 'TAX_PER_MU_BELOW',
  /** A value staff report with evidence; the value at as-of is the latest report on or before it */
  MANUAL = 'MANUAL',
  /** Investment projects of a programme (params.programme) listed for the plan year, not terminated, at as-of */
  PROJECT_COUNT = 'PROJECT_COUNT',
  /** The same projects' investment summed (params.investmentBasis: planned total, planned for the year, or completed), in params.unitYuan */
  PROJECT_INVESTMENT = 'PROJECT_INVESTMENT',
  /** Remediation cases of a category standing closed (with an outcome) at as-of, closed in the plan year */
  REMEDIATION_CASES_CLOSED = 'REMEDIATION_CASES_CLOSED',
}

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  NEW_DESIGNATIONS: '年内新认定企业数',
  HOLDING_DESIGNATIONS: '在册(持有认定)企业数',
  COMMUNITIES_FORMED: '年内组建共同体数',
  NEW_AT_SCALE_TIER: '年内新晋规模层级企业数',
  COHORT_GROWTH: '企业群体指标增幅',
  TAX_PER_MU_BELOW: '亩均税收低于门槛企业数',
  MANUAL: '人工填报',
  PROJECT_COUNT: '专项投资项目数',
  PROJECT_INVESTMENT: '专项投资项目投资额',
  REMEDIATION_CASES_CLOSED: '年内整治销号案件数',
};

/** Whether the actual should rise to the target or fall to it. */
export enum QuotaDirection {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
}

export const QUOTA_DIRECTION_LABELS: Record<QuotaDirection, string> = { AT_LEAST: '不低于目标', AT_MOST: '降至目标以下' };

export enum ProgressStatus {
  MET = 'MET',
  ON_TRACK = 'ON_TRACK',
  BEHIND = 'BEHIND',
  /** A district/chain view of a line that has no split target for that district/chain */
  NO_TARGET = 'NO_TARGET',
}

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  MET: '已完成',
  ON_TRACK: '进度正常',
  BEHIND: '进度滞后',
  NO_TARGET: '未分解目标',
};

/** Yearly figure columns a measure may sum or compare (enterprise_figure, quarter 0). */
export enum FigureMetric {
  OPERATING_REVENUE = 'operatingRevenueYuan',
  INDUSTRIAL_OUTPUT = 'industrialOutputYuan',
  TAX_PAID = 'taxPaidYuan',
}

export const FIGURE_METRIC_COLUMNS: Record<FigureMetric, string> = {
  operatingRevenueYuan: 'operating_revenue_yuan',
  industrialOutputYuan: 'industrial_output_yuan',
  taxPaidYuan: 'tax_paid_yuan',
};

export const FIGURE_METRIC_LABELS: Record<FigureMetric, string> = {
  operatingRevenueYuan: FIELD_LABELS.enterprise_figure.operatingRevenueYuan.label,
  industrialOutputYuan: FIELD_LABELS.enterprise_figure.industrialOutputYuan.label,
  taxPaidYuan: FIELD_LABELS.enterprise_figure.taxPaidYuan.label,
};

/** Parameters of a measure; which fields apply depends on the kind. */
export interface MeasureParams {
  designationType?: string;
  designationLevel?: string;
  /** Designation measures: any of these catalogue types (instead of one designationType) */
  designationTypes?: string[];
  /** Designation measures: this level or higher (MUNICIPAL = 市级以上; the national smart-factory grades are national) */
  minLevel?: string;
  /** Designation measures: who is counted — ENTERPRISE (default) or CARRIER (parks, products, platforms, brains, apps) */
  holderKind?: 'ENTERPRISE' | 'CARRIER';
  metric?: FigureMetric;
  /** NEW_AT_SCALE_TIER: the tier in yuan, e.g. "10000000000" for 百亿 */
  thresholdYuan?: string;
  /** TAX_PER_MU_BELOW: tax per mu threshold in yuan, e.g. 10000 */
  thresholdYuanPerMu?: number;
  /** PROJECT_COUNT / PROJECT_INVESTMENT: the programme code (project_programme), e.g. "SHUANGBAI" */
  programme?: string;
  /** PROJECT_INVESTMENT: PLANNED_TOTAL, PLANNED_YEAR or COMPLETED */
  investmentBasis?: InvestmentBasis;
  /** PROJECT_INVESTMENT: yuan per unit of the line, e.g. "100000000" for a line in 亿元 (default 1) */
  unitYuan?: string;
  /** REMEDIATION_CASES_CLOSED: the case category (RemediationCategory), e.g. SCATTERED_WEAK */
  remediationCategory?: string;
}
