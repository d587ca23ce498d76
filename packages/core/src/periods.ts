// The periods of a metric between two of them, in the API's form (`2025-09`, `2025-Q3`, `2025`): what a
// time slider steps through and what it prefetches. Built from first/last (the `/api/metrics` catalogue or a
// data response's `periods`), so no request lists them.
import { periodKey } from './format.ts';
import type { Frequency } from './types.ts';

/** Months between two periods' starts for each frequency (daily is stepped by days below). */
const MONTHS: Record<Exclude<Frequency, 'daily'>, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** The most periods a range may hold, so a mistyped year cannot build a list of millions. */
export const MAX_PERIODS = 5000;

/**
 * Every period from `first` to `last` inclusive (dates or periods in any form `periodKey` reads), as period
 * keys. Empty when `last` is before `first`; throws a RangeError naming the limit beyond `MAX_PERIODS`.
 */
export function periodRange(first: string, last: string, frequency: Frequency): string[] {
  const start = periodKey(first, frequency);
  const end = periodKey(last, frequency);
  const out: string[] = [];
  const date = new Date(`${toDay(start)}T00:00:00Z`);
  for (let key = start; key <= end; key = periodKey(date.toISOString().slice(0, 10), frequency)) {
    out.push(key);
    if (out.length > MAX_PERIODS) {
      throw new RangeError(`a range of more than ${MAX_PERIODS} periods (${first} to ${last}) is not supported`);
    }
    if (frequency === 'daily') date.setUTCDate(date.getUTCDate() + 1);
    else date.setUTCMonth(date.getUTCMonth() + MONTHS[frequency]);
  }
  return out;
}

/** A period key's first day, `YYYY-MM-DD`. */
function toDay(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}-01`;
  if (/^\d{4}$/.test(key)) return `${key}-01-01`;
  if (/^\d{4}-\d{2}$/.test(key)) return `${key}-01`;
  return key;
}
