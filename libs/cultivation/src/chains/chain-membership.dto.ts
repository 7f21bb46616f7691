import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { DesignationType, Nullable, PageQueryDto } from '@app/core';
import { ChainStage } from '@app/reference';

/** The chain designations a member may hold on its chain (链主/链核/链基) */
export const CHAIN_TIERS = [DesignationType.CHAIN_LEADER, DesignationType.CHAIN_CORE, DesignationType.CHAIN_BASE] as const;
export type ChainTier = (typeof CHAIN_TIERS)[number];

export class ListChainMembersQueryDto extends PageQueryDto {
  /** Only members holding this chain designation on this chain today (链主 CHAIN_LEADER / 链核 CHAIN_CORE / 链基 CHAIN_BASE) */
  @IsOptional()
  @IsIn(CHAIN_TIERS, { message: 'tier 应为 CHAIN_LEADER、CHAIN_CORE 或 CHAIN_BASE' })
  @ApiPropertyOptional({ enum: CHAIN_TIERS })
  tier?: ChainTier;

  /** Only members placed on this segment or one of its sub-segments */
  @IsOptional()
  @IsUUID('all', { message: 'segmentId 应为环节的 id' })
  segmentId?: string;

  /** Only members of this stage (上游/中游/下游) */
  @IsOptional()
  @IsEnum(ChainStage, { message: 'stage 应为 UPSTREAM、MIDSTREAM 或 DOWNSTREAM' })
  @ApiPropertyOptional({ enum: ChainStage, enumName: 'ChainStage' })
  stage?: ChainStage;

  /** Part of the enterprise's name or credit code */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  keyword?: string;
}

export class AddChainMemberDto {
  @IsUUID()
  enterpriseId: string;

  /** A segment of this chain */
  @IsOptional()
  @IsUUID()
  @Nullable()
  segmentId?: string | null;

  /** 主要产品 */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @Nullable()
  mainProducts?: string | null;

  /** 重点企业 */
  @IsOptional()
  @IsBoolean()
  keyEnterprise?: boolean;

  /** First day on the chain, YYYY-MM-DD (defaults to today in Beijing; not after today). Chain figures of earlier days do not count the member */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'joinedOn 应为日期 YYYY-MM-DD' })
  joinedOn?: string;
}

export class ChainMemberDto {
  id: string;
  chainId: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  segmentId: string | null;
  segmentCode: string | null;
  segmentName: string | null;
  @ApiProperty({ enum: ChainStage, enumName: 'ChainStage', nullable: true })
  stage: ChainStage | null;
  stageLabel: string | null;
  mainProducts: string | null;
  /** First day on the chain (null: before memberships were dated) */
  joinedOn: string | null;
  keyEnterprise: boolean;
  version: number;
  createdAt: Date;
}

/** One spell of an enterprise on a chain, current or past */
export class EnterpriseChainMembershipDto {
  id: string;
  chainId: string;
  chainName: string;
  segmentId: string | null;
  segmentName: string | null;
  @ApiProperty({ enum: ChainStage, enumName: 'ChainStage', nullable: true })
  stage: ChainStage | null;
  stageLabel: string | null;
  mainProducts: string | null;
  /** First day on the chain (null: before memberships were dated) */
  joinedOn: string | null;
  /** The day it left the chain (exclusive); null = still a member */
  leftOn: string | null;
  /** 重点企业 */
  keyEnterprise: boolean;
  active: boolean;
}
