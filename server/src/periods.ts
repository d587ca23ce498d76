// Periods in the form each frequency uses (`2025-09` monthly, `2025-Q3` quarterly, `2024` annual), as the API
// accepts them in `time=` and names them in /api/metrics. Observations are stored on the first day of their period.
import { badRequest } from './http-error.ts';
import type { Frequency } from './schemas.ts';

/** The period form of a frequency, for error messages. */
export const FORMS: Record<Frequency, string> = {
  daily: 'a date (YYYY-MM-DD, e.g. 2025-09-15)',
  monthly: 'a month (YYYY-MM, e.g. 2025-09)',
  quarterly: 'a quarter (YYYY-Qn, e.g. 2025-Q3)',
  annual: 'a year (YYYY, e.g. 2024)',
};

/** A stored period start (YYYY-MM-DD) in the frequency's own form. */
export function periodLabel(time: string, frequency: Frequency): string {
  const month = Number(time.slice(5, 7));
  switch (frequency) {
    case 'annual':
      return time.slice(0, 4);
    case 'quarterly':
      return `${time.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'monthly':
      return time.slice(0, 7);
    default:
      return time.slice(0, 10);
  }
}

/** `time=` for a metric of `frequency` → the first day it covers and how long it lasts; an exact stored date
 * (YYYY-MM-DD) is accepted for every frequency. A period of another frequency is refused, naming the valid form. */
export function parsePeriod(
  time: string,
  frequency: Frequency,
  metric: string,
): { start: string; span: '1 day' | '1 month' | '3 months' | '1 year' } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(time)) return { start: time, span: '1 day' };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(time);
  if (frequency === 'quarterly' && quarter) {
    return { start: `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}-01`, span: '3 months' };
  }
  if (frequency === 'monthly' && /^\d{4}-(0[1-9]|1[0-2])$/.test(time)) return { start: `${time}-01`, span: '1 month' };
  if (frequency === 'annual' && /^\d{4}$/.test(time)) return { start: `${time}-01-01`, span: '1 year' };
  throw badRequest(
    `Metric "${metric}" is ${frequency}: time must be ${FORMS[frequency]}, an exact date (YYYY-MM-DD) or latest; got "${time}".`,
  );
}

const SPAN_MONTHS = { '1 day': 0, '1 month': 1, '3 months': 3, '1 year': 12 } as const;

/** `from`/`to` of a series request for a metric of `frequency`: only the metric's own period form (2025-09,
 * 2025-Q3, 2024). Returns the first day of the period and the first day after it (both YYYY-MM-DD). */
export function parseBound(
  parameter: 'from' | 'to',
  value: string,
  frequency: Frequency,
  metric: string,
): { start: string; end: string } {
  const own =
    frequency === 'annual'
      ? /^\d{4}$/
      : frequency === 'quarterly'
        ? /^\d{4}-Q[1-4]$/
        : frequency === 'monthly'
          ? /^\d{4}-(0[1-9]|1[0-2])$/
          : /^\d{4}-\d{2}-\d{2}$/;
  if (!own.test(value)) {
    throw badRequest(`Metric "${metric}" is ${frequency}: ${parameter} must be ${FORMS[frequency]}; got "${value}".`);
  }
  const { start, span } = parsePeriod(value, frequency, metric);
  if (span === '1 day') return { start, end: start };
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + SPAN_MONTHS[span]];
  const end = `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  return { start, end };
}
