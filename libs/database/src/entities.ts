import { AuditLogEntity } from '@app/audit';
import { SavedViewEntity, UserEntity } from '@app/auth';
import {
  EvaluationBenchmarkEntity,
  EvaluationFigureEntity,
  EvaluationResponseEntity,
  EvaluationResultEntity,
  EvaluationRunEntity,
  EvaluationSchemeEntity,
  LandUseEntity,
} from '@app/evaluation';
import { CarrierEntity, ChainMembershipEntity, CommunityEntity, CommunityMemberEntity, DesignationEntity, DesignationEventEntity } from '@app/cultivation';
import { NotificationEntity } from '@app/notifications';
import {
  ProjectEntity,
  ProjectProgrammeEntity,
  ProjectProgressEntity,
  ProjectProgressThresholdEntity,
  ProjectRevisionEntity,
  ProjectStageEventEntity,
} from '@app/projects';
import { QuotaLineEntity, QuotaLineSplitEntity, QuotaManualReportEntity, QuotaPlanEntity, QuotaSnapshotChunkEntity, QuotaSnapshotEntity, QuotaSnapshotListEntity } from '@app/quotas';
import { ChainEntity, ChainSegmentEntity, DistrictEntity, IndustryEntity, RecognitionTypeEntity } from '@app/reference';
import { LandBlockEntity, RemediationCaseEntity, RemediationCaseEventEntity } from '@app/remediation';
import { ChangeRequestEntity, EnterpriseDistrictSpellEntity, EnterpriseEntity, EnterpriseFigureEntity } from '@app/registry';

/** Every entity of the schema, listed once for Nest, the CLI and the migration tool. */
export const ENTITIES = [
  AuditLogEntity,
  UserEntity,
  DistrictEntity,
  IndustryEntity,
  ChainEntity,
  ChainSegmentEntity,
  EnterpriseEntity,
  EnterpriseFigureEntity,
  EnterpriseDistrictSpellEntity,
  DesignationEntity,
  DesignationEventEntity,
  ChainMembershipEntity,
  CommunityEntity,
  CommunityMemberEntity,
  ChangeRequestEntity,
  QuotaPlanEntity,
  QuotaLineEntity,
  QuotaLineSplitEntity,
  QuotaManualReportEntity,
  QuotaSnapshotEntity,
  QuotaSnapshotListEntity,
  QuotaSnapshotChunkEntity,
  SavedViewEntity,
  NotificationEntity,
  LandUseEntity,
  EvaluationFigureEntity,
  EvaluationSchemeEntity,
  EvaluationRunEntity,
  EvaluationResultEntity,
  EvaluationBenchmarkEntity,
  EvaluationResponseEntity,
  ProjectProgrammeEntity,
  ProjectEntity,
  ProjectRevisionEntity,
  ProjectStageEventEntity,
  ProjectProgressEntity,
  ProjectProgressThresholdEntity,
  RecognitionTypeEntity,
  CarrierEntity,
  LandBlockEntity,
  RemediationCaseEntity,
  RemediationCaseEventEntity,
];
