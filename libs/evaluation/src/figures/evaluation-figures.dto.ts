import { Type } from 'class-transformer';
import { IsDateString, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { Nullable } from '@app/core';

import { LandTenure } from '../evaluation-enums';

/** One land row of a firm and year, as imported (亩). */
export class LandUseRowDto {
  @IsEnum(LandTenure, { message: '用地类型应为“自有用地”或“租赁用地” (OWNED or LEASED)' })
  tenure: LandTenure;

  @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1e8)
  areaMu: number;

  @IsOptional() @IsDateString({ strict: true }) @Nullable()
  inUseSince?: string | null;

  @IsOptional() @IsString() @MaxLength(100) @Nullable()
  verifiedBy?: string | null;

  @IsOptional() @IsDateString({ strict: true }) @Nullable()
  verifiedOn?: string | null;

  @IsOptional() @IsString() @MaxLength(100) @Nullable()
  source?: string | null;
}

/** The evaluation's own yearly figures, as imported. */
export class EvaluationFiguresRowDto {
  /** 评价税收(元) */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Nullable()
  evaluationTaxYuan?: number | null;

  /** 用电量(千瓦时) */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Nullable()
  electricityKwh?: number | null;

  /** 主要污染物排放当量(吨) */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 3 }) @Min(0) @Nullable()
  emissionsTonnes?: number | null;

  /** 主营业务收入(元) */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Nullable()
  mainRevenueYuan?: number | null;

  /** 年平均职工人数 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Nullable()
  averageEmployees?: number | null;
}
