import { OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import { PageQueryDto } from '@app/core';

export class CreateLandBlockDto {
  /** 区块名称, unique */
  @IsString()
  @IsNotEmpty({ message: 'name 必填,请填写区块名称' })
  @MaxLength(200)
  name: string;

  /** 所在区县 (GB/T 2260 code); fixed once recorded */
  @IsString()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位区县代码' })
  districtCode: string;

  /** 面积(亩) */
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'areaMu 应为数字,最多两位小数' })
  @Min(0.01, { message: 'areaMu 必须大于 0' })
  @Max(1e9)
  areaMu: number;

  /** 坐落 */
  @IsString()
  @IsNotEmpty({ message: 'location 必填,请填写区块坐落' })
  @MaxLength(500)
  location: string;

  /** 经度 (WGS-84) */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 6 }, { message: 'longitude 应为数字' })
  @Min(-180)
  @Max(180)
  longitude?: number;

  /** 纬度 (WGS-84) */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 6 }, { message: 'latitude 应为数字' })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Everything but the district (fixed: the lines' district splits read it) may change. */
export class UpdateLandBlockDto extends PartialType(OmitType(CreateLandBlockDto, ['districtCode'] as const)) {
  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}

export class ListLandBlocksQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位区县代码' })
  districtCode?: string;

  /** Part of the name or location */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class LandBlockDto {
  id: string;
  name: string;
  districtCode: string;
  /** 区县名称 */
  districtName: string;
  /** 面积(亩) */
  areaMu: number;
  location: string;
  longitude: number | null;
  latitude: number | null;
  note: string | null;
  /** Cases of the block not yet closed or cancelled */
  openCases: number;
  version: number;
}

