import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { Nullable } from '@app/core';
import { ChainStage } from '@app/reference';

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
