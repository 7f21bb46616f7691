import type { QuarterlyReportPayload } from '@app/quotas';

export type ReportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'xlsx', 'pdf'];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function reportFileName(payload: Pick<QuarterlyReportPayload, 'year' | 'quarter'>, format: ReportFormat): string {
  return `quarterly-report-${payload.year}-Q${payload.quarter}.${format}`;
}

/** Numbers as people read them: integers plain, others with up to two decimals. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export function splitScopeLabel(kind: string): string {
  return kind === 'DISTRICT' ? '区县' : '产业链';
}
