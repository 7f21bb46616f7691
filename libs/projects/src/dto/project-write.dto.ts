import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { Nullable } from '@app/core';

import { ProjectKind, ProjectStage } from '../project-enums';

const MONEY = { maxDecimalPlaces: 2 } as const;
const DATE = (field: string) => ({ message: `${field} 应为日期 YYYY-MM-DD` });

export class CreateProjectDto {
  /** 项目名称 */
  @IsString() @IsNotEmpty({ message: 'name 必填:项目名称' }) @MaxLength(200)
  name: string;

  /** 项目代码 (GB/T 40058-2021, 24 位, 如 2022-330211-34-03-000015); optional */
  @IsOptional() @IsString() @MaxLength(40) @Nullable()
  projectCode?: string | null;

  /** The enterprise carrying out the project */
  @IsUUID('4', { message: 'enterpriseId 应为企业 id' })
  enterpriseId: string;

  /** 项目所在区县 (defaults to the enterprise's district) */
  @IsOptional() @IsString() @MaxLength(12)
  districtCode?: string;

  /** 所属产业链 */
  @IsOptional() @IsUUID('4') @Nullable()
  chainId?: string | null;

  @IsEnum(ProjectKind)
  kind: ProjectKind;

  /** 专项 codes (GET /projects/programmes), e.g. ["SHUANGBAI"] */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true })
  programmeCodes?: string[];

  /** 计划年度 */
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  planYear: number;

  /** 计划总投资(元) */
  @Type(() => Number) @IsNumber(MONEY) @Min(0)
  plannedTotalYuan: number;

  /** 年度计划投资(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  plannedYearYuan?: number | null;

  /** 其中设备投资(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  plannedEquipmentYuan?: number | null;

  /** 其中软件投资(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  plannedSoftwareYuan?: number | null;

  @IsOptional() @IsDateString({ strict: true }, DATE('plannedStartOn')) @Nullable()
  plannedStartOn?: string | null;

  @IsOptional() @IsDateString({ strict: true }, DATE('plannedCompletionOn')) @Nullable()
  plannedCompletionOn?: string | null;

  @IsOptional() @IsDateString({ strict: true }, DATE('actualStartOn')) @Nullable()
  actualStartOn?: string | null;

  @IsOptional() @IsDateString({ strict: true }, DATE('actualCompletionOn')) @Nullable()
  actualCompletionOn?: string | null;

  /** Initial stage (default PLANNING 谋划) */
  @IsOptional() @IsEnum(ProjectStage)
  stage?: ProjectStage;

  /** Day the project entered the register (default today; not after today) */
  @IsOptional() @IsDateString({ strict: true }, DATE('registeredOn'))
  registeredOn?: string;

  @IsOptional() @IsString() @MaxLength(2000) @Nullable()
  note?: string | null;
}

export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['stage', 'registeredOn', 'enterpriseId'] as const)) {
  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt() @Min(1)
  version: number;

  /** Day the change takes effect for quota counts (default today; not after today, not before the last change) */
  @IsOptional() @IsDateString({ strict: true }, DATE('effectiveOn'))
  effectiveOn?: string;
}

export class TransitionProjectStageDto {
  @IsEnum(ProjectStage)
  toStage: ProjectStage;

  /** Default today; not after today, not before the last stage change */
  @IsOptional() @IsDateString({ strict: true }, DATE('effectiveOn'))
  effectiveOn?: string;

  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;

  @IsInt() @Min(1)
  version: number;
}

export class CreateProgressDto {
  /** 月份 YYYY-MM */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month 应为月份 YYYY-MM' })
  month: string;

  /** 截至月末累计完成投资(元) */
  @Type(() => Number) @IsNumber(MONEY) @Min(0)
  cumulativeYuan: number;

  /** 填报日期 (default today; not after today, not before the month began) */
  @IsOptional() @IsDateString({ strict: true }, DATE('reportedOn'))
  reportedOn?: string;

  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

export class ReviewProgressDto {
  /** Required for a rejection */
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;

  @IsInt() @Min(1)
  version: number;
}
