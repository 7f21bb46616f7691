import { ProgressStatus, QuotaDirection } from '../quota-enums';
import { elapsedShare, progressStatus } from './progress-status';

describe('progressStatus', () => {
  it('measures the elapsed share of the year including the as-of day', () => {
    expect(elapsedShare(2022, '2022-12-31')).toBe(1);
    expect(elapsedShare(2022, '2022-06-30')).toBeCloseTo(181 / 365, 6);
    expect(elapsedShare(2022, '2021-12-31')).toBe(0);
    expect(elapsedShare(2024, '2024-12-31')).toBe(1);
  });

  it('is on track at half the target half-way through the year, behind below it, met at the target', () => {
    const at = (actual: number) => progressStatus({ direction: QuotaDirection.AT_LEAST, target: 100, actual, baseline: null, share: 0.5 });
    expect(at(50)).toEqual({ percent: 50, expected: 50, status: ProgressStatus.ON_TRACK });
    expect(at(49).status).toBe(ProgressStatus.BEHIND);
    expect(at(100).status).toBe(ProgressStatus.MET);
  });

  it('judges a count to drive to zero against the straight line from last year-end', () => {
    const at = (actual: number) => progressStatus({ direction: QuotaDirection.AT_MOST, target: 0, actual, baseline: 40, share: 0.5 });
    expect(at(20)).toEqual({ percent: 50, expected: 20, status: ProgressStatus.ON_TRACK });
    expect(at(21).status).toBe(ProgressStatus.BEHIND);
    expect(at(0)).toMatchObject({ percent: 100, status: ProgressStatus.MET });
  });

  it('shows 0% (never negative) and BEHIND when a count to drive down grows', () => {
    expect(progressStatus({ direction: QuotaDirection.AT_MOST, target: 0, actual: 50, baseline: 40, share: 0.5 })).toEqual({ percent: 0, expected: 20, status: ProgressStatus.BEHIND });
  });

  it('judges against the exact expected value, not the rounded one', () => {
    // Target 1 on 1 January: expected 1/365 ≈ 0.0027, shown as 0; nothing done is behind.
    expect(progressStatus({ direction: QuotaDirection.AT_LEAST, target: 1, actual: 0, baseline: null, share: 1 / 365 })).toEqual({ percent: 0, expected: 0, status: ProgressStatus.BEHIND });
    // 12.3451 of 20 is 61.7255% → 61.7, rounded once.
    expect(progressStatus({ direction: QuotaDirection.AT_LEAST, target: 20, actual: 12.3451, baseline: null, share: 1 }).percent).toBe(61.7);
  });
});
