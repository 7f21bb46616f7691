import { applyDecorators, Type } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-codes';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class PageMetaDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiPropertyOptional({ description: 'True when a name search matched more rows than are counted exactly; total is then a lower bound (显示为“1000+”)' })
  totalCapped?: boolean;
}

export interface Paginated<T> {
  items: T[];
  meta: PageMetaDto;
}

export function paginated<T>(items: T[], page: number, pageSize: number, total: number, totalCapped = false): Paginated<T> {
  return { items, meta: totalCapped ? { page, pageSize, total, totalCapped } : { page, pageSize, total } };
}

/** Documents a `{ items, meta }` response of the given item DTO. */
export function ApiPaginatedResponse(item: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'meta'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          meta: { $ref: getSchemaPath(PageMetaDto) },
        },
      },
    }),
  );
}

/** Parses `field:dir` against an allow-list of API field → SQL expression. */
export function parseSort(sort: string | undefined, allowed: Record<string, string>, fallback: string): string {
  if (!sort) return fallback;
  const [field, direction] = sort.split(':');
  const column = allowed[field];
  if (!column) {
    throw AppException.field(ErrorCode.VALIDATION_FAILED, 'sort', `不能按 ${field} 排序,可选:${Object.keys(allowed).join(', ')} (cannot sort by ${field})`);
  }
  return `${column} ${direction === 'desc' ? 'DESC' : 'ASC'}`;
}
