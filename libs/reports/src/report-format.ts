import { DESIGNATION_LEVEL_LABELS } from '@app/core';
import type { LineProgressDto, QuarterlyReportPayload } from '@app/quotas';

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

const BEIJING = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as a Ningbo reader reads it: 2022-07-01 09:30(北京时间). */
export function beijingTime(iso: string): string {
  const p = Object.fromEntries(BEIJING.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}(北京时间)`;
}

/**
 * The plan's basis as a citation. Plans seeded before the citation was written carried a note with a file path
 * in brackets ("(../shared/reference/….txt,…)"); a bracket holding a path or file name is internal and dropped.
 */
export function citation(sourceDocument: string): string {
  return sourceDocument
    .replace(/[((][^()()]*(?:\/|\.txt|\.md|§)[^()()]*[))]/g, '')
    .trim();
}

/** Who froze the quarter, by the name people know them by (quarters frozen before names were kept: the login). */
export function frozenByName(payload: Pick<QuarterlyReportPayload, 'frozenBy' | 'frozenByName'>): string {
  return payload.frozenByName || payload.frozenBy;
}

type LineLike = Pick<LineProgressDto, 'unit' | 'direction' | 'measureKind' | 'evidence' | 'expected' | 'statusLabel'>;

/** Lines counted in whole firms, projects or communities. */
export function isCountLine(line: Pick<LineProgressDto, 'unit'>): boolean {
  return ['家', '个', '项'].includes(line.unit);
}

/**
 * 应达 for a count in whole units: at least ⌈target × share⌉ firms (3.47 → 4; the status rule "actual ≥ 3.47" means
 * the same), for a count driven down at most ⌊expected⌋. Other lines keep two decimals.
 */
export function expectedText(line: Pick<LineProgressDto, 'unit' | 'direction'>, expected: number | null | undefined): string {
  if (expected === null || expected === undefined) return '';
  if (!isCountLine(line)) return formatNumber(expected);
  return String(line.direction === 'AT_MOST' ? Math.floor(expected + 1e-9) : Math.ceil(expected - 1e-9));
}

/** A manual line nobody has reported: a manual report always carries evidence, so none means no report. */
export function isUnreported(line: Pick<LineProgressDto, 'measureKind' | 'evidence'>, districtView: boolean): boolean {
  return !districtView && line.measureKind === 'MANUAL' && !line.evidence;
}

/** The status as printed: 未填报 for an unreported manual line (neither 0 nor 进度滞后). */
export function statusText(line: LineLike, districtView: boolean): string {
  return isUnreported(line, districtView) ? '未填报' : line.statusLabel;
}

/** Drill-down details frozen before they were written in Chinese began with the level enum ("MUNICIPAL 认定于…"). */
export function detailText(detail: string): string {
  return detail.replace(/^(NATIONAL|PROVINCIAL|MUNICIPAL|DISTRICT)(?= )/, (level) => DESIGNATION_LEVEL_LABELS[level as keyof typeof DESIGNATION_LEVEL_LABELS]);
}
