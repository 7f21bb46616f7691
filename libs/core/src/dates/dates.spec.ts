import { addDays, addYears, todayInChina } from './dates';

describe('dates', () => {
  it('adds three years, falling back to 28 Feb from a leap day', () => {
    expect(addYears('2022-08-15', 3)).toBe('2025-08-15');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
  });

  it('adds days across month ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('takes today in China, not UTC', () => {
    expect(todayInChina(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });
});
