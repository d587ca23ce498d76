// Parsers for the elements' attribute strings. Each returns the value to use and, for bad input, an error
// naming the problem and the valid choices: the element shows the message and carries on with the
// fallback instead of throwing into the page. An absent or empty attribute is the fallback, silently.
// Messages come from the catalogue of the language given last (English by default).
import { type Classification, classifications } from './breaks.ts';
import { en, type Messages } from './messages/en.ts';
import { schemeIds } from './scheme-ids.ts';

export interface Parsed<T> {
  value: T;
  /** Set when the input was rejected and `value` is the fallback (or the usable part of the input). */
  error?: string;
}

type Attribute = string | null | undefined;

const isBlank = (input: Attribute): input is null | undefined | '' => input == null || input.trim() === '';

export const CLASSES_RANGE = { min: 3, max: 9 } as const;
export const DEFAULT_CLASSES = 5;
export const DEFAULT_CLASSIFICATION: Classification = 'quantile';
export const REGION_SETS = ['us-states', 'ca-provinces'] as const;
export const DEFAULT_GEO: readonly string[] = REGION_SETS;

/** One of a fixed set of words, case-insensitively. */
export function parseChoice<T extends string>(
  name: string,
  input: Attribute,
  choices: readonly T[],
  fallback: T,
  messages: Messages = en,
): Parsed<T> {
  if (isBlank(input)) return { value: fallback };
  const word = input.trim().toLowerCase();
  const match = choices.find((choice) => choice === word);
  if (match) return { value: match };
  return { value: fallback, error: messages.attributes.oneOf(name, choices.join(', '), input) };
}

/** `classes`: an integer from 3 to 9. */
export function parseClasses(input: Attribute, fallback = DEFAULT_CLASSES, messages: Messages = en): Parsed<number> {
  if (isBlank(input)) return { value: fallback };
  const text = input.trim();
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= CLASSES_RANGE.min && value <= CLASSES_RANGE.max) return { value };
  return { value: fallback, error: messages.attributes.classes(CLASSES_RANGE.min, CLASSES_RANGE.max, input) };
}

/** `scheme`: a scheme id (case-insensitive), returned lower-case. */
export function parseScheme(input: Attribute, fallback: string, messages: Messages = en): Parsed<string> {
  if (isBlank(input)) return { value: fallback };
  const id = input.trim().toLowerCase();
  if (schemeIds.includes(id)) return { value: id };
  return { value: fallback, error: messages.attributes.scheme(input, schemeIds.join(', ')) };
}

/** Other names people use for the methods. */
const CLASSIFICATION_ALIASES: Record<string, Classification> = {
  jenks: 'natural-breaks',
  ckmeans: 'natural-breaks',
  natural: 'natural-breaks',
  equal: 'equal-interval',
  quantiles: 'quantile',
};

/** `classification`: quantile, equal-interval, natural-breaks (alias jenks, ckmeans), nice or custom. */
export function parseClassification(
  input: Attribute,
  fallback = DEFAULT_CLASSIFICATION,
  messages: Messages = en,
): Parsed<Classification> {
  const alias = isBlank(input) ? undefined : CLASSIFICATION_ALIASES[input.trim().toLowerCase()];
  if (alias) return { value: alias };
  return parseChoice('classification', input, classifications, fallback, messages);
}

/** `time`: `latest` or a period in the API's form: a month `YYYY-MM`, a quarter `YYYY-Qn`, a year `YYYY`. */
export function parseTime(input: Attribute, fallback = 'latest', messages: Messages = en): Parsed<string> {
  if (isBlank(input)) return { value: fallback };
  const text = input.trim().toLowerCase();
  if (text === 'latest') return { value: text };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return { value: text };
  // Quarterly and annual metrics name their periods 2025-Q3 and 2024 (the API's form, upper-case Q).
  if (/^\d{4}-q[1-4]$/.test(text)) return { value: text.toUpperCase() };
  if (/^\d{4}$/.test(text)) return { value: text };
  return { value: fallback, error: messages.attributes.time(input) };
}

/** `thresholds`: comma-separated numbers, returned ascending without duplicates. */
export function parseThresholds(input: Attribute, messages: Messages = en): Parsed<number[] | undefined> {
  if (isBlank(input)) return { value: undefined };
  const parts = input.split(/[\s,]+/).filter(Boolean);
  const numbers = parts.map((part) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(part) ? Number(part) : Number.NaN));
  if (numbers.length === 0 || numbers.some((n) => !Number.isFinite(n))) {
    return { value: undefined, error: messages.attributes.thresholds(input) };
  }
  const value = [...new Set(numbers)].sort((a, b) => a - b);
  if (value.length > CLASSES_RANGE.max - 1) {
    return { value: undefined, error: messages.attributes.thresholdsCount(CLASSES_RANGE.max, value.length) };
  }
  return { value };
}

/** `midpoint`: a number (diverging data), or absent. */
export function parseMidpoint(input: Attribute, messages: Messages = en): Parsed<number | undefined> {
  if (isBlank(input)) return { value: undefined };
  const value = Number(input.trim());
  if (Number.isFinite(value)) return { value };
  return { value: undefined, error: messages.attributes.midpoint(input) };
}

/** `geo`: comma-separated region sets; unknown ones are dropped (all unknown: the default). */
export function parseGeo(
  input: Attribute,
  fallback: readonly string[] = DEFAULT_GEO,
  messages: Messages = en,
): Parsed<string[]> {
  if (isBlank(input)) return { value: [...fallback] };
  const sets = [
    ...new Set(
      input
        .split(',')
        .map((part) => part.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const valid = sets.filter((set) => (REGION_SETS as readonly string[]).includes(set));
  const unknown = sets.filter((set) => !valid.includes(set));
  if (unknown.length === 0 && valid.length > 0) return { value: valid };
  return {
    value: valid.length > 0 ? valid : [...fallback],
    error: messages.attributes.geo(REGION_SETS.join(', '), unknown.map((set) => `"${set}"`).join(', ') || `"${input}"`),
  };
}
