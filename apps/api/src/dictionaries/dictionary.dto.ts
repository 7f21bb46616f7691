import { ApiProperty } from '@nestjs/swagger';

export class LabelledValueDto {
  /** The API value, e.g. CHAIN_CORE */
  value: string;
  /** Its Chinese label, e.g. 链核企业 */
  label: string;
}

export class FieldLabelDto {
  /** 字段中文名, e.g. 注册资本 */
  label: string;
  /** Unit of the API value (元, 亩, 人 …); absent for text, dates and codes */
  unit?: string;
}

export class ReferencePointerDto {
  /** e.g. districts */
  key: string;
  /** e.g. 区县 */
  label: string;
  /** The route that lists it, e.g. /api/v1/districts */
  path: string;
}

/** Every enum the API exposes, each value with its label, in display order */
export class DictionaryEnumsDto {
  /** The recognition catalogue's types (codes and names), in the catalogue's order */
  designationType: LabelledValueDto[];
  holderKind: LabelledValueDto[];
  carrierKind: LabelledValueDto[];
  designationLevel: LabelledValueDto[];
  designationStatus: LabelledValueDto[];
  communityStatus: LabelledValueDto[];
  communityRole: LabelledValueDto[];
  role: LabelledValueDto[];
  permission: LabelledValueDto[];
  enterpriseStatus: LabelledValueDto[];
  changeRequestStatus: LabelledValueDto[];
  changeRequestKind: LabelledValueDto[];
  importKind: LabelledValueDto[];
  measureKind: LabelledValueDto[];
  quotaDirection: LabelledValueDto[];
  progressStatus: LabelledValueDto[];
  figureMetric: LabelledValueDto[];
  districtKind: LabelledValueDto[];
  industryLevel: LabelledValueDto[];
  chainStage: LabelledValueDto[];
  savedViewPage: LabelledValueDto[];
  liaisonFieldRule: LabelledValueDto[];
  notificationKind: LabelledValueDto[];
  landTenure: LabelledValueDto[];
  populationKind: LabelledValueDto[];
  indicatorKind: LabelledValueDto[];
  benchmarkRule: LabelledValueDto[];
  evaluationClass: LabelledValueDto[];
  exclusionReason: LabelledValueDto[];
  evaluationStatus: LabelledValueDto[];
  responseKind: LabelledValueDto[];
  objectionStatus: LabelledValueDto[];
  projectKind: LabelledValueDto[];
  projectStage: LabelledValueDto[];
  projectProgressStatus: LabelledValueDto[];
  projectProgressJudgement: LabelledValueDto[];
  investmentBasis: LabelledValueDto[];
  remediationCategory: LabelledValueDto[];
  remediationStatus: LabelledValueDto[];
  remediationOutcome: LabelledValueDto[];
  remediationSourceKind: LabelledValueDto[];
  remediationSubjectKind: LabelledValueDto[];
}

export class DictionaryDto {
  enums: DictionaryEnumsDto;
  /** Every audit action (`<entity>.<verb>`) with the phrase the trail shows */
  auditActions: LabelledValueDto[];
  /** Editable fields: entity type (as in audit rows) → API field → label and unit */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldLabelDto' } },
    example: { enterprise: { registeredCapitalYuan: { label: '注册资本', unit: '元' } } },
  })
  fields: Record<string, Record<string, FieldLabelDto>>;
  /** Entity types (as in audit rows) → Chinese name, e.g. enterprise → 企业 */
  entityTypes: LabelledValueDto[];
  /** Reference data is listed by its own routes */
  references: ReferencePointerDto[];
}
