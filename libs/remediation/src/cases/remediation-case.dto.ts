import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { PageQueryDto } from '@app/core';

import { RemediationCategory, RemediationOutcome, RemediationSourceKind, RemediationStatus } from '../remediation-enums';

/** The source and plan fields every way of opening a case shares. */
export class CaseSourceDto {
  @IsEnum(RemediationSourceKind, { message: 'sourceKind 应为 EVALUATION_D / SURVEY / DEPARTMENT_REFERRAL / OTHER' })
  sourceKind: RemediationSourceKind;

  /** The source's year, e.g. 2022 for 2022 年亩均评价 D 类 (required with EVALUATION_D) */
  @IsOptional()
  @IsInt({ message: 'sourceYear 应为年份' })
  @Min(2000)
  @Max(2100)
  sourceYear?: number;

  /** 来源说明 */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceNote?: string;

  /** 整治方案 */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  plan?: string;

  /** 整治措施 */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  measures?: string;

  /** 责任单位 */
  @IsString()
  @IsNotEmpty({ message: 'responsibleUnit 必填,请填写责任单位' })
  @MaxLength(200)
  responsibleUnit: string;

  /** 整治期限 */
  @IsDateString({ strict: true }, { message: 'deadline 应为日期 YYYY-MM-DD' })
  deadline: string;

  /** 立案日期 (defaults to today; not after today) */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'openedOn 应为日期 YYYY-MM-DD' })
  openedOn?: string;
}

export class CreateRemediationCaseDto extends CaseSourceDto {
  @IsEnum(RemediationCategory, { message: 'category 应为 HIGH_ENERGY_LOW_EFFICIENCY / SCATTERED_WEAK / EVALUATION_D_CLASS / LOW_EFFICIENCY_BLOCK' })
  category: RemediationCategory;

  /** The enterprise (every category but LOW_EFFICIENCY_BLOCK) */
  @IsOptional()
  @IsUUID('all', { message: 'enterpriseId 应为企业 id' })
  enterpriseId?: string;

  /** The land block (LOW_EFFICIENCY_BLOCK only) */
  @IsOptional()
  @IsUUID('all', { message: 'blockId 应为区块 id' })
  blockId?: string;
}

/** Plan fields only: subject and category never change, the status moves through transitions. */
export class UpdateRemediationCaseDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceNote?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  plan?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  measures?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'responsibleUnit 不能为空' })
  @MaxLength(200)
  responsibleUnit?: string;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'deadline 应为日期 YYYY-MM-DD' })
  deadline?: string;

  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}

export class TransitionRemediationCaseDto {
  @IsEnum(RemediationStatus, { message: 'toStatus 应为 OPEN / IN_PROGRESS / CLOSED / CANCELLED' })
  toStatus: RemediationStatus;

  /** Day the change takes effect — for CLOSED the closing date (defaults to today; not after today, not before the last change) */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveOn 应为日期 YYYY-MM-DD' })
  effectiveOn?: string;

  /** Required with CLOSED: 提升达标 / 兼并重组 / 关停淘汰 / 腾退 */
  @IsOptional()
  @IsEnum(RemediationOutcome, { message: 'outcome 应为 UPGRADED / MERGED / SHUT_DOWN / VACATED' })
  outcome?: RemediationOutcome;

  /** Required with CLOSED: 销号佐证材料 (文号、验收意见…) */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  evidence?: string;

  /** Why (kept in the history) */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}

export class BulkOpenCasesDto extends CaseSourceDto {
  /** HIGH_ENERGY_LOW_EFFICIENCY, SCATTERED_WEAK or EVALUATION_D_CLASS (blocks are opened one by one) */
  @IsEnum(RemediationCategory, { message: 'category 应为 HIGH_ENERGY_LOW_EFFICIENCY / SCATTERED_WEAK / EVALUATION_D_CLASS' })
  category: RemediationCategory;

  /** Enterprise ids or 统一社会信用代码, one per firm (at most 2,000) */
  @IsArray()
  @ArrayMinSize(1, { message: 'enterprises 至少填写一家企业' })
  @ArrayMaxSize(2000, { message: 'enterprises 一次最多 2000 家' })
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  enterprises: string[];
}

export class BulkOpenResultDto {
  /** Cases opened, one per firm */
  opened: number;
  /** Ids of the new cases */
  caseIds: string[];
  /** Firms skipped because they already have an open case of this category */
  skipped: BulkSkippedDto[];
}

export class BulkSkippedDto {
  enterpriseId: string;
  creditCode: string;
  name: string;
  /** The open case it already has */
  existingCaseId: string;
}

export class ListRemediationCasesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(RemediationCategory)
  category?: RemediationCategory;

  @IsOptional()
  @IsEnum(RemediationStatus)
  status?: RemediationStatus;

  /** The subject's district (an enterprise's current district, a block's district) */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位区县代码' })
  districtCode?: string;

  /** true: only open cases past their deadline */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue 应为 true 或 false' })
  overdue?: boolean;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @IsUUID()
  blockId?: string;

  /** Part of the subject's name or credit code */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RemediationCaseEventDto {
  fromStatus: RemediationStatus | null;
  toStatus: RemediationStatus;
  toStatusLabel: string;
  effectiveOn: string;
  outcome: RemediationOutcome | null;
  note: string | null;
  actorUsername: string | null;
  /** When it was recorded */
  at: string;
}

export class RemediationCaseDto {
  id: string;
  category: RemediationCategory;
  categoryLabel: string;
  /** ENTERPRISE or LAND_BLOCK */
  @ApiProperty({ enum: ['ENTERPRISE', 'LAND_BLOCK'] })
  subjectKind: 'ENTERPRISE' | 'LAND_BLOCK';
  enterpriseId: string | null;
  creditCode: string | null;
  blockId: string | null;
  /** 企业名称 or 区块名称 */
  subjectName: string;
  districtCode: string;
  districtName: string;
  sourceKind: RemediationSourceKind;
  sourceKindLabel: string;
  sourceYear: number | null;
  sourceNote: string | null;
  responsibleUnit: string;
  deadline: string;
  openedOn: string;
  status: RemediationStatus;
  statusLabel: string;
  /** Open and past its deadline (Beijing today) */
  overdue: boolean;
  outcome: RemediationOutcome | null;
  outcomeLabel: string | null;
  closedOn: string | null;
  version: number;
}

export class RemediationCaseDetailDto extends RemediationCaseDto {
  plan: string | null;
  measures: string | null;
  evidence: string | null;
  /** Legal next states */
  allowedTransitions: RemediationStatus[];
  events: RemediationCaseEventDto[];
}

/** Export format */
export class RemediationExportQueryDto extends ListRemediationCasesQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'] })
  @IsOptional()
  @Matches(/^(csv|xlsx)$/, { message: 'format 应为 csv 或 xlsx' })
  format?: 'csv' | 'xlsx';
}
