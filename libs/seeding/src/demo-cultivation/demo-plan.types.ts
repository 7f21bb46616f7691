import { CommunityRole, CommunityStatus, DesignationLevel, DesignationStatus, DesignationType } from '@app/core';

export interface PlannedStep {
  to: DesignationStatus;
  on: string;
  reason: string;
}

export interface PlannedDesignation {
  creditCode: string;
  type: DesignationType;
  level: DesignationLevel;
  chainCode: string | null;
  productName?: string;
  productCode?: string;
  batch: string | null;
  year: number | null;
  noticeNo: string | null;
  recognisingBody: string | null;
  evidence: string | null;
  /** Lifecycle in date order; the first step has no from-status */
  steps: PlannedStep[];
}

export interface PlannedMembership {
  creditCode: string;
  chainCode: string;
  segmentCode: string;
  mainProducts: string;
  keyEnterprise: boolean;
}

export interface PlannedCommunityMember {
  creditCode: string;
  role: CommunityRole;
  joinedOn: string;
  leftOn: string | null;
}

export interface PlannedCommunity {
  name: string;
  chainCode: string;
  leadCreditCode: string;
  status: CommunityStatus;
  plannedOn: string;
  formedOn: string | null;
  description: string;
  members: PlannedCommunityMember[];
}

export interface DemoCultivationPlan {
  memberships: PlannedMembership[];
  designations: PlannedDesignation[];
  communities: PlannedCommunity[];
}
