import { todayInChina } from '@app/core';

/**
 * The day a plan's progress is measured at when the caller names none: today in Ningbo during the
 * plan's year, its last day (12-31) for a past year, its first day for a year not yet begun.
 */
export function defaultAsOf(year: number, asOf?: string | null, now = new Date()): string {
  if (asOf) return asOf;
  const today = todayInChina(now);
  const current = Number(today.slice(0, 4));
  if (year < current) return `${year}-12-31`;
  if (year > current) return `${year}-01-01`;
  return today;
}
