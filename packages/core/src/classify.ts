// Classification: turns a metric's values into class breaks so that a choropleth's colours mean something.
// The statistics come from maintained libraries (d3's quantile scale, simple-statistics' ckmeans and
// equal-interval breaks, d3-array's nice ticks); this module only chooses among them, handles the
// awkward inputs real data has (ties, gaps, a single value) and makes diverging breaks symmetric.
import { nice, ticks } from 'd3-array';
import { scaleQuantile, scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { ckmeans, equalIntervalBreaks } from 'simple-statistics';
import {
  type Breaks,
  type Classification,
  classifications,
  isValue,
  MAX_CLASSES,
  type MaybeValue,
  MIN_CLASSES,
} from './breaks.ts';

export interface ClassifyOptions {
  method: Classification;
  /** Requested number of classes. The result may have fewer when the data has fewer distinct values. */
  classes: number;
  /** Inner breaks for `custom` (ascending or not; duplicates are dropped). */
  thresholds?: number[];
  /** Diverging data: breaks are made symmetric around this value (see `classify`). */
  midpoint?: number;
}

/** Finite numbers from `values`, sorted ascending; `null`, `undefined` and `NaN` are no data. */
function finiteSorted(values: Iterable<MaybeValue>): number[] {
  const out: number[] = [];
  for (const value of values) if (isValue(value)) out.push(value);
  return out.sort((a, b) => a - b);
}

function distinctSorted(sorted: readonly number[]): number[] {
  const out: number[] = [];
  for (const value of sorted) if (out.length === 0 || out[out.length - 1] !== value) out.push(value);
  return out;
}

/**
 * "Nice" breaks: d3's round tick values (1, 2 or 5 × 10ⁿ steps) over the niced extent. Round steps rarely
 * give exactly the requested number of classes, so this takes the most classes that do not exceed it
 * (never more: the colour scheme was chosen for that many).
 */
function niceBreaks(lo: number, hi: number, classes: number): number[] {
  if (!(hi > lo)) return [];
  let best: number[] = [];
  for (let count = 1; count <= classes * 4; count++) {
    const [start, stop] = nice(lo, hi, count);
    const inner = ticks(start, stop, count).slice(1, -1);
    if (inner.length + 1 <= classes && inner.length > best.length) best = inner;
    if (best.length + 1 === classes) break;
  }
  return best;
}

/** Inner breaks for `classes` classes of ascending `sorted` values spanning [lo, hi]. */
function innerBreaks(method: Classification, sorted: number[], classes: number, lo: number, hi: number): number[] {
  if (classes <= 1 || sorted.length === 0 || !(hi > lo)) return [];
  if (method === 'equal-interval') return equalIntervalBreaks([lo, hi], classes).slice(1, -1);
  if (method === 'nice') return niceBreaks(lo, hi, classes);
  // Data-driven methods: with no more distinct values than classes, each distinct value is its own class.
  const distinct = distinctSorted(sorted);
  if (distinct.length <= classes) return distinct.slice(1);
  if (method === 'natural-breaks') {
    // Ckmeans (Wang & Song 2011), the optimal successor of Jenks natural breaks: each break is the
    // smallest value of the next cluster.
    return ckmeans(sorted, classes)
      .slice(1)
      .map((cluster) => cluster[0]!);
  }
  // Quantile: d3's quantile scale (R-7 quantiles, as in R's default and Excel's PERCENTILE.INC).
  return scaleQuantile<number>()
    .domain(sorted)
    .range(Array.from({ length: classes }, (_, index) => index))
    .quantiles();
}

/** Strictly ascending, no duplicates, only breaks that leave both neighbouring classes able to hold data. */
function tidy(thresholds: number[], lo: number, hi: number): number[] {
  return distinctSorted([...thresholds].sort((a, b) => a - b)).filter((t) => t > lo && t <= hi);
}

function checkClasses(classes: number): void {
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new RangeError(`classes must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}; got ${classes}`);
  }
}

/**
 * Computes class breaks for `values` (`null`/`NaN` are skipped as no data).
 *
 * With a `midpoint` (diverging data), the method is applied to the distances from the midpoint and the
 * breaks are mirrored, so they are symmetric around it and equal colours on each side mean equal
 * distances (equal-interval splits the symmetric extent `midpoint ± furthest distance` evenly). With an
 * even number of classes the midpoint itself is a break (half the classes below it, half above); with an
 * odd number the middle (neutral) class is centred on it.
 *
 * For breaks that stay put as time moves, pass every period's values (see `stableValues`).
 */
export function classify(values: Iterable<MaybeValue>, options: ClassifyOptions): Breaks {
  const { method, classes, midpoint } = options;
  if (!classifications.includes(method)) {
    throw new RangeError(`unknown classification "${method}"; valid: ${classifications.join(', ')}`);
  }
  const sorted = finiteSorted(values);
  const min = sorted.length > 0 ? sorted[0]! : Number.NaN;
  const max = sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN;
  const base = { method, min, max, count: sorted.length };

  if (method === 'custom') {
    const given = options.thresholds ?? [];
    if (given.length === 0 || given.some((t) => !Number.isFinite(t))) {
      throw new RangeError(`custom classification needs one or more finite thresholds; got [${given.join(', ')}]`);
    }
    const thresholds = distinctSorted([...given].sort((a, b) => a - b));
    return { ...base, thresholds, classes: thresholds.length + 1, ...(midpoint === undefined ? {} : { midpoint }) };
  }
  checkClasses(classes);

  if (midpoint === undefined) {
    const thresholds = tidy(innerBreaks(method, sorted, classes, min, max), min, max);
    return { ...base, thresholds, classes: thresholds.length + 1 };
  }

  if (!Number.isFinite(midpoint)) throw new RangeError(`midpoint must be a finite number; got ${midpoint}`);
  const distances = sorted.map((value) => Math.abs(value - midpoint)).sort((a, b) => a - b);
  const reach = distances.length > 0 ? distances[distances.length - 1]! : 0;
  const even = classes % 2 === 0;
  if (method === 'equal-interval') {
    // Equal widths over the symmetric extent: with an odd count the neutral class is as wide as the rest.
    const thresholds = reach > 0 ? equalIntervalBreaks([midpoint - reach, midpoint + reach], classes).slice(1, -1) : [];
    if (even && thresholds.length > 0) thresholds[classes / 2 - 1] = midpoint; // exactly, not 1e-16 off
    return { ...base, thresholds, classes: thresholds.length + 1, midpoint };
  }
  // Even: classes/2 classes on each side of the midpoint. Odd: a neutral middle class plus (classes-1)/2
  // on each side, i.e. (classes+1)/2 classes of distance where the first is the neutral one.
  const sideClasses = even ? classes / 2 : (classes + 1) / 2;
  const steps = distinctSorted(innerBreaks(method, distances, sideClasses, 0, reach).filter((d) => d > 0));
  const below = steps.map((d) => midpoint - d).reverse();
  const above = steps.map((d) => midpoint + d);
  const thresholds = even ? [...below, midpoint, ...above] : [...below, ...above];
  return { ...base, thresholds, classes: thresholds.length + 1, midpoint };
}

/** A d3 threshold scale from values to `colors` (one per class); no data maps to `noData`. */
export function thresholdScale(
  breaks: Pick<Breaks, 'thresholds'>,
  colors: readonly string[],
  noData?: string,
): ScaleThreshold<number, string, string | undefined> {
  if (colors.length !== breaks.thresholds.length + 1) {
    throw new RangeError(
      `need ${breaks.thresholds.length + 1} colours for ${breaks.thresholds.length + 1} classes; got ${colors.length}`,
    );
  }
  return scaleThreshold<number, string, string | undefined>()
    .domain(breaks.thresholds)
    .range([...colors])
    .unknown(noData);
}
