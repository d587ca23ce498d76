// What Chronos ingests, seen from the connectors: the series of each source (declared per metric in
// src/metric-catalogue.ts), the region each one fills, and the USPS/FIPS aliases of US regions. Region keys are
// ISO 3166-2 codes everywhere (ARCHITECTURE decision 1); the upstream ids only appear in the catalogue.
import { catalogueSeries, declaredMetric, type SeriesSpec, type SourceId, usRegions } from '../metric-catalogue.ts';

export { type SeriesSpec, type SourceId, usRegions } from '../metric-catalogue.ts';
export const sourceIds: readonly SourceId[] = ['fred', 'statcan'];

/** ISO 3166-2 code for a USPS or FIPS state code (`CA`, `06` → `US-CA`); undefined when unknown. */
export function usRegionCode(uspsOrFips: string): string | undefined {
  const key = uspsOrFips.trim().toUpperCase();
  const match = usRegions.find((region) => region.usps === key || region.fips === key.padStart(2, '0'));
  return match ? `US-${match.usps}` : undefined;
}

/** FRED `<USPS>UR`: unemployment rate, percent, seasonally adjusted, monthly (BLS LAUS). `PRUR` exists too. */
export const fredSeries: readonly SeriesSpec[] = declaredMetric('unemployment')!.coverage.US.series;

/** LFS table 14-10-0287-01, unemployment rate, 15+, both genders, estimate, seasonally adjusted, by province.
 * The territories are not in that table and stay without data. (Canada as a whole, v2062815, is not a region.) */
export const statcanSeries: readonly SeriesSpec[] = declaredMetric('unemployment')!.coverage.CA.series;

/** Every series of a source across the catalogue (or for some metrics). */
export function seriesFor(source: SourceId, metrics?: readonly string[]): readonly SeriesSpec[] {
  return catalogueSeries(source, metrics);
}
