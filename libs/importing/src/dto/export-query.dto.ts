import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

import { DesignationLevel, DesignationStatus, DesignationType } from '@app/core';
import { ListProjectsQueryDto } from '@app/projects';
import { ListEnterprisesQueryDto } from '@app/registry';

const FORMAT_MESSAGE = { message: 'format 应为 csv 或 xlsx' };

/** The enterprise list's filters (as GET /enterprises) plus the file format; paging does not apply. */
export class ExportEnterprisesQueryDto extends ListEnterprisesQueryDto {
  @IsOptional()
  @IsEnum(['csv', 'xlsx'], FORMAT_MESSAGE)
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  format?: 'csv' | 'xlsx';
}

export class ExportDesignationsQueryDto {
  @IsOptional()
  @IsEnum(['csv', 'xlsx'], FORMAT_MESSAGE)
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  format?: 'csv' | 'xlsx';

  @IsOptional()
  @IsEnum(DesignationType)
  @ApiPropertyOptional({ enum: DesignationType, enumName: 'DesignationType' })
  type?: DesignationType;

  @IsOptional()
  @IsEnum(DesignationStatus)
  @ApiPropertyOptional({ enum: DesignationStatus, enumName: 'DesignationStatus' })
  status?: DesignationStatus;

  @IsOptional()
  @IsEnum(DesignationLevel)
  @ApiPropertyOptional({ enum: DesignationLevel, enumName: 'DesignationLevel' })
  level?: DesignationLevel;

  /** Chain code, e.g. SMART_FORMING_EQUIPMENT */
  @IsOptional()
  @MaxLength(50)
  chainCode?: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode 应为 6 位行政区划代码' })
  districtCode?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1949)
  @Max(2100)
  year?: number;
}

/** The project list's filters (as GET /projects) plus the file format; paging does not apply. */
export class ExportProjectsQueryDto extends ListProjectsQueryDto {
  @IsOptional()
  @IsEnum(['csv', 'xlsx'], FORMAT_MESSAGE)
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  format?: 'csv' | 'xlsx';
}
