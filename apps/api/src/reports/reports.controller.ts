import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { QuarterlyReportService, REPORT_CONTENT_TYPES, reportFileName } from '@app/reports';

@ApiTags('reports')
@Controller('reports')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'REPORT_NOT_FROZEN / QUOTA_PLAN_NOT_FOUND' })
export class ReportsController {
  constructor(private readonly reports: QuarterlyReportService) {}

  /**
   * The frozen quarterly report, streamed; the same bytes on every download. A district officer gets it
   * filtered to their district(s): their district splits and enterprises only, without the city's totals.
   */
  @Get('quarterly/:year/:q')
  @RequirePermission(Permission.REPORT_READ)
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx', 'pdf'] })
  @ApiProduces(...Object.values(REPORT_CONTENT_TYPES))
  @ApiOkResponse({ description: 'The report file', schema: { type: 'string', format: 'binary' } })
  async quarterly(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number, @Param('q', ParseIntPipe) quarter: number, @Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const kind = this.reports.checkFormat(format);
    const write = await this.reports.prepare(actor, year, quarter, kind);
    res.status(200);
    res.setHeader('Content-Type', REPORT_CONTENT_TYPES[kind]);
    res.setHeader('Content-Disposition', `attachment; filename="${reportFileName({ year, quarter }, kind)}"`);
    await write(res);
  }
}
