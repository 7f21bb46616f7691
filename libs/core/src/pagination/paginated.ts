import { applyDecorators, Type } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-codes';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class PageMetaDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiPropertyOptional({
    description: 'True when more rows matched than are counted exactly (a name search counts up to 1,000, the enterprise list up to 10,000); total is then a lower bound (显示为“10,000+”)',
  })
  totalCapped?: boolean;
  @ApiPropertyOptional({ description: 'Opaque keyset cursor of the next page: pass it as `after` (same filters and sort); absent on the last page' })
  nextCursor?: string;
}

export interface Paginated<T> {
  items: T[];
  meta: PageMetaDto;
}

export function paginated<T>(items: T[], page: number, pageSize: number, total: number, totalCapped = false, nextCursor?: string): Paginated<T> {
  const meta: PageMetaDto = totalCapped ? { page, pageSize, total, totalCapped } : { page, pageSize, total };
  if (nextCursor !== undefined) meta.nextCursor = nextCursor;
  return { items, meta };
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
