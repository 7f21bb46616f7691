/** 项目类型 */
export enum ProjectKind {
  NEW_BUILD = 'NEW_BUILD',
  TECH_UPGRADE = 'TECH_UPGRADE',
  EXPANSION = 'EXPANSION',
}

export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = {
  NEW_BUILD: '新建',
  TECH_UPGRADE: '技改',
  EXPANSION: '增资扩产',
};

/** 项目阶段: 谋划 → 前期 → 开工 → 在建 → 竣工/投产, or 终止 from any stage before completion. */
export enum ProjectStage {
  PLANNING = 'PLANNING',
  PREPARATION = 'PREPARATION',
  STARTED = 'STARTED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}

export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  PLANNING: '谋划',
  PREPARATION: '前期',
  STARTED: '开工',
  UNDER_CONSTRUCTION: '在建',
  COMPLETED: '竣工/投产',
  TERMINATED: '终止',
};

/** The forward order of the stages; TERMINATED stands outside it. */
export const STAGE_ORDER: ProjectStage[] = [
  ProjectStage.PLANNING,
  ProjectStage.PREPARATION,
  ProjectStage.STARTED,
  ProjectStage.UNDER_CONSTRUCTION,
  ProjectStage.COMPLETED,
];

/** Review state of a monthly progress entry: staff entries are approved at once, a liaison's wait for staff. */
export enum ProgressReviewStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export const PROGRESS_REVIEW_STATUS_LABELS: Record<ProgressReviewStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '已驳回',
};

/** A month's cumulative completed investment against the cumulative plan (the 红黄绿灯 of key-project monitoring). */
export enum ProgressJudgement {
  AHEAD = 'AHEAD',
  NORMAL = 'NORMAL',
  BEHIND = 'BEHIND',
}

export const PROGRESS_JUDGEMENT_LABELS: Record<ProgressJudgement, string> = {
  AHEAD: '超前',
  NORMAL: '正常',
  BEHIND: '滞后',
};

/** What an investment quota line sums. */
export enum InvestmentBasis {
  PLANNED_TOTAL = 'PLANNED_TOTAL',
  PLANNED_YEAR = 'PLANNED_YEAR',
  COMPLETED = 'COMPLETED',
}

export const INVESTMENT_BASIS_LABELS: Record<InvestmentBasis, string> = {
  PLANNED_TOTAL: '计划总投资',
  PLANNED_YEAR: '年度计划投资',
  COMPLETED: '累计完成投资',
};
