import { percentAxis } from './progress-chart';

describe('percentAxis', () => {
  it('ends at 120 % until a line is beyond it, then at a round value above the largest', () => {
    expect(percentAxis([0, 40, 100, 110])).toEqual({ max: 120, interval: 20 });
    expect(percentAxis([187.5])).toEqual({ max: 200, interval: 50 });
    expect(percentAxis([180])).toEqual({ max: 200, interval: 50 });
    expect(percentAxis([300])).toEqual({ max: 400, interval: 100 });
    expect(percentAxis([500])).toEqual({ max: 600, interval: 100 });
    for (const top of [116, 150, 180, 240, 500, 999, 4321]) {
      const { max, interval } = percentAxis([top]);
      expect([top, max > top, max / interval <= 6, max % interval]).toEqual([top, true, true, 0]);
    }
  });
});
