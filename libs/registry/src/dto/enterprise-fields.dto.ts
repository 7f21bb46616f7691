import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { Nullable } from '@app/core';

import { EnterpriseStatus } from '../entities/enterprise-status';

export const INDUSTRY_CODE_PATTERN = /^([A-T]|\d{2,4})$/;

/** Profile fields shared by create and update; all optional here, create makes some required. */
export class EnterpriseFieldsDto {
  /** 企业名称(全称) */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  /** 简称 */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Nullable()
  shortName?: string | null;

  /** 曾用名 */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  formerNames?: string[];

  /** GB/T 2260 code of the district or county (所属区县) */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码 (6-digit GB/T 2260 code)' })
  districtCode?: string;

  /** Functional zone code (功能区), e.g. ZONE-GXQ */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @Nullable()
  functionalZoneCode?: string | null;

  /** GB/T 4754-2017 industry code at any level: section letter, 2-, 3- or 4-digit code */
  @IsOptional()
  @Matches(INDUSTRY_CODE_PATTERN, { message: 'industryCode 应为国民经济行业分类代码,如 C、34、341、3411 (GB/T 4754 code)' })
  industryCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Nullable()
  address?: string | null;

  /** 法定代表人 */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Nullable()
  legalRepresentative?: string | null;

  /** 成立日期 YYYY-MM-DD */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'foundedOn 应为日期 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'foundedOn 应为日期 YYYY-MM-DD' })
  @Nullable()
  foundedOn?: string | null;

  /** 注册资本(元) */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Nullable()
  registeredCapitalYuan?: number | null;

  @IsOptional()
  @IsEnum(EnterpriseStatus)
  @ApiPropertyOptional({ enum: EnterpriseStatus, enumName: 'EnterpriseStatus' })
  status?: EnterpriseStatus;

  /** 规上企业 */
  @IsOptional()
  @IsBoolean()
  aboveScale?: boolean;

  /** 股票代码, e.g. 601018.SH */
  @IsOptional()
  @Matches(/^[0-9A-Z]{4,8}\.(SH|SZ|BJ|HK|US|[A-Z]{1,4})$/, { message: 'stockCode 形如 601018.SH' })
  @Nullable()
  stockCode?: string | null;

  /** 用地面积(亩) */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Nullable()
  landAreaMu?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Nullable()
  contactPerson?: string | null;

  @IsOptional()
  @Matches(/^[0-9+\-() ]{5,30}$/, { message: 'contactPhone 只能包含数字、+、-、括号和空格' })
  @Nullable()
  contactPhone?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'contactEmail 不是有效的邮箱地址' })
  @MaxLength(100)
  @Nullable()
  contactEmail?: string | null;
}
