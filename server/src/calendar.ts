// Dates in query parameters are checked against the calendar before they reach SQL: a pattern accepts
// `2025-02-31` or year 0000, which PostgreSQL refuses as out of range (it was a 500). A bad date is a 400
// that names the parameter and why.
import { badRequest } from './http-error.ts';
import { EXPECTED } from './plugins/app/errors.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Throws a 400 naming `parameter` when `value` (YYYY-MM or YYYY-MM-DD, already matched by the route's
 * pattern; other values such as `latest` pass) is not a day or month of the calendar.
 */
export function requireCalendarDate(parameter: string, value: string | undefined): void {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  let problem: string | null = null;
  if (year < 1) problem = 'there is no year 0000';
  else if (month < 1 || month > 12) problem = 'months run from 01 to 12';
  else if (day !== null && (day < 1 || day > daysIn(year, month))) {
    problem = `${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days`;
  }
  if (problem)
    throw badRequest(
      `Invalid query parameter "${parameter}" "${value}": ${problem}. Expected ${EXPECTED[parameter] ?? 'a calendar date'}.`,
    );
}
