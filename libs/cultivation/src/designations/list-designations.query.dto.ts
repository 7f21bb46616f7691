import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { DesignationLevel, DesignationStatus, HolderKind, PageQueryDto } from '@app/core';

export class ListDesignationsQueryDto extends PageQueryDto {
  /** A recognition-type code of the catalogue */
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,29}$/, { message: 'type 应为认定类型代码' })
  type?: string;

  /** Only enterprise-held or only carrier-held recognitions */
  @ApiPropertyOptional({ enum: HolderKind, enumName: 'HolderKind' })
  @IsOptional()
  @IsEnum(HolderKind)
  holderKind?: HolderKind;

  @IsOptional()
  @IsUUID()
  carrierId?: string;

  @IsOptional()
  @IsEnum(DesignationLevel)
  level?: DesignationLevel;

  /** Status as it reads today (EXPIRED includes recognitions past their expiry date) */
  @IsOptional()
  @IsEnum(DesignationStatus)
  status?: DesignationStatus;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  /** The enterprise's district */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  batch?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  /** Only live recognitions whose expiresOn falls within the next N days (today included), soonest first */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;
}
