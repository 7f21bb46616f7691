import { ProgressStatus, QuotaDirection } from '../quota-enums';

/** Share of the plan year elapsed at the end of `asOf` (1 January → 1/365, 31 December → 1), clamped to [0, 1]. */
export function elapsedShare(year: number, asOf: string): number {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const [y, m, d] = asOf.split('-').map(Number);
  const elapsed = (Date.UTC(y, m - 1, d) - start) / 86_400_000 + 1;
  return Math.min(1, Math.max(0, elapsed / days));
}

export interface StatusInput {
  direction: QuotaDirection;
  target: number;
  actual: number;
  /** AT_MOST lines: the value at the end of the previous year, where the reduction starts */
  baseline: number | null;
  share: number;
}

export interface StatusResult {
  /** Share of the target achieved, in %, rounded to one decimal for display */
  percent: number;
  /** Where the actual should be by now for an even pace over the year, rounded to two decimals for display */
  expected: number;
  status: ProgressStatus;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The status rule. AT_LEAST: MET once actual ≥ target, ON_TRACK while actual ≥ target × elapsed share, else
 * BEHIND. AT_MOST (drive a count down): MET once actual ≤ target, ON_TRACK while actual ≤ the straight line
 * from the previous year's end value to the target at the elapsed share, else BEHIND. Percent is the share of the
 * reduction achieved; a count that grew past its starting value achieved none: 0, never negative.
 *
 * Status and percent come from the exact values (pass the unrounded actual); only the returned percent and
 * expected are rounded, for display. (Judged against a rounded expected, target 1 on 1 January read ON_TRACK
 * with nothing done.)
 */
export function progressStatus(input: StatusInput): StatusResult {
  const { direction, target, actual, share } = input;
  if (direction === QuotaDirection.AT_MOST) {
    const baseline = Math.max(input.baseline ?? actual, target);
    const span = baseline - target;
    const expected = baseline - span * share;
    if (actual <= target) return { percent: 100, expected: round2(expected), status: ProgressStatus.MET };
    const percent = span > 0 ? Math.max(0, ((baseline - actual) / span) * 100) : 0;
    return { percent: round1(percent), expected: round2(expected), status: actual <= expected ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND };
  }
  const expected = target * share;
  const percent = target > 0 ? (actual / target) * 100 : 100;
  const status = actual >= target ? ProgressStatus.MET : actual >= expected ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND;
  return { percent: round1(percent), expected: round2(expected), status };
}
