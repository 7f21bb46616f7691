import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { PageQueryDto } from '@app/core';

import { ProjectStage } from '../project-enums';

export class ListProjectsQueryDto extends PageQueryDto {
  @IsOptional() @IsString() @MaxLength(40)
  programme?: string;

  @IsOptional() @IsEnum(ProjectStage)
  stage?: ProjectStage;

  @IsOptional() @IsString() @MaxLength(12)
  districtCode?: string;

  @IsOptional() @IsUUID('4')
  chainId?: string;

  @IsOptional() @IsUUID('4')
  enterpriseId?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @IsOptional() @IsString() @MaxLength(100)
  keyword?: string;
}
