import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsDateString, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { CarrierKind, DesignationLevel, HolderKind } from '@app/core';

/** A recognition type of the catalogue, with its Chinese labels. */
export class RecognitionTypeDto {
  id: string;
  code: string;
  name: string;
  @ApiProperty({ enum: DesignationLevel, enumName: 'DesignationLevel', isArray: true })
  levels: DesignationLevel[];
  /** Chinese names of the levels, in the same order */
  levelLabels: string[];
  /** Years a recognition lasts before re-review; null: no expiry */
  validityYears: number | null;
  issuingBody: string | null;
  @ApiProperty({ enum: HolderKind, enumName: 'HolderKind' })
  holderKind: HolderKind;
  holderKindLabel: string;
  @ApiProperty({ enum: CarrierKind, enumName: 'CarrierKind', nullable: true })
  carrierKind: CarrierKind | null;
  namesChain: boolean;
  namesProduct: boolean;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  sortOrder: number;
  version: number;
}

export class CreateRecognitionTypeDto {
  /** Upper snake case, e.g. GREEN_SUPPLY_CHAIN; fixed once created */
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,29}$/, { message: 'code 应为 2–30 位大写字母、数字或下划线,以字母开头' })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name: string;

  @ApiProperty({ enum: DesignationLevel, enumName: 'DesignationLevel', isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'levels 至少一个级别' })
  @IsEnum(DesignationLevel, { each: true, message: 'levels 只能是 DesignationLevel 的值' })
  levels: DesignationLevel[];

  /** Years before re-review; omit or null for no expiry */
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  validityYears?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuingBody?: string;

  @ApiProperty({ enum: HolderKind, enumName: 'HolderKind' })
  @IsIn(Object.values(HolderKind), { message: 'holderKind 只能是 ENTERPRISE 或 CARRIER' })
  holderKind: HolderKind;

  /** Required for a carrier-held type: the kind of carrier that holds it */
  @ApiPropertyOptional({ enum: CarrierKind, enumName: 'CarrierKind' })
  @IsOptional()
  @IsEnum(CarrierKind)
  carrierKind?: CarrierKind;

  @IsOptional()
  @IsBoolean()
  namesProduct?: boolean;

  /** First day a recognition of the type may take effect */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveFrom 应为日期 YYYY-MM-DD' })
  effectiveFrom?: string;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveTo 应为日期 YYYY-MM-DD' })
  effectiveTo?: string;

  @IsOptional()
  @IsInt()
  sortOrder?: number;
}

/** The code and the holder stay: recognitions already recorded name them. */
export class UpdateRecognitionTypeDto extends PartialType(OmitType(CreateRecognitionTypeDto, ['code', 'holderKind', 'carrierKind'] as const)) {
  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}
