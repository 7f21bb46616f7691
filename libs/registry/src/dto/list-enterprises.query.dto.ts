import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { DesignationStatus, DesignationType, PageQueryDto, SearchText } from '@app/core';

import { EnterpriseStatus } from '../entities/enterprise-status';
import { INDUSTRY_CODE_PATTERN } from './enterprise-fields.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListEnterprisesQueryDto extends PageQueryDto {
  /** Name, short name, former name (any two or more characters) or part of a credit code; without a letter or digit it is ignored */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SearchText()
  q?: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode?: string;

  /** Industry code prefix: section letter (C) or leading digits (34, 341) */
  @IsOptional()
  @Matches(INDUSTRY_CODE_PATTERN, { message: 'industryCode 应为行业代码前缀,如 C 或 34' })
  industryCode?: string;

  @IsOptional()
  @IsEnum(EnterpriseStatus)
  @ApiPropertyOptional({ enum: EnterpriseStatus, enumName: 'EnterpriseStatus' })
  status?: EnterpriseStatus;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'aboveScale 应为 true 或 false' })
  aboveScale?: boolean;

  /** Include archived enterprises */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'includeArchived 应为 true 或 false' })
  includeArchived?: boolean;

  /** true: archived enterprises only; false: current ones only (the default without includeArchived) */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived 应为 true 或 false' })
  archived?: boolean;

  /** Has a designation of this type (combined with designationStatus: the same designation) */
  @IsOptional()
  @IsEnum(DesignationType)
  @ApiPropertyOptional({ enum: DesignationType, enumName: 'DesignationType' })
  designationType?: DesignationType;

  /** Has a designation in this status as it reads today (RECOGNISED past expiry reads EXPIRED) */
  @IsOptional()
  @IsEnum(DesignationStatus)
  @ApiPropertyOptional({ enum: DesignationStatus, enumName: 'DesignationStatus' })
  designationStatus?: DesignationStatus;

  /**
   * Keyset paging: `meta.nextCursor` of the previous page (same filters and sort). The page then
   * starts right after that row, at any depth as fast as the first; `page` is ignored. Rows added
   * or archived meanwhile never make a row appear twice or be skipped.
   */
  @IsOptional()
  @IsString()
  @MaxLength(600)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after 应为上一页返回的 meta.nextCursor' })
  after?: string;

  /** A member of this chain (chain membership) */
  @IsOptional()
  @IsUUID()
  chainId?: string;
}
