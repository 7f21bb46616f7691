import { IsBooleanString, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { PageQueryDto } from '@app/core';

import { MeasureKind, ProgressStatus, QuotaDirection } from '../quota-enums';

export class ProgressQueryDto {
  /** The day to measure at, YYYY-MM-DD; default today in Beijing, or 12-31 for a past year */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf 须为 YYYY-MM-DD 日期 (date)' })
  asOf?: string;

  /** Only this district (targets become the district's split) */
  @IsOptional() @IsString() @MaxLength(20)
  districtCode?: string;

  /** Only this chain (targets become the chain's split) */
  @IsOptional() @IsUUID()
  chainId?: string;
}

export class DrillDownQueryDto extends PageQueryDto {
  /** The day to measure at, YYYY-MM-DD; default today in Beijing, or 12-31 for a past year */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf 须为 YYYY-MM-DD 日期 (date)' })
  asOf?: string;

  /** Growth-rate lines: list the holders lacking a figure of either year (outside the rate) instead of its population */
  @IsOptional() @IsBooleanString({ message: 'lackingFigures 须为 true 或 false' })
  lackingFigures?: string;

  @IsOptional() @IsString() @MaxLength(20)
  districtCode?: string;

  @IsOptional() @IsUUID()
  chainId?: string;
}

export class SplitProgressDto {
  /** DISTRICT or CHAIN */
  kind: string;
  districtCode: string | null;
  chainId: string | null;
  /** District or chain name */
  name: string;
  target: number;
  actual: number;
  percent: number;
  /** Where the split's actual should be by now at an even pace (absent in quarters frozen before it was kept) */
  expected: number | null;
  status: ProgressStatus;
  statusLabel: string;
}

export class LineProgressDto {
  code: string;
  label: string;
  unit: string;
  group: string;
  direction: QuotaDirection;
  measureKind: MeasureKind;
  measureKindLabel: string;
  /** null when a district/chain view has no split target for the line */
  target: number | null;
  actual: number;
  /** Number of enterprises (communities) behind the value — for a growth rate, its population (holders reporting both years); null for manual lines */
  count: number | null;
  /** Growth-rate lines: holders left out of the rate for lacking a figure of either year (listed with `lackingFigures=true` on the drill-down); null otherwise */
  lackingFigures: number | null;
  percent: number | null;
  /** Where the actual should be by now at an even pace */
  expected: number | null;
  status: ProgressStatus;
  statusLabel: string;
  /** MANUAL lines: evidence of the report used */
  evidence: string | null;
  /** MANUAL lines: whether anyone reported a value on or before asOf (false reads 未填报, not 0); null for computed lines */
  reported: boolean | null;
  splits: SplitProgressDto[];
}

export class PlanProgressDto {
  year: number;
  title: string;
  asOf: string;
  /** Share of the year elapsed at asOf (0–1) */
  elapsedShare: number;
  districtCode: string | null;
  chainId: string | null;
  /** A district officer's districts when they named none: the numbers cover these only */
  districtCodes: string[] | null;
  lines: LineProgressDto[];
}

export class DrillDownRowDto {
  /** The enterprise; for a carrier (park, product, platform …) its operating enterprise, null when it has none */
  enterpriseId: string | null;
  creditCode: string | null;
  /** Enterprise name (for a carrier: its operator's; the carrier's own name is in `detail`) */
  name: string | null;
  districtCode: string;
  detail: string;
  currentValue: number | null;
  previousValue: number | null;
}
