import { createHash } from 'node:crypto';

import { HttpStatus, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';

import { Actor, AppException, ErrorCode } from '@app/core';
import { QuarterlyReportPayload, QuotaSnapshotService } from '@app/quotas';
import { ReferenceService } from '@app/reference';

import { districtView, linesOnly } from './district-view';

import { renderCsv } from './render-csv';
import { renderJson } from './render-json';
import { renderPdfBuffer } from './render-pdf';
import { ReportFontError } from './report-fonts';
import { renderXlsx } from './render-xlsx';
import { REPORT_FORMATS, ReportFormat } from './report-format';
import type { ReportRows } from './report-rows';

/** Ends `out` (after `chunk`, if any), resolving once it is flushed. */
const end = (out: Writable, chunk?: string | Buffer) =>
  new Promise<void>((resolve, reject) => out.end(chunk ?? '', (error?: Error | null) => (error ? reject(error) : resolve())));

/** PDFs kept in memory (about 150–250 KB each): embedding the CJK font costs a second or more per render. */
const PDF_CACHE_SIZE = 16;

/** Renders a frozen quarter. Reads only the snapshot, so every download of a quarter is the same file. */
@Injectable()
export class QuarterlyReportService {
  // A frozen quarter never changes, so its PDF for the same view, district names and font is the same bytes.
  private readonly pdfs = new Map<string, Buffer>();

  constructor(
    private readonly snapshots: QuotaSnapshotService,
    private readonly reference: ReferenceService,
  ) {}

  checkFormat(format: string | undefined): ReportFormat {
    const value = (format ?? 'json') as ReportFormat;
    if (!REPORT_FORMATS.includes(value)) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'format', `format 须为 ${REPORT_FORMATS.join(' / ')} 之一 (unknown format ${format})`);
    }
    return value;
  }

  /**
   * Loads the snapshot first (so a missing one is a clean 404 before any byte is sent), then returns a writer.
   * A district officer gets the frozen report filtered to their district(s), without the city's totals. The rows
   * behind the lines are streamed from the snapshot (`FrozenQuarter.rows`), never held whole.
   */
  async prepare(actor: Actor, year: number, quarter: number, format: ReportFormat): Promise<(out: Writable) => Promise<void>> {
    const frozen = await this.snapshots.frozen(year, quarter);
    // Readers see district names (镇海区), never codes; the names are GB/T 2260 reference data.
    const districtNames = Object.fromEntries((await this.reference.districts()).map((d) => [d.code, d.name]));
    const own = actor.role === 'DISTRICT_STAFF' ? [...actor.districtCodes].sort() : null;
    const rows: ReportRows = (code, lacking) => frozen.rows(code, lacking, own);
    if (format === 'json') {
      // A quarter frozen with its rows inside the payload: the city's JSON is that text, byte for byte.
      if (frozen.inPayload && !own) return (out) => end(out, frozen.text);
      const view = own ? districtView(frozen.payload, own, districtNames) : linesOnly(frozen.payload);
      return async (out) => {
        await renderJson(view, rows, frozen.lackingCodes, out);
        await end(out);
      };
    }
    const payload: QuarterlyReportPayload = { ...(own ? districtView(frozen.payload, own, districtNames) : linesOnly(frozen.payload)), districtNames };
    if (format === 'pdf') {
      // A PDF is small: render it whole before the first byte, so a failure is a JSON error, not a broken download.
      const bytes = await this.pdf(payload, JSON.stringify(payload));
      return (out) => end(out, bytes);
    }
    if (format === 'csv') {
      return async (out) => {
        await renderCsv(payload, rows, out);
        await end(out);
      };
    }
    return (out) => renderXlsx(payload, rows, out);
  }

  private async pdf(payload: QuarterlyReportPayload, text: string): Promise<Buffer> {
    const font = [process.env.REPORT_CJK_FONT ?? '', process.env.REPORT_CJK_FONT_BOLD ?? ''].join('|');
    const key = createHash('sha256').update(text).update(JSON.stringify(payload.districtNames)).update(font).digest('hex');
    const cached = this.pdfs.get(key);
    if (cached) return cached;
    const bytes = await renderPdfBuffer(payload).catch((error: unknown) => {
      if (error instanceof ReportFontError) {
        throw new AppException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.REPORT_FONT_UNAVAILABLE, `PDF 报表暂不可用:${error.message};CSV / XLSX 不受影响`);
      }
      throw error;
    });
    if (this.pdfs.size >= PDF_CACHE_SIZE) this.pdfs.delete(this.pdfs.keys().next().value!);
    this.pdfs.set(key, bytes);
    return bytes;
  }
}
