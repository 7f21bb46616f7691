import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

import { Nullable } from '@app/core';

export class CreateChainDto {
  /** Stable code, upper case, e.g. RARE_EARTH_MAGNETIC */
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'code 应为大写字母、数字和下划线,如 RARE_EARTH_MAGNETIC' })
  code: string;

  /** Chinese name, e.g. 稀土磁性材料 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  /** 牵头单位 */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Nullable()
  leadUnit?: string | null;

  /** 促进机构 */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Nullable()
  promotionAgency?: string | null;

  /** Not yet confirmed on the official list */
  @IsOptional()
  @IsBoolean()
  provisional?: boolean;

  /** Source confirming the chain */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  confirmedBy?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

export class UpdateChainDto extends PartialType(CreateChainDto) {
  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}
