// The metric catalogue: every metric Chronos serves, declared once as data. Connectors read the upstream series
// from it, the store and the API read the metadata (units, frequency, sources, comparability, how to classify),
// the sample seeder reads frequencies and value ranges, and the OpenAPI docs list its ids as an enum.
// Adding a metric is one declaration in src/catalogue/ (labour.ts, economy.ts) and one entry in the list below, plus
// replay fixtures. Upstream ids appear only there. Every series id was checked against the source's documentation
// or published examples; where no id could be verified the country's entry says so instead of guessing.
import {
  cpi,
  housePriceChange,
  housePriceIndex,
  income,
  incomeGrowth,
  inflation,
  population,
  realGdp,
  realGdpGrowth,
} from './catalogue/economy.ts';
import { employment, employmentChange, employmentRate, participation, unemployment } from './catalogue/labour.ts';
import type { Country, MetricDeclaration, SeriesSpec, SourceId } from './catalogue/types.ts';

export { usRegions } from './catalogue/sources.ts';
export type * from './catalogue/types.ts';

/** Every metric, levels before the measures derived from them. */
export const metricCatalogue: readonly MetricDeclaration[] = [
  unemployment,
  participation,
  employmentRate,
  employment,
  employmentChange,
  population,
  realGdp,
  realGdpGrowth,
  income,
  incomeGrowth,
  housePriceIndex,
  housePriceChange,
  cpi,
  inflation,
];

export const metricIds = metricCatalogue.map((metric) => metric.id);

export function declaredMetric(id: string): MetricDeclaration | undefined {
  return metricCatalogue.find((metric) => metric.id === id);
}

export const sourceCountry: Record<SourceId, Country> = { fred: 'US', statcan: 'CA' };

/** Every upstream series of a source, optionally for some metrics only. */
export function catalogueSeries(source: SourceId, metrics?: readonly string[]): SeriesSpec[] {
  return metricCatalogue
    .filter((metric) => !metrics || metrics.includes(metric.id))
    .flatMap((metric) => metric.coverage[sourceCountry[source]].series.filter((spec) => spec.source === source));
}

/** The metrics derived from `base`. */
export function derivedFrom(base: string): MetricDeclaration[] {
  return metricCatalogue.filter((metric) => metric.derivation?.from === base);
}

/** The derivation as people read it (metric metadata). */
export function describeDerivation(metric: MetricDeclaration): string | null {
  const derivation = metric.derivation;
  if (!derivation) return null;
  const span = { monthly: 'months', quarterly: 'quarters', annual: 'years' }[metric.frequency];
  return `Computed by Chronos at ingestion from the stored "${derivation.from}" levels: (level / level ${derivation.lag} ${span} earlier − 1) × 100. A revised level revises it.`;
}
