import { Injectable } from '@nestjs/common';

import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@app/audit';
import { PERMISSION_LABELS, SAVED_VIEW_PAGE_LABELS } from '@app/auth';
import {
  COMMUNITY_ROLE_LABELS,
  COMMUNITY_STATUS_LABELS,
  DESIGNATION_LEVEL_LABELS,
  DESIGNATION_STATUS_LABELS,
  DESIGNATION_TYPE_LABELS,
  FIELD_LABELS,
  ROLE_LABELS,
} from '@app/core';
import { IMPORT_KIND_LABELS } from '@app/importing';
import { FIGURE_METRIC_LABELS, MEASURE_KIND_LABELS, PROGRESS_STATUS_LABELS, QUOTA_DIRECTION_LABELS } from '@app/quotas';
import { CHAIN_STAGE_LABELS, DISTRICT_KIND_LABELS, INDUSTRY_LEVEL_LABELS } from '@app/reference';
import { NOTIFICATION_KIND_LABELS } from '@app/notifications';
import { REMEDIATION_CATEGORY_LABELS, REMEDIATION_OUTCOME_LABELS, REMEDIATION_SOURCE_KIND_LABELS, REMEDIATION_STATUS_LABELS } from '@app/remediation';
import { CHANGE_REQUEST_KIND_LABELS, CHANGE_REQUEST_STATUS_LABELS, ENTERPRISE_STATUS_LABELS, LIAISON_FIELD_RULE_LABELS } from '@app/registry';

import { DictionaryDto, LabelledValueDto } from './dictionary.dto';

const options = (labels: Record<string, string>): LabelledValueDto[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * Gathers the labels each library keeps beside its enums (and the audit and field tables) into one
 * answer, so the console never hard-codes a label the API knows. Nothing here is a second copy.
 */
@Injectable()
export class DictionaryService {
  private readonly dictionary: DictionaryDto = {
    enums: {
      designationType: options(DESIGNATION_TYPE_LABELS),
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
      remediationCategory: options(REMEDIATION_CATEGORY_LABELS),
      remediationStatus: options(REMEDIATION_STATUS_LABELS),
      remediationOutcome: options(REMEDIATION_OUTCOME_LABELS),
      remediationSourceKind: options(REMEDIATION_SOURCE_KIND_LABELS),
    },
    auditActions: options(AUDIT_ACTION_LABELS),
    fields: FIELD_LABELS,
    entityTypes: options(AUDIT_ENTITY_LABELS),
    references: [
      { key: 'districts', label: '区县(GB/T 2260)与功能区', path: '/api/v1/districts' },
      { key: 'industries', label: '国民经济行业分类(GB/T 4754-2017)', path: '/api/v1/industries' },
      { key: 'chains', label: '标志性产业链', path: '/api/v1/chains' },
    ],
  };

  get(): DictionaryDto {
    return this.dictionary;
  }
}
