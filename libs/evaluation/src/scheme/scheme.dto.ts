import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsNumber, IsOptional, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { BenchmarkRule, EvaluationClass, IndicatorKind, PopulationKind } from '../evaluation-enums';

export class SchemeIndicatorDto {
  @ApiProperty({ enum: IndicatorKind, enumName: 'IndicatorKind' })
  @IsEnum(IndicatorKind)
  indicator: IndicatorKind;

  /** Points the term gives at the benchmark */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  weight: number;

  /** Most points the term may give (e.g. 1.5 × weight) */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  cap: number;

  @ApiProperty({ enum: BenchmarkRule, enumName: 'BenchmarkRule' })
  @IsEnum(BenchmarkRule)
  benchmarkRule: BenchmarkRule;

  /** The benchmark in the indicator's unit; only for FIXED */
  @IsOptional()
  @IsNumber()
  @Min(0)
  benchmarkValue?: number | null;
}

export class SchemePopulationDto {
  @ApiProperty({ enum: PopulationKind, enumName: 'PopulationKind' })
  @IsEnum(PopulationKind)
  kind: PopulationKind;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SchemeIndicatorDto)
  indicators: SchemeIndicatorDto[];
}

export class SchemeClassBandDto {
  @ApiProperty({ enum: EvaluationClass, enumName: 'EvaluationClass' })
  @IsEnum(EvaluationClass)
  class: EvaluationClass;

  /** Upper bound of rank ÷ population size, e.g. 0.2 for the top 20 %; the last band is 1 */
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  upToShare: number;
}

/** A year's scheme as a whole; send the `version` you read when replacing an existing one. */
export class PutSchemeDto {
  @IsString()
  @MaxLength(200)
  name: string;

  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10000)
  smallLandThresholdMu: number;

  @IsInt()
  @Min(0)
  @Max(50)
  minFirmAgeYears: number;

  @IsInt()
  @Min(0)
  @Max(50)
  minLandInUseYears: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SchemePopulationDto)
  populations: SchemePopulationDto[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SchemeClassBandDto)
  classBands: SchemeClassBandDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  /** The version you read; leave out only when creating the year's scheme */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class SchemeDto extends PutSchemeDto {
  year: number;
  declare version: number;
  /** Whether the year's results are frozen (then the scheme can no longer change) */
  frozen: boolean;
}
