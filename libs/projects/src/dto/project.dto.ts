import { ProgressJudgement, ProgressReviewStatus, ProjectKind, ProjectStage } from '../project-enums';

export class ProgrammeDto {
  code: string;
  name: string;
  description: string;
}

export class ProjectDto {
  id: string;
  name: string;
  projectCode: string | null;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
  chainId: string | null;
  chainName: string | null;
  kind: ProjectKind;
  kindLabel: string;
  programmeCodes: string[];
  /** Names of the programmes, in the order of programmeCodes */
  programmeNames: string[];
  planYear: number;
  plannedTotalYuan: number;
  plannedYearYuan: number | null;
  plannedEquipmentYuan: number | null;
  plannedSoftwareYuan: number | null;
  plannedStartOn: string | null;
  plannedCompletionOn: string | null;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  stage: ProjectStage;
  stageLabel: string;
  registeredOn: string;
  note: string | null;
  /** Latest approved cumulative completed investment (元) and its month */
  completedYuan: number | null;
  completedMonth: string | null;
  /** Judgement of that month */
  latestJudgement: ProgressJudgement | null;
  latestJudgementLabel: string | null;
  version: number;
}

export class StageEventDto {
  fromStage: ProjectStage | null;
  fromStageLabel: string | null;
  toStage: ProjectStage;
  toStageLabel: string;
  effectiveOn: string;
  reason: string | null;
  actorUsername: string | null;
  at: string;
}

export class ProgressDto {
  id: string;
  month: string;
  cumulativeYuan: number;
  /** The cumulative plan at the month's end (元), null when the project has no planned dates */
  plannedCumulativeYuan: number | null;
  judgement: ProgressJudgement | null;
  judgementLabel: string | null;
  reportedOn: string;
  effectiveOn: string | null;
  status: ProgressReviewStatus;
  statusLabel: string;
  note: string | null;
  reportedByUsername: string | null;
  reviewedByUsername: string | null;
  decisionReason: string | null;
  version: number;
}

export class ProjectRevisionDto {
  effectiveOn: string;
  districtCode: string;
  chainId: string | null;
  programmeCodes: string[];
  planYear: number;
  plannedTotalYuan: number;
  plannedYearYuan: number | null;
}

export class ProjectDetailDto extends ProjectDto {
  stages: StageEventDto[];
  /** Every progress row, month ascending (corrections after the row they correct) */
  progress: ProgressDto[];
  revisions: ProjectRevisionDto[];
  /** Stages a transition may go to now */
  allowedStages: ProjectStage[];
}
