// The arithmetic of a line chart, shared by <chronos-timeseries> and the map tooltip's sparkline: linear
// scales with nice round ticks (d3-array's `nice`/`ticks`, the functions d3-scale's linear scale is built on,
// without the interpolators and number formats it would add to the bundle), the SVG path of a series, and
// which periods of a time axis get a label. No DOM: the widgets turn these numbers into SVG.
import { nice, ticks } from 'd3-array';
import type { Frequency } from './types.ts';

/** A linear mapping from values to pixels, with the ticks of its domain. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** Round values inside the domain, about `count` of them (1, 2 or 5 × 10ⁿ apart). */
  ticks(count?: number): number[];
  /** The value at a pixel position. */
  invert(pixel: number): number;
}

/**
 * A linear scale from `domain` to `range`. `niceCount` extends the domain to round tick values (as d3's
 * `scale.nice(count)`); a domain of one value is widened so a flat series sits mid-height.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  niceCount?: number,
): LinearScale {
  let [d0, d1] = domain;
  if (d0 === d1) {
    const pad = d0 === 0 ? 1 : Math.abs(d0) * 0.1;
    d0 -= pad;
    d1 += pad;
  }
  if (niceCount !== undefined) [d0, d1] = nice(d0, d1, niceCount);
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const scale = ((value: number) => r0 + (value - d0) * k) as LinearScale;
  return Object.assign(scale, {
    domain: [d0, d1] as const,
    range: [r0, r1] as const,
    ticks: (count = 5) => ticks(d0, d1, count),
    invert: (pixel: number) => d0 + (pixel - r0) / k,
  });
}

/** The smallest and largest number of `values` (nulls skipped); undefined when there is none. */
export function extentOf(values: Iterable<number | null | undefined>): [number, number] | undefined {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (typeof value !== 'number' || Number.isNaN(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : undefined;
}

/**
 * The `d` attribute of a line through `values` (index i at `x(i)`, value at `y(value)`), rounded to 0.1 px.
 * Missing values are stepped over: the line joins the values on each side (a quarterly region in a monthly
 * series stays one line); an empty string when there is no value at all.
 */
export function linePath(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  values.forEach((value, index) => {
    if (value === null || Number.isNaN(value)) return;
    d += `${d ? 'L' : 'M'}${round(x(index))},${round(y(value))}`;
  });
  return d;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Steps between labelled periods, smallest first: months, quarters or years apart. */
const TICK_STEPS: Record<Frequency, number[]> = {
  monthly: [1, 2, 3, 6, 12, 24, 60, 120, 240],
  quarterly: [1, 2, 4, 8, 20, 40, 80],
  annual: [1, 2, 5, 10, 20, 50, 100],
  daily: [1, 2, 7, 14, 28, 56, 112, 364],
};

/** How many periods of this frequency make a year (a label every year shows the year only). */
export const PERIODS_PER_YEAR: Record<Frequency, number> = { monthly: 12, quarterly: 4, annual: 1, daily: 365 };

/** The period's position on a calendar counted in its own frequency (months, quarters, years, days). */
function ordinal(date: string, frequency: Frequency): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7) || 1) - 1;
  switch (frequency) {
    case 'monthly':
      return year * 12 + month;
    case 'quarterly':
      return year * 4 + Math.floor(month / 3);
    case 'annual':
      return year;
    default:
      return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
  }
}

/**
 * Which of `dates` (`YYYY-MM-DD`, ascending, one per period) get an axis label when at most `maxLabels` fit:
 * evenly spaced on round calendar steps (every January, every other quarter, every fifth year…).
 * Returns their indices and the step, in periods.
 */
export function periodTicks(
  dates: readonly string[],
  frequency: Frequency,
  maxLabels: number,
): { indices: number[]; step: number } {
  if (dates.length === 0) return { indices: [], step: 1 };
  const fit = Math.max(1, Math.floor(maxLabels));
  const steps = TICK_STEPS[frequency] ?? TICK_STEPS.monthly;
  const step = steps.find((candidate) => Math.ceil(dates.length / candidate) <= fit) ?? steps.at(-1)!;
  const indices: number[] = [];
  dates.forEach((date, index) => {
    if (ordinal(date, frequency) % step === 0) indices.push(index);
  });
  // A short series may contain no round date at all: label its first period.
  return { indices: indices.length > 0 ? indices : [0], step };
}
