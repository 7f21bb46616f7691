import { Injectable } from '@nestjs/common';

import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@app/audit';
import { PERMISSION_LABELS, SAVED_VIEW_PAGE_LABELS } from '@app/auth';
import {
  CARRIER_KIND_LABELS,
  COMMUNITY_ROLE_LABELS,
  COMMUNITY_STATUS_LABELS,
  DESIGNATION_LEVEL_LABELS,
  DESIGNATION_STATUS_LABELS,
  FIELD_LABELS,
  HOLDER_KIND_LABELS,
  ROLE_LABELS,
} from '@app/core';
import {
  BENCHMARK_RULE_LABELS,
  EVALUATION_CLASS_LABELS,
  EVALUATION_STATUS_LABELS,
  EXCLUSION_REASON_LABELS,
  INDICATOR_LABELS,
  LAND_TENURE_LABELS,
  OBJECTION_STATUS_LABELS,
  POPULATION_KIND_LABELS,
  RESPONSE_KIND_LABELS,
} from '@app/evaluation';
import { RecognitionTypeService } from '@app/cultivation';
import { IMPORT_KIND_LABELS } from '@app/importing';
import { FIGURE_METRIC_LABELS, MEASURE_KIND_LABELS, PROGRESS_STATUS_LABELS, QUOTA_DIRECTION_LABELS } from '@app/quotas';
import { CHAIN_STAGE_LABELS, DISTRICT_KIND_LABELS, INDUSTRY_LEVEL_LABELS } from '@app/reference';
import { NOTIFICATION_KIND_LABELS } from '@app/notifications';
import { INVESTMENT_BASIS_LABELS, PROGRESS_JUDGEMENT_LABELS, PROGRESS_REVIEW_STATUS_LABELS, PROJECT_KIND_LABELS, PROJECT_STAGE_LABELS } from '@app/projects';
import { REMEDIATION_CATEGORY_LABELS, REMEDIATION_OUTCOME_LABELS, REMEDIATION_SOURCE_KIND_LABELS, REMEDIATION_STATUS_LABELS, REMEDIATION_SUBJECT_KIND_LABELS } from '@app/remediation';
import { CHANGE_REQUEST_KIND_LABELS, CHANGE_REQUEST_STATUS_LABELS, ENTERPRISE_STATUS_LABELS, LIAISON_FIELD_RULE_LABELS } from '@app/registry';

import { DictionaryDto, LabelledValueDto } from './dictionary.dto';

const options = (labels: Record<string, string>): LabelledValueDto[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * Gathers the labels each library keeps beside its enums (and the audit and field tables) into one
 * answer, so the console never hard-codes a label the API knows. Nothing here is a second copy.
 */
@Injectable()
export class DictionaryService {
  constructor(private readonly catalogue: RecognitionTypeService) {}

  private readonly dictionary: DictionaryDto = {
    enums: {
      // Filled from the recognition catalogue on each read: staff add types without a release.
      designationType: [],
      holderKind: options(HOLDER_KIND_LABELS),
      carrierKind: options(CARRIER_KIND_LABELS),
      designationLevel: options(DESIGNATION_LEVEL_LABELS),
      designationStatus: options(DESIGNATION_STATUS_LABELS),
      communityStatus: options(COMMUNITY_STATUS_LABELS),
      communityRole: options(COMMUNITY_ROLE_LABELS),
      role: options(ROLE_LABELS),
      permission: options(PERMISSION_LABELS),
      enterpriseStatus: options(ENTERPRISE_STATUS_LABELS),
      changeRequestStatus: options(CHANGE_REQUEST_STATUS_LABELS),
      changeRequestKind: options(CHANGE_REQUEST_KIND_LABELS),
      importKind: options(IMPORT_KIND_LABELS),
      measureKind: options(MEASURE_KIND_LABELS),
      quotaDirection: options(QUOTA_DIRECTION_LABELS),
      progressStatus: options(PROGRESS_STATUS_LABELS),
      figureMetric: options(FIGURE_METRIC_LABELS),
      districtKind: options(DISTRICT_KIND_LABELS),
      industryLevel: options(INDUSTRY_LEVEL_LABELS),
      chainStage: options(CHAIN_STAGE_LABELS),
      savedViewPage: options(SAVED_VIEW_PAGE_LABELS),
      liaisonFieldRule: options(LIAISON_FIELD_RULE_LABELS),
      notificationKind: options(NOTIFICATION_KIND_LABELS),
      landTenure: options(LAND_TENURE_LABELS),
      populationKind: options(POPULATION_KIND_LABELS),
      indicatorKind: options(INDICATOR_LABELS),
      benchmarkRule: options(BENCHMARK_RULE_LABELS),
      evaluationClass: options(EVALUATION_CLASS_LABELS),
      exclusionReason: options(EXCLUSION_REASON_LABELS),
      evaluationStatus: options(EVALUATION_STATUS_LABELS),
      responseKind: options(RESPONSE_KIND_LABELS),
      objectionStatus: options(OBJECTION_STATUS_LABELS),
      projectKind: options(PROJECT_KIND_LABELS),
      projectStage: options(PROJECT_STAGE_LABELS),
      projectProgressStatus: options(PROGRESS_REVIEW_STATUS_LABELS),
      projectProgressJudgement: options(PROGRESS_JUDGEMENT_LABELS),
      investmentBasis: options(INVESTMENT_BASIS_LABELS),
      remediationCategory: options(REMEDIATION_CATEGORY_LABELS),
      remediationStatus: options(REMEDIATION_STATUS_LABELS),
      remediationOutcome: options(REMEDIATION_OUTCOME_LABELS),
      remediationSourceKind: options(REMEDIATION_SOURCE_KIND_LABELS),
      remediationSubjectKind: options(REMEDIATION_SUBJECT_KIND_LABELS),
    },
    auditActions: options(AUDIT_ACTION_LABELS),
    fields: FIELD_LABELS,
    entityTypes: options(AUDIT_ENTITY_LABELS),
    references: [
      { key: 'districts', label: '区县(GB/T 2260)与功能区', path: '/api/v1/districts' },
      { key: 'industries', label: '国民经济行业分类(GB/T 4754-2017)', path: '/api/v1/industries' },
      { key: 'chains', label: '标志性产业链', path: '/api/v1/chains' },
      { key: 'recognitionTypes', label: '认定类型目录', path: '/api/v1/recognition-types' },
    ],
  };

  async get(): Promise<DictionaryDto> {
    const types = await this.catalogue.list();
    return { ...this.dictionary, enums: { ...this.dictionary.enums, designationType: types.map((t) => ({ value: t.code, label: t.name })) } };
  }
}
