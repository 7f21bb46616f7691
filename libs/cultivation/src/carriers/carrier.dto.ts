import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

import { CarrierKind, PageQueryDto } from '@app/core';

import { DesignationDto } from '../designations/designation.dto';

/** A carrier (载体) with its Chinese labels and, in lists, how many recognitions it holds today. */
export class CarrierDto {
  id: string;
  @ApiProperty({ enum: CarrierKind, enumName: 'CarrierKind' })
  kind: CarrierKind;
  kindLabel: string;
  name: string;
  districtCode: string;
  districtName: string | null;
  operatorEnterpriseId: string | null;
  operatorEnterpriseName: string | null;
  operatorCreditCode: string | null;
  operatorName: string | null;
  chainId: string | null;
  chainName: string | null;
  description: string | null;
  /** Recognitions it holds today (已认定 or 复核中) */
  holdingCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class CarrierDetailDto extends CarrierDto {
  /** Every recognition of the carrier, live first */
  @ApiProperty({ type: [DesignationDto] })
  designations: DesignationDto[];
}

export class CreateCarrierDto {
  @ApiProperty({ enum: CarrierKind, enumName: 'CarrierKind' })
  @IsEnum(CarrierKind)
  kind: CarrierKind;

  /** 名称: the park, product, platform, brain or app */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode: string;

  /** The registry enterprise that runs it (运营主体), if any */
  @IsOptional()
  @IsUUID()
  operatorEnterpriseId?: string;

  /** The operator's name when it is not in the registry */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  operatorName?: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateCarrierDto extends PartialType(OmitType(CreateCarrierDto, ['kind'] as const)) {
  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}

export class ListCarriersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CarrierKind, enumName: 'CarrierKind' })
  @IsOptional()
  @IsEnum(CarrierKind)
  kind?: CarrierKind;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode?: string;

  /** Part of the name */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
