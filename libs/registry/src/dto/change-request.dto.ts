import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

import { PageQueryDto } from '@app/core';

import { ChangeRequestKind, ChangeRequestStatus } from '../change-requests/change-request-status';
import { EnterpriseFieldsDto } from './enterprise-fields.dto';
import { PutFiguresDto } from './figures.dto';

/**
 * Profile fields a liaison proposes. Every enterprise field is accepted by validation so that a
 * field a liaison may not change is answered 403 FIELD_NOT_ALLOWED naming it, not 400 "unknown".
 */
export class ProposedProfileDto extends EnterpriseFieldsDto {
  /** Not allowed for liaisons (403 FIELD_NOT_ALLOWED) */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  creditCode?: string;

  /** Not allowed for liaisons (403 FIELD_NOT_ALLOWED) */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  creditCodeOverrideReason?: string;

  /** Not allowed for liaisons (403 FIELD_NOT_ALLOWED) */
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

/** One period's figures as proposed; replaces the whole period like PUT figures. */
export class ProposedFiguresDto extends OmitType(PutFiguresDto, ['version'] as const) {
  @IsInt()
  @Min(1949)
  @Max(2100)
  year: number;

  /** 1–4 for a quarter; omit for the whole year */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;
}

export class SubmitChangeRequestDto {
  /**
   * The version you read: the enterprise's `version` for profile changes (required), the period's
   * figures `version` for figures (omit when the period has no figures yet). Stale → 409.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  /** Profile changes (exactly one of profile and figures) */
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposedProfileDto)
  profile?: ProposedProfileDto;

  /** Figures for one period (exactly one of profile and figures) */
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposedFiguresDto)
  figures?: ProposedFiguresDto;

  /** A note for the reviewer, e.g. where the new figures come from */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RejectChangeRequestDto {
  /** Why the change is rejected; shown to the liaison */
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}

export class ListChangeRequestsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(ChangeRequestStatus)
  @ApiPropertyOptional({ enum: ChangeRequestStatus, enumName: 'ChangeRequestStatus' })
  status?: ChangeRequestStatus;

  @IsOptional()
  @IsEnum(ChangeRequestKind)
  @ApiPropertyOptional({ enum: ChangeRequestKind, enumName: 'ChangeRequestKind' })
  kind?: ChangeRequestKind;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode?: string;
}

export class ChangeRequestDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  districtCode: string;
  @ApiProperty({ enum: ChangeRequestKind, enumName: 'ChangeRequestKind' })
  kind: ChangeRequestKind;
  /** Chinese label of the kind */
  kindLabel: string;
  @ApiProperty({ enum: ChangeRequestStatus, enumName: 'ChangeRequestStatus' })
  status: ChangeRequestStatus;
  /** Chinese label of the status */
  statusLabel: string;
  year: number | null;
  /** null for the whole year */
  quarter: number | null;
  baseVersion: number | null;
  /** Proposed values awaiting (or after) review */
  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, unknown>;
  /** Values at the base version of every field touched */
  @ApiProperty({ type: 'object', additionalProperties: true })
  previous: Record<string, unknown>;
  /** Low-risk fields applied at submission */
  @ApiProperty({ type: 'object', additionalProperties: true })
  appliedAtOnce: Record<string, unknown>;
  note: string | null;
  submittedByUsername: string;
  reviewedByUsername: string | null;
  /** The reviewer's display name (null: not reviewed, or the user has no display name) */
  reviewedByName: string | null;
  reviewedAt: Date | null;
  decisionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}
