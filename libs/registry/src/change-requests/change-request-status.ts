import { FIELD_LABELS, FieldLabel } from '@app/core';

import { LIAISON_FIELD_RULE_LABELS, LiaisonFieldRule, LiaisonFieldRuleDto } from '../dto/liaison-field-rule.dto';

export enum ChangeRequestKind {
  PROFILE = 'PROFILE',
  FIGURES = 'FIGURES',
}

export const CHANGE_REQUEST_KIND_LABELS: Record<ChangeRequestKind, string> = {
  PROFILE: '企业基本信息',
  FIGURES: '经营数据',
};

export enum ChangeRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** Only low-risk fields were proposed, so everything applied at submission */
  APPLIED = 'APPLIED',
}

export const CHANGE_REQUEST_STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '已驳回',
  APPLIED: '已直接生效',
};

/** Profile fields a liaison's change applies at once (contact details and address), audited but not reviewed. */
export const LIAISON_IMMEDIATE_FIELDS = ['contactPerson', 'contactPhone', 'contactEmail', 'address'] as const;

/** Profile fields a liaison may propose for review. Every other field is refused with 403 FIELD_NOT_ALLOWED. */
export const LIAISON_REVIEWED_FIELDS = [
  'name', 'shortName', 'formerNames', 'legalRepresentative', 'foundedOn', 'registeredCapitalYuan', 'stockCode', 'landAreaMu',
] as const;

/** Every profile field with what a liaison's change to it does: the form a liaison fills follows this, never a copy of it. */
export function liaisonFieldRules(): LiaisonFieldRuleDto[] {
  const immediate = new Set<string>(LIAISON_IMMEDIATE_FIELDS);
  const reviewed = new Set<string>(LIAISON_REVIEWED_FIELDS);
  // Bookkeeping, not profile data a liaison would see as a field.
  const hidden = new Set(['creditCodeOverrideReason', 'archived']);
  return Object.entries(FIELD_LABELS.enterprise as Record<string, FieldLabel>)
    .filter(([field]) => !hidden.has(field))
    .map(([field, { label, unit }]) => {
      const rule = immediate.has(field) ? LiaisonFieldRule.IMMEDIATE : reviewed.has(field) ? LiaisonFieldRule.REVIEWED : LiaisonFieldRule.LOCKED;
      return { field, label, ...(unit ? { unit } : {}), rule, ruleLabel: LIAISON_FIELD_RULE_LABELS[rule] };
    });
}
