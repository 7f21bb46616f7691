import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { DesignationType } from '@app/core';

import { DesignationDto } from '../designations/designation.dto';

export type ScaleTier = DesignationType.SCALE_10B | DesignationType.SCALE_50B | DesignationType.SCALE_100B;

export const SCALE_TIERS = [DesignationType.SCALE_10B, DesignationType.SCALE_50B, DesignationType.SCALE_100B] as const;

export class YearQueryDto {
  /** Figures year, e.g. 2022 */
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year: number;
}

export class ScaleTierListQueryDto extends YearQueryDto {
  @IsIn([...SCALE_TIERS], { message: 'tier 应为 SCALE_10B、SCALE_50B 或 SCALE_100B' })
  @ApiProperty({ enum: SCALE_TIERS })
  tier: ScaleTier;

  /** Only enterprises new at the tier: at it in `year`, not in `year − 1` */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'newOnly 应为 true 或 false' })
  newOnly?: boolean;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode?: string;
}

export class DerivedTierDto {
  @ApiProperty({ enum: SCALE_TIERS })
  tier: ScaleTier;
  tierLabel: string;
  /** Threshold in yuan (百亿 = 1e10) */
  thresholdYuan: number;
  /** Operating revenue of `year` reaches the threshold */
  atTier: boolean;
  /** Operating revenue of `year − 1` reached it (false when that year is not reported) */
  atTierPreviousYear: boolean;
  /** At the tier in `year` and not in `year − 1` */
  newAtTier: boolean;
  /** A holding (RECOGNISED / UNDER_REVIEW) designation of this tier is tagged */
  tagged: boolean;
}

export class EnterpriseScaleTiersDto {
  enterpriseId: string;
  year: number;
  /** The figure used: operatingRevenueYuan (营业收入), annual */
  metric: string;
  metricLabel: string;
  valueYuan: number | null;
  previousYear: number;
  previousValueYuan: number | null;
  /** Highest tier reached in `year`, null when below 百亿 or not reported */
  @ApiProperty({ enum: SCALE_TIERS, nullable: true })
  derivedTier: ScaleTier | null;
  derivedTierLabel: string | null;
  tiers: DerivedTierDto[];
  /** Scale designations staff tagged, any status */
  taggedDesignations: DesignationDto[];
}

export class EnterpriseAtTierDto {
  enterpriseId: string;
  name: string;
  creditCode: string;
  districtCode: string;
  valueYuan: number;
  previousValueYuan: number | null;
  newAtTier: boolean;
}

export class EnterprisesAtTierDto {
  year: number;
  @ApiProperty({ enum: SCALE_TIERS })
  tier: ScaleTier;
  tierLabel: string;
  metric: string;
  thresholdYuan: number;
  newOnly: boolean;
  total: number;
  items: EnterpriseAtTierDto[];
}
