import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

export class PageQueryDto {
  /** 1-based page number */
  // A field with an initialiser is not `?`, so the Swagger plugin would mark it required: say optional here.
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  /** Rows per page, at most 100 */
  @ApiPropertyOptional({ default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: `pageSize 不能超过 ${MAX_PAGE_SIZE} (at most ${MAX_PAGE_SIZE})` })
  pageSize: number = 25;

  /** Sort as field:direction, e.g. name:asc */
  @IsOptional()
  @Matches(/^[a-zA-Z]+:(asc|desc)$/, { message: 'sort 格式为 字段:asc|desc (use field:asc or field:desc)' })
  sort?: string;
}
