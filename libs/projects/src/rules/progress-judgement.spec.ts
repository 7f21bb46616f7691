import { judgeProgress, plannedCumulativeYuan } from './progress-judgement';

describe('judgeProgress', () => {
  const base = { plannedTotalYuan: '1200000', plannedStartOn: '2022-01-15', plannedCompletionOn: '2022-12-20' };
  const t = { aheadPercent: 110, behindPercent: 90 };
  // Plan at end of March = 1,200,000 × 3 / 12 = 300,000: 90 % = 270,000, 110 % = 330,000.
  const cases: [string, string, string | null][] = [
    ['2022-03', '270000', 'NORMAL'],
    ['2022-03', '269999.99', 'BEHIND'],
    ['2022-03', '329999.99', 'NORMAL'],
    ['2022-03', '330000', 'AHEAD'],
    ['2021-12', '0', 'NORMAL'],
    ['2021-12', '1', 'AHEAD'],
    ['2023-05', '1080000', 'NORMAL'],
    ['2023-05', '1079999', 'BEHIND'],
  ];
  it.each(cases)('%s with %s completed reads %s', (month, cumulativeYuan, expected) => {
    expect(judgeProgress({ ...base, month, cumulativeYuan }, t)).toBe(expected);
  });
  it('does not judge a project without planned dates', () => {
    expect(judgeProgress({ ...base, plannedStartOn: null, month: '2022-03', cumulativeYuan: '1' }, t)).toBeNull();
  });
  it('plans linearly by month', () => {
    expect(plannedCumulativeYuan({ ...base, month: '2022-03' })).toBe('300000.00');
    expect(plannedCumulativeYuan({ ...base, month: '2024-01' })).toBe('1200000.00');
    expect(plannedCumulativeYuan({ plannedTotalYuan: '100', plannedStartOn: '2022-01-01', plannedCompletionOn: '2022-03-01', month: '2022-01' })).toBe('33.33');
  });
});
