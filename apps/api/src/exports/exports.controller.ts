import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { ExportDesignationsQueryDto, ExportEnterprisesQueryDto, ExportService } from '@app/importing';

import { attachment } from '../imports/imports.controller';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** Streams a file of any size: once the first byte is out an error can only cut the download short. */
async function stream(res: Response, format: 'csv' | 'xlsx', name: string, ascii: string, write: () => Promise<void>): Promise<void> {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
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

  /** The enterprise list with GET /enterprises filters, as CSV (UTF-8 with BOM) or XLSX, in the import headers. Recorded in the audit trail. */
  @Get('enterprises')
  @RequirePermission(Permission.EXPORT)
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  enterprises(@CurrentActor() actor: Actor, @Query() query: ExportEnterprisesQueryDto, @Res() res: Response): Promise<void> {
    return stream(res, query.format ?? 'csv', '企业名录', 'enterprises', () => this.exports.enterprises(actor, query, res));
  }

  /** Designations (type, status, level, chain, district, year filters) as CSV or XLSX */
  @Get('designations')
  @RequirePermission(Permission.EXPORT)
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  designations(@CurrentActor() actor: Actor, @Query() query: ExportDesignationsQueryDto, @Res() res: Response): Promise<void> {
    return stream(res, query.format ?? 'csv', '认定名单', 'designations', () => this.exports.designations(actor, query, res));
  }
}
