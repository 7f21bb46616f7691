import { defaultAsOf } from './as-of';

describe(defaultAsOf.name, () => {
  // 2026-03-31 20:30 UTC is already 1 April in Beijing.
  const now = new Date('2026-03-31T20:30:00Z');

  it.each([
    [2026, undefined, '2026-04-01'],
    [2025, undefined, '2025-12-31'],
    [2027, undefined, '2027-01-01'],
    [2025, '2025-06-30', '2025-06-30'],
  ])('measures the %s plan (asOf %s) at %s', (year, asOf, expected) => {
    expect(defaultAsOf(year, asOf, now)).toBe(expected);
  });
});
