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
  /** Share of the target achieved, in %, one decimal */
  percent: number;
  /** Where the actual should be by now for an even pace over the year */
  expected: number;
  status: ProgressStatus;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The status rule. AT_LEAST: MET once actual ≥ target, ON_TRACK while actual ≥ target × elapsed share, else
 * BEHIND. AT_MOST (drive a count down): MET once actual ≤ target, ON_TRACK while actual ≤ the straight line
 * from the previous year's end value to the target at the elapsed share, else BEHIND.
 */
export function progressStatus(input: StatusInput): StatusResult {
  const { direction, target, actual, share } = input;
  if (direction === QuotaDirection.AT_MOST) {
    const baseline = Math.max(input.baseline ?? actual, target);
    const span = baseline - target;
    const expected = round2(baseline - span * share);
    if (actual <= target) return { percent: 100, expected, status: ProgressStatus.MET };
    const percent = span > 0 ? round1(Math.max(0, ((baseline - actual) / span) * 100)) : 0;
    return { percent, expected, status: actual <= expected ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND };
  }
  const expected = round2(target * share);
  const percent = target > 0 ? round1((actual / target) * 100) : 100;
  if (actual >= target) return { percent, expected, status: ProgressStatus.MET };
  return { percent, expected, status: actual >= expected ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND };
}
