// What Chronos ingests: the series of each source, the region each one fills, and how each source is credited.
// Region keys are ISO 3166-2 codes everywhere (ARCHITECTURE decision 1); the upstream ids (USPS-based FRED series,
// StatCan vector numbers) only appear here. Source credits are the API's `Source` body (schemas.ts).
import type { NumberFormat, Source } from '../schemas.ts';

export type SourceId = 'fred' | 'statcan';
export const sourceIds: readonly SourceId[] = ['fred', 'statcan'];

/** The metric both sources fill. */
export const unemploymentMetric = {
  id: 'unemployment',
  title: 'Unemployment rate',
  description:
    'Unemployment rate, seasonally adjusted, monthly (US states: BLS LAUS via FRED; Canadian provinces: LFS).',
  units: 'percent',
  frequency: 'monthly',
  numberFormat: { maximumFractionDigits: 1, minimumFractionDigits: 1 } satisfies NumberFormat,
  higherIsBetter: false,
} as const;

/** One upstream series and the region it fills. */
export interface SeriesSpec {
  source: SourceId;
  /** The upstream id: a FRED series id (`CAUR`) or a StatCan vector number as text (`2063949`). */
  seriesId: string;
  /** ISO 3166-2 region code. */
  region: string;
}

/** 50 states, DC and Puerto Rico: USPS code and FIPS code (an input alias; ISO 3166-2:US is `US-` + USPS). */
export const usRegions: readonly { usps: string; fips: string }[] = [
  ['AL', '01'],
  ['AK', '02'],
  ['AZ', '04'],
  ['AR', '05'],
  ['CA', '06'],
  ['CO', '08'],
  ['CT', '09'],
  ['DE', '10'],
  ['DC', '11'],
  ['FL', '12'],
  ['GA', '13'],
  ['HI', '15'],
  ['ID', '16'],
  ['IL', '17'],
  ['IN', '18'],
  ['IA', '19'],
  ['KS', '20'],
  ['KY', '21'],
  ['LA', '22'],
  ['ME', '23'],
  ['MD', '24'],
  ['MA', '25'],
  ['MI', '26'],
  ['MN', '27'],
  ['MS', '28'],
  ['MO', '29'],
  ['MT', '30'],
  ['NE', '31'],
  ['NV', '32'],
  ['NH', '33'],
  ['NJ', '34'],
  ['NM', '35'],
  ['NY', '36'],
  ['NC', '37'],
  ['ND', '38'],
  ['OH', '39'],
  ['OK', '40'],
  ['OR', '41'],
  ['PA', '42'],
  ['RI', '44'],
  ['SC', '45'],
  ['SD', '46'],
  ['TN', '47'],
  ['TX', '48'],
  ['UT', '49'],
  ['VT', '50'],
  ['VA', '51'],
  ['WA', '53'],
  ['WV', '54'],
  ['WI', '55'],
  ['WY', '56'],
  ['PR', '72'],
].map(([usps, fips]) => ({ usps: usps!, fips: fips! }));

/** ISO 3166-2 code for a USPS or FIPS state code (`CA`, `06` → `US-CA`); undefined when unknown. */
export function usRegionCode(uspsOrFips: string): string | undefined {
  const key = uspsOrFips.trim().toUpperCase();
  const match = usRegions.find((region) => region.usps === key || region.fips === key.padStart(2, '0'));
  return match ? `US-${match.usps}` : undefined;
}

/** FRED `<USPS>UR`: unemployment rate, percent, seasonally adjusted, monthly (BLS LAUS). `PRUR` exists too. */
export const fredSeries: readonly SeriesSpec[] = usRegions.map(({ usps }) => ({
  source: 'fred',
  seriesId: `${usps}UR`,
  region: `US-${usps}`,
}));

/** LFS table 14-10-0287-01, unemployment rate, 15+, both genders, estimate, seasonally adjusted, by province.
 * The territories are not in that table and stay without data. (Canada as a whole, v2062815, is not a region.) */
export const statcanSeries: readonly SeriesSpec[] = [
  ['CA-NL', '2063004'],
  ['CA-PE', '2063193'],
  ['CA-NS', '2063382'],
  ['CA-NB', '2063571'],
  ['CA-QC', '2063760'],
  ['CA-ON', '2063949'],
  ['CA-MB', '2064138'],
  ['CA-SK', '2064327'],
  ['CA-AB', '2064516'],
  ['CA-BC', '2064705'],
].map(([region, seriesId]) => ({ source: 'statcan', seriesId: seriesId!, region: region! }));

export function seriesFor(source: SourceId): readonly SeriesSpec[] {
  return source === 'fred' ? fredSeries : statcanSeries;
}

/** A metric source entry as the API returns it (`metric.sources`), for one of the two countries. */
export type SourceCredit = Source & { country: 'US' | 'CA' };

export const sourceCredits: Record<SourceId, SourceCredit> = {
  fred: {
    name: 'U.S. Bureau of Labor Statistics (LAUS), via FRED, Federal Reserve Bank of St. Louis',
    url: 'https://fred.stlouisfed.org/release?rid=112',
    licence: 'Public domain (U.S. Government work); FRED terms of use',
    attribution:
      'U.S. Bureau of Labor Statistics, Unemployment Rate by state, retrieved from FRED, Federal Reserve Bank of St. Louis',
    country: 'US',
  },
  statcan: {
    name: 'Statistics Canada, Labour Force Survey (table 14-10-0287-01)',
    url: 'https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1410028701',
    licence: 'Open Government Licence – Canada',
    attribution:
      'Statistics Canada. Table 14-10-0287-01 Labour force characteristics, monthly, seasonally adjusted. Contains information licensed under the Open Government Licence – Canada.',
    country: 'CA',
  },
};
