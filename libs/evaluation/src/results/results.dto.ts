import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsUUID, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import { PageQueryDto } from '@app/core';

import { EvaluationClass, EvaluationStatus, ExclusionReason, IndicatorKind, ObjectionStatus, PopulationKind, ResponseKind } from '../evaluation-enums';

export class YearParamDto {
  @Type(() => Number)
  @IsInt({ message: 'year 应为年份,如 2023 (year must be an integer)' })
  @Min(2000)
  @Max(2100)
  year: number;
}

export class YearEnterpriseParamDto extends YearParamDto {
  @IsUUID('all', { message: 'id 应为企业 ID(uuid)' })
  id: string;
}

export class ListResultsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PopulationKind, enumName: 'PopulationKind' })
  @IsOptional()
  @IsEnum(PopulationKind)
  population?: PopulationKind;

  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass' })
  @IsOptional()
  @IsEnum(EvaluationClass)
  class?: EvaluationClass;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位区县代码 (six digits)' })
  districtCode?: string;

  /** true: only firms not evaluated (with the reason); false: only evaluated firms */
  @IsOptional()
  @Matches(/^(true|false)$/, { message: 'excluded 应为 true 或 false' })
  excluded?: string;

  /** Part of the name or credit code */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class ExportResultsQueryDto extends ListResultsQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'] })
  @IsOptional()
  @Matches(/^(csv|xlsx)$/, { message: 'format 只能是 csv 或 xlsx' })
  format?: 'csv' | 'xlsx';
}

export class ResultItemDto {
  enterpriseId: string;
  creditCode: string;
  name: string;
  districtCode: string;
  districtName: string | null;
  @ApiPropertyOptional({ enum: PopulationKind, enumName: 'PopulationKind', nullable: true })
  population: PopulationKind | null;
  landMu: number | null;
  taxPerMu: number | null;
  score: number | null;
  rank: number | null;
  populationSize: number | null;
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass', nullable: true })
  computedClass: EvaluationClass | null;
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass', nullable: true })
  finalClass: EvaluationClass | null;
  @ApiPropertyOptional({ enum: ExclusionReason, enumName: 'ExclusionReason', nullable: true })
  exclusionReason: ExclusionReason | null;
}

export class SheetTermDto {
  @ApiProperty({ enum: IndicatorKind, enumName: 'IndicatorKind' })
  indicator: IndicatorKind;
  unit: string;
  value: number | null;
  benchmark: number | null;
  weight: number;
  cap: number;
  term: number | null;
}

export class SheetResponseDto {
  id: string;
  @ApiProperty({ enum: ResponseKind, enumName: 'ResponseKind' })
  kind: ResponseKind;
  reason: string | null;
  evidence: string[];
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass', nullable: true })
  requestedClass: EvaluationClass | null;
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass', nullable: true })
  classBefore: EvaluationClass | null;
  @ApiProperty({ enum: ObjectionStatus, enumName: 'ObjectionStatus' })
  status: ObjectionStatus;
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass', nullable: true })
  decidedClass: EvaluationClass | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  submittedBy: string;
  createdAt: Date;
  version: number;
}

export class SheetInputsDto {
  ownedMu: number | null;
  leasedMu: number | null;
  evaluationTaxYuan: number | null;
  valueAddedYuan: number | null;
  energyTce: number | null;
  emissionsTonnes: number | null;
  electricityKwh: number | null;
  rdSpendYuan: number | null;
  mainRevenueYuan: number | null;
  averageEmployees: number | null;
}

/** 一企一单: one firm's sheet of a year */
export class SheetDto extends ResultItemDto {
  year: number;
  @ApiProperty({ enum: EvaluationStatus, enumName: 'EvaluationStatus' })
  status: EvaluationStatus;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  inputs: SheetInputsDto;
  terms: SheetTermDto[];
  responses: SheetResponseDto[];
}

export class DistributionRowDto {
  districtCode: string;
  districtName: string | null;
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass', nullable: true })
  class: EvaluationClass | null;
  @ApiPropertyOptional({ enum: PopulationKind, enumName: 'PopulationKind', nullable: true })
  population: PopulationKind | null;
  count: number;
}

export class EvaluationOverviewDto {
  year: number;
  @ApiProperty({ enum: EvaluationStatus, enumName: 'EvaluationStatus' })
  status: EvaluationStatus;
  computedAt: Date;
  computedBy: string;
  resultCount: number;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  frozenAt: Date | null;
  frozenBy: string | null;
  pendingObjections: number;
  version: number;
  /** Counts by district × final class × population, in the caller's scope; class null = not evaluated */
  distribution: DistributionRowDto[];
}

/** A firm of a class, for other libs (remediation opens cases from these) */
export interface ClassMember {
  enterpriseId: string;
  creditCode: string;
  name: string;
  districtCode: string;
  population: PopulationKind;
  score: number;
  rank: number;
  finalClass: EvaluationClass;
}

export class EvaluationYearDto {
  year: number;
  @ApiProperty({ enum: EvaluationStatus, enumName: 'EvaluationStatus' })
  status: EvaluationStatus;
  computedAt: Date;
}
