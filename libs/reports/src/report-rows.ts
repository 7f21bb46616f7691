import type { DrillDownRowDto } from '@app/quotas';

/** The rows behind a line of a frozen report, in report order and in batches (`FrozenQuarter.rows`, already limited to the view's districts). */
export type ReportRows = (lineCode: string, lacking: boolean) => AsyncIterable<DrillDownRowDto[]>;
