import { ProgressJudgement } from '../project-enums';

/** Thresholds in force for a month (table project_progress_threshold): percent of the cumulative plan. */
export interface ProgressThresholds {
  /** At or above this percent of the cumulative plan a month is 超前 (e.g. 110) */
  aheadPercent: number;
  /** Below this percent it is 滞后 (e.g. 90); from it up to aheadPercent it is 正常 */
  behindPercent: number;
}

export interface JudgementInput {
  /** Planned total investment in yuan (numeric text) */
  plannedTotalYuan: string;
  plannedStartOn: string | null;
  plannedCompletionOn: string | null;
  /** The month judged, YYYY-MM */
  month: string;
  /** Cumulative completed investment at the end of the month, yuan (numeric text) */
  cumulativeYuan: string;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Yuan as exact integer cents, so the boundaries are exact (no floating point). */
function cents(yuan: string): bigint {
  const [whole, fraction = ''] = yuan.trim().replace(/^\+/, '').split('.');
  const negative = whole.startsWith('-');
  const value = BigInt(whole.replace('-', '') || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -value : value;
}

/**
 * The cumulative plan is linear over the planned months: from the month of the planned start to the
 * month of the planned completion (both included, N months), the plan at the end of month M is
 * total × k / N with k = months elapsed including M (0 before the start, N from the completion on).
 */
export function plannedShare(input: Pick<JudgementInput, 'plannedStartOn' | 'plannedCompletionOn' | 'month'>): { k: number; n: number } | null {
  if (!input.plannedStartOn || !input.plannedCompletionOn) return null;
  const start = monthIndex(input.plannedStartOn);
  const n = monthIndex(input.plannedCompletionOn) - start + 1;
  if (n <= 0) return null;
  const k = Math.min(Math.max(monthIndex(`${input.month}-01`) - start + 1, 0), n);
  return { k, n };
}

/** The cumulative plan at the end of the month, yuan rounded to the cent (for display and charts). */
export function plannedCumulativeYuan(input: Omit<JudgementInput, 'cumulativeYuan'>): string | null {
  const share = plannedShare(input);
  if (!share) return null;
  const value = (cents(input.plannedTotalYuan) * BigInt(share.k) * 2n + BigInt(share.n)) / (BigInt(share.n) * 2n);
  return `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
}

/**
 * THE rule of the monthly judgement (README "Investment projects"): actual = cumulative completed
 * investment at month end, plan = the linear cumulative plan above.
 *  - 超前 AHEAD  when actual ≥ plan × aheadPercent %;
 *  - 滞后 BEHIND when actual < plan × behindPercent %;
 *  - 正常 NORMAL otherwise (so exactly behindPercent % is 正常 and exactly aheadPercent % is 超前).
 * Before the planned start (plan 0) a month is 超前 if anything was completed, else 正常. A project
 * without planned start and completion dates is not judged (null).
 */
export function judgeProgress(input: JudgementInput, thresholds: ProgressThresholds): ProgressJudgement | null {
  const share = plannedShare(input);
  if (!share) return null;
  const actual = cents(input.cumulativeYuan);
  if (share.k === 0) return actual > 0n ? ProgressJudgement.AHEAD : ProgressJudgement.NORMAL;
  // actual / (total × k / N) compared with percent / 100, cross-multiplied in integers.
  const lhs = actual * BigInt(share.n) * 100n;
  const plan = cents(input.plannedTotalYuan) * BigInt(share.k);
  if (lhs >= plan * BigInt(thresholds.aheadPercent)) return ProgressJudgement.AHEAD;
  if (lhs < plan * BigInt(thresholds.behindPercent)) return ProgressJudgement.BEHIND;
  return ProgressJudgement.NORMAL;
}
