import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { FigureMetric, MeasureKind, QuotaDirection } from '../quota-enums';
import type { MeasureParams } from '../quota-enums';

// MeasureParams is an interface, which the Swagger plugin cannot see into: its schema, said once.
const MEASURE_PARAMS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    designationType: { type: 'string' },
    designationLevel: { type: 'string' },
    designationTypes: { type: 'array', items: { type: 'string' }, description: 'Designation measures: any of these recognition types (catalogue codes)' },
    minLevel: { type: 'string', description: 'Designation measures: this level or higher, e.g. MUNICIPAL for 市级以上' },
    holderKind: { type: 'string', enum: ['ENTERPRISE', 'CARRIER'], description: 'Designation measures: count enterprises (default) or carriers' },
    metric: { type: 'string', enum: Object.values(FigureMetric) },
    thresholdYuan: { type: 'string', description: 'NEW_AT_SCALE_TIER: the tier in yuan, e.g. "10000000000" for 百亿' },
    thresholdYuanPerMu: { type: 'number', description: 'TAX_PER_MU_BELOW: tax per mu threshold in yuan, e.g. 10000' },
    programme: { type: 'string', description: 'PROJECT_COUNT / PROJECT_INVESTMENT: programme code, e.g. "SHUANGBAI"' },
    investmentBasis: { type: 'string', enum: ['PLANNED_TOTAL', 'PLANNED_YEAR', 'COMPLETED'], description: 'PROJECT_INVESTMENT: what is summed' },
    unitYuan: { type: 'string', description: 'PROJECT_INVESTMENT: yuan per unit of the line, e.g. "100000000" for 亿元' },
  },
};

export class SplitInputDto {
  /** GB/T 2260 district code; give this or chainId */
  @IsOptional() @IsString() @MaxLength(20)
  districtCode?: string;

  /** Chain id; give this or districtCode */
  @IsOptional() @IsUUID()
  chainId?: string;

  @Type(() => Number) @IsNumber() @Min(0)
  target: number;
}

export class CreateQuotaLineDto {
  /** Stable code within the plan, upper case, e.g. NEW_LITTLE_GIANTS */
  @Matches(/^[A-Z][A-Z0-9_]{1,59}$/, { message: 'code 须为大写字母、数字和下划线 (upper-case letters, digits, _)' })
  code: string;

  @IsString() @Length(1, 200)
  label: string;

  @IsString() @Length(1, 20)
  unit: string;

  /** 链式培育 / 企业梯队 / 数字化 / 绿色 / 投资 / 亩均效益 … */
  @IsString() @Length(1, 40)
  group: string;

  @Type(() => Number) @IsNumber()
  target: number;

  @IsOptional() @IsEnum(QuotaDirection)
  direction?: QuotaDirection;

  @IsEnum(MeasureKind)
  measureKind: MeasureKind;

  /** designationType, designationLevel, metric, thresholdYuan, thresholdYuanPerMu — as the kind needs */
  @ApiPropertyOptional(MEASURE_PARAMS_SCHEMA)
  @IsOptional() @IsObject()
  measureParams?: MeasureParams;

  @IsOptional() @Type(() => Number) @IsInt()
  sortOrder?: number;

  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SplitInputDto)
  splits?: SplitInputDto[];
}

export class UpdateQuotaLineDto {
  @IsOptional() @IsString() @Length(1, 200)
  label?: string;

  @IsOptional() @Type(() => Number) @IsNumber()
  target?: number;

  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;

  /** Replaces all splits of the line when given */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SplitInputDto)
  splits?: SplitInputDto[];

  /** The version read */
  @IsInt() @Min(1)
  version: number;
}

export class CreateQuotaPlanDto {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @IsString() @Length(1, 200)
  title: string;

  @IsOptional() @IsString() @MaxLength(2000)
  sourceDocument?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CreateQuotaLineDto)
  lines?: CreateQuotaLineDto[];
}

export class SplitDto {
  districtCode: string | null;
  chainId: string | null;
  target: number;
}

export class QuotaLineDto {
  id: string;
  code: string;
  label: string;
  unit: string;
  group: string;
  target: number;
  direction: QuotaDirection;
  directionLabel: string;
  measureKind: MeasureKind;
  measureKindLabel: string;
  @ApiProperty(MEASURE_PARAMS_SCHEMA)
  measureParams: MeasureParams;
  sortOrder: number;
  note: string;
  splits: SplitDto[];
  version: number;
}

export class QuotaPlanSummaryDto {
  id: string;
  year: number;
  title: string;
  sourceDocument: string;
  version: number;
  lineCount: number;
}

export class QuotaPlanDto {
  id: string;
  year: number;
  title: string;
  sourceDocument: string;
  version: number;
  lines: QuotaLineDto[];
}
