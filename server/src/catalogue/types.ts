// The shape of the metric catalogue (src/metric-catalogue.ts): a metric, its coverage per country, the upstream
// series that fill it and, for derived measures, how they are computed.
import type { NumberFormat, Source } from '../schemas.ts';

export type SourceId = 'fred' | 'statcan';
export type Country = 'US' | 'CA';
export type MetricFrequency = 'monthly' | 'quarterly' | 'annual';

/** One upstream series and the region it fills. */
export interface SeriesSpec {
  source: SourceId;
  /** The upstream id: a FRED series id (`CAUR`), a StatCan vector number as text (`2063949`), or a StatCan table
   * and coordinate, `<productId>:<coordinate>` (`14100223:7.2.1.0.0.0.0.0.0.0`), read with the WDS coordinate
   * methods when the table's vector numbers could not be verified but its dimension members could. */
  seriesId: string;
  /** ISO 3166-2 region code. */
  region: string;
  /** The metric the series fills. */
  metric: string;
  /** Multiplier to the metric's units (FRED publishes payrolls and population in thousands). */
  scale?: number;
  /** A series published more often than the metric: how its periods become the metric's. */
  resample?: Resample;
}

/** `quarter-mean`: a monthly index averaged over each complete quarter; `july`: the July 1 estimate of a
 * quarterly population series is the year's value (both countries' annual estimates refer to July 1). */
export type Resample = 'quarter-mean' | 'july';

/** How a derived metric is computed, once, at ingestion, from the stored levels of another metric. */
export interface Derivation {
  from: string;
  /** Percent change over `lag` periods of the metric's frequency: 12 months, 4 quarters, 1 year. */
  kind: 'percent-change';
  lag: number;
}

export interface CountryCoverage {
  /** published: series below; none: the country publishes no such statistic; pending: ids not yet verified. */
  status: 'published' | 'none' | 'pending';
  credit?: Source & { country: Country };
  /** What a reader must know about this country's figures (coverage, gaps). */
  note: string;
  /** Where the series ids were checked (documentation pages, tables, published examples), or why they could not
   * be: kept next to the ids so that a reviewer can redo the check. */
  verified: string;
  series: readonly SeriesSpec[];
}

export interface MetricDeclaration {
  id: string;
  title: string;
  /** What the number is. */
  definition: string;
  units: string;
  frequency: MetricFrequency;
  numberFormat: NumberFormat;
  higherIsBetter: boolean | null;
  seasonalAdjustment: string;
  /** common: one scale for both countries (rates, changes, counts); per-country: levels in two currencies or on
   * two index bases, never classified together. */
  classify: 'common' | 'per-country';
  /** diverging: changes, centred on 0. */
  scheme: 'sequential' | 'diverging';
  comparability: string;
  derivation: Derivation | null;
  coverage: Record<Country, CountryCoverage>;
  /** Synthetic sample values: a base range and a yearly drift (sample data only). */
  sample: { low: number; high: number; wobble: number };
}
