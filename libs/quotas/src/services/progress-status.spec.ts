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
});
