import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

import { Nullable } from '@app/core';

import { EnterpriseFigureEntity } from '../entities/enterprise-figure.entity';

const MONEY = { maxDecimalPlaces: 2 } as const;

/** Figures for one period; money in yuan (元), energy in tonnes of standard coal. */
export class PutFiguresDto {
  /** 营业收入(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  operatingRevenueYuan?: number | null;

  /** 工业总产值(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  industrialOutputYuan?: number | null;

  /** 实缴税金(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  taxPaidYuan?: number | null;

  /** 研发投入(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Min(0) @Nullable()
  rdSpendYuan?: number | null;

  /** 工业增加值(元) */
  @IsOptional() @Type(() => Number) @IsNumber(MONEY) @Nullable()
  valueAddedYuan?: number | null;

  /** 从业人员(人) */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Nullable()
  employees?: number | null;

  /** 综合能耗(吨标准煤) */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 3 }) @Min(0) @Nullable()
  energyUseTce?: number | null;

  /** Required when figures for this period exist: the version you read */
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class FiguresPeriodQueryDto {
  /** 1–4 for a quarter; omit for the whole year */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4)
  quarter?: number;
}

const num = (value: string | null) => (value === null ? null : Number(value));

export class FiguresDto {
  enterpriseId: string;
  year: number;
  /** null for the whole year */
  quarter: number | null;
  operatingRevenueYuan: number | null;
  industrialOutputYuan: number | null;
  taxPaidYuan: number | null;
  rdSpendYuan: number | null;
  valueAddedYuan: number | null;
  employees: number | null;
  energyUseTce: number | null;
  /** 亩均税收(元/亩): tax paid ÷ the enterprise's land area; null when either is unknown */
  taxPerMuYuan: number | null;
  version: number;
  updatedAt: Date;

  static from(f: EnterpriseFigureEntity, landAreaMu: string | null): FiguresDto {
    const land = num(landAreaMu);
    const tax = num(f.taxPaidYuan);
    return {
      enterpriseId: f.enterpriseId,
      year: f.year,
      quarter: f.quarter === 0 ? null : f.quarter,
      operatingRevenueYuan: num(f.operatingRevenueYuan),
      industrialOutputYuan: num(f.industrialOutputYuan),
      taxPaidYuan: tax,
      rdSpendYuan: num(f.rdSpendYuan),
      valueAddedYuan: num(f.valueAddedYuan),
      employees: f.employees,
      energyUseTce: num(f.energyUseTce),
      taxPerMuYuan: tax !== null && land ? Math.round((tax / land) * 100) / 100 : null,
      version: f.version,
      updatedAt: f.updatedAt,
    };
  }
}
