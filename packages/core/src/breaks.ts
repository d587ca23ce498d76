// Class breaks as data, without the statistics that compute them (classify.ts): their shape, which class
// a value falls in and each class's range for a legend. A separate module so that code which only reads
// breaks (a legend, a map's keyboard and table) does not carry d3-scale and simple-statistics with it.
import { bisectRight } from 'd3-array';

export const classifications = ['quantile', 'equal-interval', 'natural-breaks', 'nice', 'custom'] as const;
export type Classification = (typeof classifications)[number];

/** The smallest and largest class counts `classify` accepts (ColorBrewer's diverging sets go to 11). */
export const MIN_CLASSES = 1;
export const MAX_CLASSES = 11;

export interface Breaks {
  method: Classification;
  /** `classes - 1` inner breaks, strictly ascending. A value `v` is in class `i` when
   * `thresholds[i-1] <= v < thresholds[i]` (d3's `scaleThreshold` convention). */
  thresholds: number[];
  /** Smallest and largest finite value classified (`NaN` when there were none). */
  min: number;
  max: number;
  /** Number of classes actually produced: `thresholds.length + 1`. */
  classes: number;
  /** Number of finite values classified. */
  count: number;
  midpoint?: number;
}

/** A value that `classify`, `classIndex` and `stableValues` skip: no data for that region. */
export type MaybeValue = number | null | undefined;

/** The class (0-based) of `value` under `breaks`, or -1 for no data (`null`, `undefined`, `NaN`, ±∞). */
export function classIndex(value: MaybeValue, breaks: Pick<Breaks, 'thresholds'>): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
  return bisectRight(breaks.thresholds, value);
}

/** Each class as a `[from, to)` range for a legend; the outer ends are the data's min and max. */
export function classRanges(breaks: Breaks): { index: number; from: number; to: number }[] {
  return Array.from({ length: breaks.classes }, (_, index) => ({
    index,
    from: index === 0 ? breaks.min : breaks.thresholds[index - 1]!,
    to: index === breaks.classes - 1 ? breaks.max : breaks.thresholds[index]!,
  }));
}

/**
 * Every value of every period, for breaks that mean the same thing as time moves ("stable breaks"):
 * pass a series response (`ChronosClient.series`) or any iterable of periods' values.
 */
export function stableValues(
  input: { series: { points: [string, MaybeValue][] }[] } | Iterable<Iterable<MaybeValue>>,
): number[] {
  const out: number[] = [];
  if ('series' in input) {
    for (const { points } of input.series) for (const [, value] of points) if (isValue(value)) out.push(value);
  } else {
    for (const period of input) for (const value of period) if (isValue(value)) out.push(value);
  }
  return out;
}

/** A finite number: a value that is data (classify and stableValues skip the rest). */
export function isValue(value: MaybeValue): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
