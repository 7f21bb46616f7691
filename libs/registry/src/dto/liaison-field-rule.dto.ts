/** How a liaison's proposed change to one profile field is handled. */
export enum LiaisonFieldRule {
  IMMEDIATE = 'IMMEDIATE',
  REVIEWED = 'REVIEWED',
  LOCKED = 'LOCKED',
}

export const LIAISON_FIELD_RULE_LABELS: Record<LiaisonFieldRule, string> = {
  IMMEDIATE: '立即生效',
  REVIEWED: '需审核',
  LOCKED: '请联系区县工作人员',
};

export class LiaisonFieldRuleDto {
  /** API field name of the enterprise profile */
  field: string;
  /** Chinese name of the field */
  label: string;
  /** Unit of the API value (元, 亩) when it has one */
  unit?: string;
  rule: LiaisonFieldRule;
  /** 立即生效 / 需审核 / 请联系区县工作人员 */
  ruleLabel: string;
}
