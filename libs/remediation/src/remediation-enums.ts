/** What a remediation case is about (the plan's lines name the first three and the blocks). */
export enum RemediationCategory {
  /** 高耗低效企业 */
  HIGH_ENERGY_LOW_EFFICIENCY = 'HIGH_ENERGY_LOW_EFFICIENCY',
  /** 散乱弱企业 */
  SCATTERED_WEAK = 'SCATTERED_WEAK',
  /** 亩均效益评价 D 类企业 */
  EVALUATION_D_CLASS = 'EVALUATION_D_CLASS',
  /** 低效用地区块 (the subject is a land block, not an enterprise) */
  LOW_EFFICIENCY_BLOCK = 'LOW_EFFICIENCY_BLOCK',
}

export const REMEDIATION_CATEGORY_LABELS: Record<RemediationCategory, string> = {
  HIGH_ENERGY_LOW_EFFICIENCY: '高耗低效企业',
  SCATTERED_WEAK: '散乱弱企业',
  EVALUATION_D_CLASS: '亩均D类企业',
  LOW_EFFICIENCY_BLOCK: '低效区块',
};

/** The one category whose subject is a land block; every other category names an enterprise. */
export const isBlockCategory = (category: RemediationCategory): boolean => category === RemediationCategory.LOW_EFFICIENCY_BLOCK;

export enum RemediationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  OPEN: '待整治',
  IN_PROGRESS: '整治中',
  CLOSED: '已销号',
  CANCELLED: '已撤销',
};

/** Open cases: the ones a subject may hold only one of per category. */
export const OPEN_STATUSES: readonly RemediationStatus[] = [RemediationStatus.OPEN, RemediationStatus.IN_PROGRESS];

/**
 * The lifecycle: open → in progress → closed (closing straight from open is allowed: a firm that closed
 * down before work started); a closed case may be reopened (back to in progress); cancelled is final.
 */
export const REMEDIATION_TRANSITIONS: Record<RemediationStatus, readonly RemediationStatus[]> = {
  OPEN: [RemediationStatus.IN_PROGRESS, RemediationStatus.CLOSED, RemediationStatus.CANCELLED],
  IN_PROGRESS: [RemediationStatus.CLOSED, RemediationStatus.CANCELLED],
  CLOSED: [RemediationStatus.IN_PROGRESS],
  CANCELLED: [],
};

export const canMoveCase = (from: RemediationStatus, to: RemediationStatus): boolean => REMEDIATION_TRANSITIONS[from].includes(to);

export enum RemediationOutcome {
  UPGRADED = 'UPGRADED',
  MERGED = 'MERGED',
  SHUT_DOWN = 'SHUT_DOWN',
  VACATED = 'VACATED',
}

export const REMEDIATION_OUTCOME_LABELS: Record<RemediationOutcome, string> = {
  UPGRADED: '提升达标',
  MERGED: '兼并重组',
  SHUT_DOWN: '关停淘汰',
  VACATED: '腾退',
};

/** Where a case came from, beside the free-text source. */
export enum RemediationSourceKind {
  /** 亩均效益评价 D 类 of a year (`sourceYear`) */
  EVALUATION_D = 'EVALUATION_D',
  /** 排查摸底 */
  SURVEY = 'SURVEY',
  /** 部门移交 (environment, safety, energy inspections) */
  DEPARTMENT_REFERRAL = 'DEPARTMENT_REFERRAL',
  OTHER = 'OTHER',
}

export const REMEDIATION_SOURCE_KIND_LABELS: Record<RemediationSourceKind, string> = {
  EVALUATION_D: '亩均效益评价D类',
  SURVEY: '排查摸底',
  DEPARTMENT_REFERRAL: '部门移交',
  OTHER: '其他',
};

/** What a case is about: a firm, or a land block (低效区块 cases). */
export type RemediationSubjectKind = 'ENTERPRISE' | 'LAND_BLOCK';

export const REMEDIATION_SUBJECT_KIND_LABELS: Record<RemediationSubjectKind, string> = {
  ENTERPRISE: '企业',
  LAND_BLOCK: '低效区块',
};
