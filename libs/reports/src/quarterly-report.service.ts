import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';

import { Actor, AppException, ErrorCode } from '@app/core';
import { QuarterlyReportPayload, QuotaSnapshotService } from '@app/quotas';

import { districtView } from './district-view';

import { renderCsv } from './render-csv';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import { REPORT_FORMATS, ReportFormat } from './report-format';

/** Renders a frozen quarter. Reads only the snapshot, so every download of a quarter is the same file. */
@Injectable()
export class QuarterlyReportService {
  constructor(private readonly snapshots: QuotaSnapshotService) {}

  checkFormat(format: string | undefined): ReportFormat {
    const value = (format ?? 'json') as ReportFormat;
    if (!REPORT_FORMATS.includes(value)) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'format', `format 须为 ${REPORT_FORMATS.join(' / ')} 之一 (unknown format ${format})`);
    }
    return value;
  }

  /**
   * Loads the snapshot first (so a missing one is a clean 404 before any byte is sent), then returns a writer.
   * A district officer gets the frozen report filtered to their district(s), without the city's totals.
   */
  async prepare(actor: Actor, year: number, quarter: number, format: ReportFormat): Promise<(out: Writable) => Promise<void>> {
    let text = await this.snapshots.frozenText(year, quarter);
    if (actor.role === 'DISTRICT_STAFF') text = JSON.stringify(districtView(JSON.parse(text) as QuarterlyReportPayload, actor.districtCodes));
    if (format === 'json') {
      return async (out) => {
        await new Promise<void>((resolve, reject) => out.end(text, (error?: Error | null) => (error ? reject(error) : resolve())));
      };
    }
    const payload = JSON.parse(text);
    const render = format === 'csv' ? renderCsv : format === 'xlsx' ? renderXlsx : renderPdf;
    return async (out) => {
      await render(payload, out);
      if (format === 'csv') out.end();
    };
  }
}
