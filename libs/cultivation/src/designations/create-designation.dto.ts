import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { DesignationLevel, DesignationStatus } from '@app/core';

export class CreateDesignationDto {
  /** The holding enterprise (for enterprise-held types); give this or carrierId */
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  /** The holding carrier (for carrier-held types: 绿色园区, 工业互联网平台 …); give this or enterpriseId */
  @IsOptional()
  @IsUUID()
  carrierId?: string;

  /** A code of the recognition catalogue (GET /recognition-types); unknown or not in force → 400 VALIDATION_FAILED on field type */
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,29}$/, { message: 'type 应为认定类型代码,如 GREEN_FACTORY (see GET /recognition-types)' })
  type: string;

  /** One of the type's levels in the catalogue */
  @IsEnum(DesignationLevel)
  level: DesignationLevel;

  /** Required for types that name a chain (CHAIN_LEADER / CHAIN_CORE / CHAIN_BASE), refused for other types */
  @IsOptional()
  @IsUUID()
  chainId?: string;

  /** For types that name a product (单项冠军产品) */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  productName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  productCode?: string;

  /** Initial status: CANDIDATE (培育对象, default) or RECOGNISED (needs recognisedOn) */
  // A union of enum members reads as `object` to the Swagger plugin: name the two strings.
  @ApiPropertyOptional({ enum: [DesignationStatus.CANDIDATE, DesignationStatus.RECOGNISED], default: DesignationStatus.CANDIDATE })
  @IsOptional()
  @IsIn([DesignationStatus.CANDIDATE, DesignationStatus.RECOGNISED], { message: 'status 只能是 CANDIDATE 或 RECOGNISED' })
  status?: DesignationStatus.CANDIDATE | DesignationStatus.RECOGNISED;

  /** 批次, e.g. 第四批 */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  batch?: string;

  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  /** 文号 */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  noticeNo?: string;

  /** 认定机构 */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recognisingBody?: string;

  /** Recognition date, not after today; required when status is RECOGNISED */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'recognisedOn 应为日期 YYYY-MM-DD' })
  recognisedOn?: string;

  /** Defaults to recognisedOn + the type's validity in the catalogue (none when it has none) */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'expiresOn 应为日期 YYYY-MM-DD' })
  expiresOn?: string;

  /** Day a candidate entered cultivation (defaults to today) */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'candidateSince 应为日期 YYYY-MM-DD' })
  candidateSince?: string;

  /** Evidence note (依据材料) */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  evidence?: string;
}
