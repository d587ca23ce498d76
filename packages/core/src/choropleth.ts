// The arithmetic of a choropleth, without a map: values a page supplies normalised to the API's shape,
// the regions a map knows and which of them lack a value, the regions of some region sets picked out of
// the page-wide boundaries, and the settings a map classifies and colours with (paint.ts applies them).
import type { Classification } from './breaks.ts';
import { type Messages, messagesFor } from './messages/index.ts';
import { DEFAULT_DIVERGING_SCHEME } from './scheme-ids.ts';
import type { ChoroplethData, FeatureCollection, MetricInfo } from './types.ts';

/** Values a page supplies itself: an API-shaped body, or a plain `{ "US-KS": 3.1, ... }` map. */
export type ChoroplethDataInput = ChoroplethData | Record<string, number | null>;

const EMPTY_METRIC: MetricInfo = {
  id: '',
  title: '',
  description: '',
  units: '',
  frequency: 'monthly',
  number_format: null,
  higher_is_better: null,
  sources: [],
  is_sample: false,
  seasonal_adjustment: '',
  classify: 'common',
  scheme: 'sequential',
  comparability: '',
  derivation: null,
};

/** A page's values in the API's shape: missing fields filled in, non-finite numbers as null. */
export function normalizeData(input: ChoroplethDataInput): ChoroplethData {
  if (Array.isArray((input as ChoroplethData).values)) {
    const data = input as ChoroplethData;
    return {
      ...data,
      metric: { ...EMPTY_METRIC, ...data.metric },
      time: data.time ?? '',
      missing: data.missing ?? [],
    };
  }
  const values = Object.entries(input as Record<string, number | null>).map(([region, value]) => ({
    region,
    name: region,
    value: typeof value === 'number' && Number.isFinite(value) ? value : null,
  }));
  return { metric: { ...EMPTY_METRIC }, time: '', values, missing: [] };
}

/** Every region a map knows: those it draws, those with a value and those the API says are missing. */
export function knownCodes(drawn: Iterable<string>, data: ChoroplethData | undefined): Set<string> {
  const codes = new Set<string>(drawn);
  if (data) {
    for (const value of data.values) codes.add(value.region);
    for (const code of data.missing) codes.add(code);
  }
  return codes;
}

/** The known regions without a numeric value, sorted. */
export function missingCodes(known: Iterable<string>, data: ChoroplethData): string[] {
  const withValue = new Set(data.values.filter((v) => typeof v.value === 'number').map((v) => v.region));
  return [...known].filter((code) => !withValue.has(code)).sort();
}

/** Which country's regions make up each region set. */
const SET_COUNTRY: Record<string, string> = { 'us-states': 'US', 'ca-provinces': 'CA' };

/**
 * The features of `sets` out of a collection holding every set: one boundaries download serves every
 * map on a page, whatever region sets each shows. The collection itself is returned when nothing is left out.
 */
export function selectRegions(collection: FeatureCollection, sets: string | readonly string[]): FeatureCollection {
  const wanted = new Set(
    (typeof sets === 'string' ? sets.split(',') : sets).map((set) => SET_COUNTRY[set.trim()] ?? set.trim()),
  );
  const features = collection.features.filter((feature) => wanted.has(String(feature.properties?.country)));
  return features.length === collection.features.length ? collection : { ...collection, features };
}

/** How a map classifies and colours (already validated). */
export interface PaintSettings {
  classification: Classification;
  classes: number;
  thresholds?: number[] | undefined;
  midpoint?: number | undefined;
  scheme: string;
  reverse?: boolean;
  /** Colours supplied by the page: their number sets the number of classes. */
  colors?: string[] | undefined;
  /** Classify each country's regions on its own (levels in two currencies or on two index bases). */
  perCountry?: boolean;
}

/**
 * The metric's own defaults where the page chose nothing: a diverging metric (a change) gets the diverging scheme
 * centred on 0, a `per-country` metric is classified per country (never on one scale).
 */
export function withMetricDefaults(
  settings: PaintSettings,
  metric: Partial<Pick<MetricInfo, 'classify' | 'scheme'>>,
  chosen: { scheme: boolean; midpoint: boolean },
): PaintSettings {
  const diverging = metric.scheme === 'diverging';
  return {
    ...settings,
    ...(diverging && !chosen.midpoint ? { midpoint: 0 } : {}),
    ...(diverging && !chosen.scheme && !settings.colors ? { scheme: DEFAULT_DIVERGING_SCHEME } : {}),
    perCountry: metric.classify === 'per-country',
  };
}

/** Every period's values per country (the ISO 3166-2 prefix of the region), for stable breaks per country. */
export type StableValuesByCountry = ReadonlyMap<string, readonly number[]>;

/** The country of an ISO 3166-2 region code (`US-CA` → `US`). */
export const countryOf = (region: string): string => region.split('-')[0]!.toUpperCase();

/** Every finite value of every period of a series body, per country: stable breaks for `paintChoropleth`. */
export function stableValuesByCountry(input: {
  series: { region: string; points: [string, number | null | undefined][] }[];
}): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const { region, points } of input.series) {
    const list = out.get(countryOf(region)) ?? [];
    for (const [, value] of points) if (typeof value === 'number' && Number.isFinite(value)) list.push(value);
    out.set(countryOf(region), list);
  }
  return out;
}

/** A per-country legend's heading: the country's name in `lang`, and the currency when the metric is money. */
export function legendCountryLabel(country: string, metric: Pick<MetricInfo, 'units'>, lang?: string): string {
  return countryLabel(country, metric, messagesFor(lang));
}

/** `legendCountryLabel` in the words of a catalogue at hand (code that loads languages on demand). */
export function countryLabel(country: string, metric: Pick<MetricInfo, 'units'>, messages: Messages): string {
  const { countries, currencies } = messages.map;
  const name = countries[country as keyof typeof countries] ?? country;
  const currency = currencies[country as keyof typeof currencies];
  return /dollar|USD|CAD/i.test(metric.units) && currency ? `${name} (${currency})` : name;
}
