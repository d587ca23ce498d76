// Number and period formatting for tooltips, legends and tables, built on Intl so every locale the
// browser knows works without shipping locale data. Formatters are cached: a map formats the same
// way hundreds of times per repaint.
import type { Frequency } from './types.ts';

export interface FormatValueOptions {
  /** BCP 47 locale (`en-US`, `fr-CA`); the runtime's default when omitted. */
  locale?: string;
  /** The metric's units: `percent` (5.5 means 5.5 %), an ISO 4217 code (`USD`), `count`, `index`, or any
   * other word, which is appended after the number. */
  units?: string;
  /** Overrides the defaults chosen from `units` (e.g. the metric's `number_format`). */
  numberFormat?: Intl.NumberFormatOptions;
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** One Intl formatter per (kind, locale, options), created on first use. */
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) {
    format = create();
    formatters.set(key, format);
  }
  return format;
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return memo(`n|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(
    `d|${locale ?? ''}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }),
  );
}

const PERCENT_UNITS = new Set(['percent', 'percentage', '%', 'pct']);
const COUNT_UNITS = new Set(['count', 'persons', 'people', 'number', 'jobs', 'households', 'units']);

/** Intl options and an optional suffix for a metric's units. */
function unitFormat(
  units: string | undefined,
  value: number,
): { options: Intl.NumberFormatOptions; scale: number; suffix?: string } {
  const unit = units?.trim() ?? '';
  const lower = unit.toLowerCase();
  if (unit === '' || lower === 'index' || lower === 'ratio' || lower === 'rate') {
    return { options: { maximumFractionDigits: 2 }, scale: 1 };
  }
  // Values arrive in percent (5.5 = 5.5 %); Intl's percent style multiplies by 100.
  if (PERCENT_UNITS.has(lower)) return { options: { style: 'percent', maximumFractionDigits: 1 }, scale: 0.01 };
  if (COUNT_UNITS.has(lower)) {
    return { options: { notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 1 }, scale: 1 };
  }
  if (/^[A-Za-z]{3}$/.test(unit)) {
    // Cents matter for prices ($3.45) and are noise on incomes ($52,342).
    const cents = Math.abs(value) < 100 ? {} : { minimumFractionDigits: 0, maximumFractionDigits: 0 };
    return { options: { style: 'currency', currency: unit.toUpperCase(), ...cents }, scale: 1 };
  }
  return { options: { maximumFractionDigits: 2 }, scale: 1, suffix: unit };
}

const NO_DATA_LABELS: Record<string, string> = {
  en: 'No data',
  fr: 'Aucune donnée',
  de: 'Keine Daten',
  es: 'Sin datos',
};

/** "No data" in the locale's language (English when unknown). */
export function noDataLabel(locale?: string): string {
  const language = (locale ?? defaultLocale()).split('-')[0]!.toLowerCase();
  return NO_DATA_LABELS[language] ?? NO_DATA_LABELS.en!;
}

function defaultLocale(): string {
  return new Intl.NumberFormat().resolvedOptions().locale;
}

/** Formats a metric value for people: `formatValue(5.5, {units: 'percent', locale: 'fr-CA'})` → `5,5 %`. */
export function formatValue(value: number | null | undefined, options: FormatValueOptions = {}): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return noDataLabel(options.locale);
  const { options: defaults, scale, suffix } = unitFormat(options.units, value);
  const merged: Intl.NumberFormatOptions = { ...defaults, ...options.numberFormat };
  // More minimum digits than the default maximum (e.g. a metric's number_format) widens the maximum.
  const minimum = merged.minimumFractionDigits;
  if (minimum !== undefined && options.numberFormat?.maximumFractionDigits === undefined) {
    merged.maximumFractionDigits = Math.max(minimum, merged.maximumFractionDigits ?? 0);
  }
  let text: string;
  try {
    text = numberFormat(options.locale, merged).format(value * scale);
  } catch {
    // Options Intl rejects (a bad number_format from the data) must not break a tooltip: use the defaults.
    text = numberFormat(options.locale, defaults).format(value * scale);
  }
  return suffix ? `${text} ${suffix}` : text;
}

/** `YYYY-MM-DD` (or a period: `YYYY-MM`, `YYYY-Qn`, `YYYY`) as the UTC date it starts on; throws on anything else. */
function parseDay(time: string): Date {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(time.trim());
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3 - 3, 1));
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(time.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1))) : null;
  if (!date || Number.isNaN(date.getTime()) || (match?.[2] && date.getUTCMonth() !== Number(match[2]) - 1)) {
    throw new RangeError(`time must be a date YYYY-MM-DD or a period (YYYY-MM, YYYY-Qn, YYYY); got "${time}"`);
  }
  return date;
}

/** Quarter abbreviations where they differ from "Q" (trimestre, trimestre, trimestre). */
const QUARTER_LETTERS: Record<string, string> = { fr: 'T', es: 'T', it: 'T', pt: 'T' };

/**
 * A period in the API's form for its frequency (what `time=` accepts and `/api/metrics` names):
 * `2025-09-01` → `2025-09` (monthly), `2025-Q3` (quarterly), `2025` (annual), `2025-09-01` (daily).
 * Accepts a date or a period in any of those forms.
 */
export function periodKey(time: string, frequency: Frequency): string {
  const date = parseDay(time).toISOString();
  switch (frequency) {
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    case 'annual':
      return date.slice(0, 4);
    case 'daily':
      return date.slice(0, 10);
    default:
      throw new RangeError(`unknown frequency "${frequency as string}"; valid: monthly, quarterly, annual, daily`);
  }
}

/**
 * A period for people, by the metric's frequency (from a date or a period such as `2024-Q1`): `monthly` → `March 2024` / `mars 2024`,
 * `quarterly` → `Q1 2024` / `T1 2024`, `annual` → `2024`, `daily` → `Mar 1, 2024`; `short` abbreviates months.
 */
export function formatPeriod(
  time: string,
  frequency: Frequency,
  locale?: string,
  options: { short?: boolean } = {},
): string {
  const date = parseDay(time);
  switch (frequency) {
    case 'monthly':
      // short (axis labels): `Mar 2024` / `mars 2024`.
      return dateFormat(locale, { year: 'numeric', month: options.short ? 'short' : 'long' }).format(date);
    case 'quarterly': {
      const year = dateFormat(locale, { year: 'numeric' }).format(date);
      const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
      const language = (locale ?? defaultLocale()).split('-')[0]!.toLowerCase();
      return `${QUARTER_LETTERS[language] ?? 'Q'}${numberFormat(locale, {}).format(quarter)} ${year}`;
    }
    case 'annual':
      return dateFormat(locale, { year: 'numeric' }).format(date);
    case 'daily':
      return dateFormat(locale, { dateStyle: 'medium' }).format(date);
    default:
      throw new RangeError(`unknown frequency "${frequency as string}"; valid: monthly, quarterly, annual, daily`);
  }
}
