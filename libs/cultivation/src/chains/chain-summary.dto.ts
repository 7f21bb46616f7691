import { ApiProperty } from '@nestjs/swagger';

import { ChainDto } from '@app/reference';

import { DesignationLevel, DesignationStatus } from '@app/core';

export class StageCountDto {
  /** UPSTREAM / MIDSTREAM / DOWNSTREAM, or UNASSIGNED for members without a segment */
  stage: string;
  stageLabel: string;
  count: number;
}

export class SegmentCountDto {
  segmentId: string;
  code: string;
  name: string;
  stage: string;
  stageLabel: string;
  parentId: string | null;
  /** Members placed directly on this segment (not rolled up from sub-segments) */
  count: number;
}

export class ChainHolderDto {
  designationId: string;
  enterpriseId: string;
  enterpriseName: string;
  @ApiProperty({ enum: DesignationLevel, enumName: 'DesignationLevel' })
  level: DesignationLevel;
  levelLabel: string;
  @ApiProperty({ enum: DesignationStatus, enumName: 'DesignationStatus' })
  status: DesignationStatus;
  statusLabel: string;
  recognisedOn: string | null;
}

export class ChainTotalsDto {
  memberCount: number;
  /** Members with annual figures for the year */
  membersWithFigures: number;
  /** Sum of members' annual operating revenue (yuan) */
  operatingRevenueYuan: number;
  /** Sum of members' annual industrial output (yuan) */
  industrialOutputYuan: number;
}

/** Which enterprises the summary covers: everything for city-wide roles, else the caller's share. */
export class ChainSummaryScopeDto {
  /** true for bureau staff, viewers and admins: counts and totals are the whole chain's */
  cityWide: boolean;
  /** District officer: the districts whose members are counted (null otherwise) */
  districtCodes: string[] | null;
  /** Liaison: the bound enterprises counted (null otherwise) */
  enterpriseIds: string[] | null;
}

export class ChainSummaryDto {
  chain: ChainDto;
  year: number;
  /** Counts, holders and totals below cover only these members */
  scope: ChainSummaryScopeDto;
  byStage: StageCountDto[];
  bySegment: SegmentCountDto[];
  /** Enterprises holding (RECOGNISED / UNDER_REVIEW) a 链主 designation on this chain */
  leaders: ChainHolderDto[];
  cores: ChainHolderDto[];
  bases: ChainHolderDto[];
  totals: ChainTotalsDto;
}
