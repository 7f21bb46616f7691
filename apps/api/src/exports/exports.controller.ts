import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { ExportDesignationsQueryDto, ExportEnterprisesQueryDto, ExportService } from '@app/importing';

import { attachment } from '../imports/imports.controller';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/**
 * The same list as XLSX: Excel opens a CSV by guessing types (an all-digit credit code becomes 9.13303E+17), an
 * XLSX keeps text as text. A CSV download names it in a `Link: <…format=xlsx>; rel="alternate"` header.
 */
export function xlsxAlternate(originalUrl: string): string {
  const [path, query = ''] = originalUrl.split('?');
  const params = new URLSearchParams(query);
  params.set('format', 'xlsx');
  return `<${path}?${params.toString()}>; rel="alternate"; type="${CONTENT_TYPES.xlsx}"; title*=UTF-8''${encodeURIComponent('XLSX(用 Excel 打开或编辑时推荐)')}`;
}

/** Streams a file of any size: once the first byte is out an error can only cut the download short. */
async function stream(res: Response, format: 'csv' | 'xlsx', name: string, ascii: string, write: () => Promise<void>): Promise<void> {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  if (format === 'csv') res.setHeader('Link', xlsxAlternate(res.req.originalUrl));
  res.setHeader('Content-Disposition', attachment(`${name}.${format}`, `${ascii}.${format}`));
  try {
    await write();
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy(error as Error);
  }
}

@ApiTags('exports')
@Controller('exports')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
export class ExportsController {
  constructor(private readonly exports: ExportService) {}

  /**
   * The enterprise list with GET /enterprises filters, as CSV (UTF-8 with BOM) or XLSX, in the import headers. Recorded in the audit trail.
   * To edit in Excel and import back, prefer XLSX: Excel reads a CSV's all-digit credit codes as numbers. Text that a
   * spreadsheet would run as a formula (= + - @ tab CR) or turn into a number (long digit strings, in CSV) starts
   * with an apostrophe, which the import removes again.
   */
  @Get('enterprises')
  @RequirePermission(Permission.EXPORT)
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  enterprises(@CurrentActor() actor: Actor, @Query() query: ExportEnterprisesQueryDto, @Res() res: Response): Promise<void> {
    return stream(res, query.format ?? 'csv', '企业名录', 'enterprises', () => this.exports.enterprises(actor, query, res));
  }

  /** Designations (type, status, level, chain, district, year filters) as CSV or XLSX (XLSX recommended for Excel; text protected as for enterprises) */
  @Get('designations')
  @RequirePermission(Permission.EXPORT)
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  designations(@CurrentActor() actor: Actor, @Query() query: ExportDesignationsQueryDto, @Res() res: Response): Promise<void> {
    return stream(res, query.format ?? 'csv', '认定名单', 'designations', () => this.exports.designations(actor, query, res));
  }
}
