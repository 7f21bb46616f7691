import { applyDecorators, Type } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-codes';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class PageMetaDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export interface Paginated<T> {
  items: T[];
  meta: PageMetaDto;
}

export function paginated<T>(items: T[], page: number, pageSize: number, total: number): Paginated<T> {
  return { items, meta: { page, pageSize, total } };
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
