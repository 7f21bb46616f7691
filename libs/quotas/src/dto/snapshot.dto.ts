import { DrillDownRowDto, LineProgressDto } from './progress.dto';

/** What a frozen quarter keeps: everything a report needs, so rendering never reads live data. */
export class QuarterlyReportPayload {
  year: number;
  quarter: number;
  asOf: string;
  title: string;
  sourceDocument: string;
  planVersion: number;
  frozenAt: string;
  /** Login name of who froze it */
  frozenBy: string;
  /** Their display name at the time of freezing (absent in quarters frozen before it was kept) */
  frozenByName?: string;
  elapsedShare: number;
  lines: LineProgressDto[];
  /**
   * Line code → the enterprises behind it at asOf. Kept inside the payload only by quarters frozen before issue 14;
   * later ones keep the rows in quota_snapshot_member (read through `QuotaSnapshotService.frozen`).
   */
  drillDown?: Record<string, DrillDownRowDto[]>;
  /** Growth-rate lines: the holders outside the rate for lacking a figure (absent in reports frozen before this was kept; in the payload like `drillDown`) */
  lackingFigures?: Record<string, DrillDownRowDto[]>;
  /** Set only on a district officer's view: the districts it is filtered to (line totals are then blank) */
  districtCodes?: string[];
  /** District code → name (reference data), added when rendering; not part of the frozen text */
  districtNames?: Record<string, string>;
}

export class SnapshotDto {
  year: number;
  quarter: number;
  asOf: string;
  frozenAt: string;
  frozenBy: string;
  lineCount: number;
}

export class QuarterCompareLineDto {
  code: string;
  label: string;
  unit: string;
  target: number | null;
  actual: number;
  /** null for the first quarter */
  previousActual: number | null;
  change: number | null;
  status: string;
  statusLabel: string;
  previousStatus: string | null;
  previousStatusLabel: string | null;
}

export class QuarterCompareDto {
  year: number;
  quarter: number;
  asOf: string;
  /** FROZEN when the quarter's snapshot exists, else LIVE (computed now as of the quarter's last day) */
  source: string;
  previousQuarter: number | null;
  previousSource: string | null;
  lines: QuarterCompareLineDto[];
}
