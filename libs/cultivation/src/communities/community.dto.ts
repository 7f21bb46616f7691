import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

import { CommunityRole, CommunityStatus, PageQueryDto } from '@app/core';

const DATE = { message: '应为日期 YYYY-MM-DD' };

export class CreateCommunityDto {
  /** e.g. 稀土磁性材料产业链上下游企业共同体 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsUUID()
  chainId: string;

  /** Must hold a live (RECOGNISED / UNDER_REVIEW) 链主 designation on this chain */
  @IsUUID()
  leadEnterpriseId: string;

  /** PLANNED (default) or FORMED */
  @IsOptional()
  @IsEnum(CommunityStatus)
  @ApiPropertyOptional({ enum: CommunityStatus, enumName: 'CommunityStatus' })
  status?: CommunityStatus;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  plannedOn?: string;

  /** 组建日期; required when status is FORMED */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  formedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

export class UpdateCommunityDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsUUID()
  leadEnterpriseId?: string;

  /** PLANNED → FORMED | DISSOLVED, FORMED → DISSOLVED */
  @IsOptional()
  @IsEnum(CommunityStatus)
  @ApiPropertyOptional({ enum: CommunityStatus, enumName: 'CommunityStatus' })
  status?: CommunityStatus;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  plannedOn?: string;

  /** Defaults to today when moving to FORMED */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  formedOn?: string;

  /** Defaults to today when moving to DISSOLVED */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  dissolvedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}

export class ListCommunitiesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsEnum(CommunityStatus)
  @ApiPropertyOptional({ enum: CommunityStatus, enumName: 'CommunityStatus' })
  status?: CommunityStatus;
}

export class AddCommunityMemberDto {
  @IsUUID()
  enterpriseId: string;

  @IsEnum(CommunityRole)
  @ApiProperty({ enum: CommunityRole, enumName: 'CommunityRole' })
  role: CommunityRole;

  /** Defaults to today */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  joinedOn?: string;
}

export class LeaveCommunityDto {
  /** Defaults to today; not before joinedOn */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  leftOn?: string;
}

export class CommunityMemberDto {
  id: string;
  communityId: string;
  enterpriseId: string;
  enterpriseName: string;
  @ApiProperty({ enum: CommunityRole, enumName: 'CommunityRole' })
  role: CommunityRole;
  roleLabel: string;
  joinedOn: string;
  /** Set when the member left; a rejoin is a new row */
  leftOn: string | null;
  active: boolean;
}

export class CommunityDto {
  id: string;
  name: string;
  chainId: string;
  chainName: string;
  leadEnterpriseId: string;
  leadEnterpriseName: string;
  @ApiProperty({ enum: CommunityStatus, enumName: 'CommunityStatus' })
  status: CommunityStatus;
  statusLabel: string;
  plannedOn: string | null;
  formedOn: string | null;
  dissolvedOn: string | null;
  description: string;
  /** Members currently in (leftOn not set) */
  activeMemberCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class CommunityDetailDto extends CommunityDto {
  /** All membership spells, current and past */
  members: CommunityMemberDto[];
}

/** One membership spell of an enterprise in a community (any role), with the community it belongs to */
export class EnterpriseCommunityDto extends CommunityMemberDto {
  communityName: string;
  chainId: string;
  chainName: string;
  @ApiProperty({ enum: CommunityStatus, enumName: 'CommunityStatus' })
  communityStatus: CommunityStatus;
  communityStatusLabel: string;
}
