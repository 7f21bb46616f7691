import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

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
  keyEnterprise: boolean;
  version: number;
  createdAt: Date;
}
