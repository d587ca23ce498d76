// Building blocks of the catalogue's declarations: the US regions with their USPS and FIPS codes, FRED series
// patterns, StatCan vectors (the LFS ones derived from the table's member order), source credits, shared notes.
import type { NumberFormat } from '../schemas.ts';
import type { Country, CountryCoverage, Derivation, MetricDeclaration, Resample, SeriesSpec } from './types.ts';

/** 50 states, DC and Puerto Rico: USPS code and FIPS code (an input alias; ISO 3166-2:US is `US-` + USPS). */
export const usRegions: readonly { usps: string; fips: string }[] = (
  'AL01 AK02 AZ04 AR05 CA06 CO08 CT09 DE10 DC11 FL12 GA13 HI15 ID16 IL17 IN18 IA19 KS20 KY21 LA22 ME23 MD24 MA25 ' +
  'MI26 MN27 MS28 MO29 MT30 NE31 NV32 NH33 NJ34 NM35 NY36 NC37 ND38 OH39 OK40 OR41 PA42 RI44 SC45 SD46 TN47 TX48 ' +
  'UT49 VT50 VA51 WA53 WV54 WI55 WY56 PR72'
)
  .split(' ')
  .map((entry) => ({ usps: entry.slice(0, 2), fips: entry.slice(2) }));

/** FRED series for every state (and DC, PR unless `without`), from a pattern over USPS and FIPS codes. */
export function fred(
  metric: string,
  pattern: (state: { usps: string; fips: string }) => string,
  options: { without?: string[]; scale?: number } = {},
): SeriesSpec[] {
  return usRegions
    .filter(({ usps }) => !options.without?.includes(usps))
    .map((state) => ({
      source: 'fred',
      seriesId: pattern(state),
      region: `US-${state.usps}`,
      metric,
      ...(options.scale ? { scale: options.scale } : {}),
    }));
}

/** StatCan vectors, region by region (regions without a vector are left out). */
export function statcan(
  metric: string,
  vectors: Record<string, number>,
  options: { scale?: number; resample?: Resample } = {},
): SeriesSpec[] {
  return Object.entries(vectors).map(([region, vector]) => ({
    source: 'statcan',
    seriesId: String(vector),
    region,
    metric,
    ...options,
  }));
}

/** Member ids of the provinces and territories in the Geography dimension of Statistics Canada tables that list
 * Canada first and the territories last (the order of SEPH 14-10-0223-01 and LFS 14-10-0287-01). */
export const statcanGeo: Record<string, number> = {
  'CA-NL': 2,
  'CA-PE': 3,
  'CA-NS': 4,
  'CA-NB': 5,
  'CA-QC': 6,
  'CA-ON': 7,
  'CA-MB': 8,
  'CA-SK': 9,
  'CA-AB': 10,
  'CA-BC': 11,
  'CA-YT': 12,
  'CA-NT': 13,
  'CA-NU': 14,
};

/** Member ids of the Geography dimension of tables with no Canada member, the provinces and territories only, in
 * the same order from 1 (provincial GDP by industry, 36-10-0402-01: 13 members, Newfoundland and Labrador first). */
export const statcanGeoWithoutCanada: Record<string, number> = Object.fromEntries(
  Object.entries(statcanGeo).map(([region, member]) => [region, member - 1]),
);

/** StatCan series by table and coordinate (`<geo>.<other members>`, padded to the ten positions WDS answers
 * with), for the regions given: read with getDataFromCubePidCoordAndLatestNPeriods. `geo` is the table's own
 * Geography member ids (`statcanGeo` unless the table has no Canada member). */
export function statcanCoordinates(
  metric: string,
  productId: number,
  members: string,
  regions: readonly string[],
  options: { scale?: number; geo?: Record<string, number> } = {},
): SeriesSpec[] {
  const { geo = statcanGeo, ...rest } = options;
  return regions.map((region) => {
    const positions = [String(geo[region]), ...members.split('.')];
    while (positions.length < 10) positions.push('0');
    return {
      source: 'statcan',
      seriesId: `${productId}:${positions.join('.')}`,
      region,
      metric,
      ...rest,
    };
  });
}

export const provinces = Object.keys(statcanGeo).slice(0, 10);

/** LFS table 14-10-0287-01 (both genders, 15+, estimate, seasonally adjusted): each province's vectors are
 * consecutive in the order of the "labour force characteristics" member (employment +0 … unemployment rate +4,
 * participation rate +5, employment rate +6), anchored on the unemployment-rate vectors of the fixtures README. */
export const lfsUnemploymentRate: Record<string, number> = {
  'CA-NL': 2063004,
  'CA-PE': 2063193,
  'CA-NS': 2063382,
  'CA-NB': 2063571,
  'CA-QC': 2063760,
  'CA-ON': 2063949,
  'CA-MB': 2064138,
  'CA-SK': 2064327,
  'CA-AB': 2064516,
  'CA-BC': 2064705,
};
export const lfs = (offset: number) =>
  Object.fromEntries(Object.entries(lfsUnemploymentRate).map(([region, vector]) => [region, vector + offset]));

/** Source credits: FRED's with the producer's own page (its release on FRED for the unemployment rates). */
export const credit = {
  fred: (name: string, url: string, attribution: string) => ({
    name: `${name}, via FRED, Federal Reserve Bank of St. Louis`,
    url,
    licence: 'Public domain (U.S. Government work); FRED terms of use',
    attribution: `${attribution}, retrieved from FRED, Federal Reserve Bank of St. Louis`,
    country: 'US' as const,
  }),
  statcan: (table: string, title: string) => ({
    name: `Statistics Canada, table ${table}`,
    url: `https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=${table.replaceAll('-', '')}`,
    licence: 'Open Government Licence – Canada',
    attribution: `Statistics Canada. Table ${table} ${title}. Contains information licensed under the Open Government Licence – Canada.`,
    country: 'CA' as const,
  }),
};

export const lfsCredit = credit.statcan('14-10-0287-01', 'Labour force characteristics, monthly, seasonally adjusted');

/** Where the StatCan vectors of the catalogue were checked: the LFS, CPI, NHPI and population vector tables of a
 * public WDS client (its province-by-province vector lists agree with every vector here), and the Canada-level
 * vectors of the same tables checked live against WDS getSeriesInfoFromVector by a public mapping document. */
export const statcanVectorCheck =
  'Vectors agree with the province-by-province vector tables of a public WDS client (github code search: ' +
  '"POPULATION_VECTORS", "NHPI_VECTORS", "CPI_VECTORS", "EMPLOYMENT_RATE_VECTORS"); the Canada-level vectors of the ' +
  'same tables (v2062811, v2062815 to v2062817, v41690973, v111955442) were checked live with getSeriesInfoFromVector ' +
  'in a public Canada data mapping document.';
export const lausNote =
  'BLS LAUS (model-based state estimates); Canada: Labour Force Survey. Both follow ILO definitions, ' +
  'but LAUS counts people 16 and over, the LFS people 15 and over.';
export const territoriesNote =
  'The territories are not in the monthly LFS tables (published elsewhere as 3-month averages): no data.';
export const percent1: NumberFormat = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
export const change1: NumberFormat = { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' };

export const percentChange = (from: string, lag: number): Derivation => ({ from, kind: 'percent-change', lag });

/** A derived metric's coverage: its base's, with no upstream series of its own. */
export function derivedCoverage(base: MetricDeclaration): Record<Country, CountryCoverage> {
  return {
    US: { ...base.coverage.US, series: [] },
    CA: { ...base.coverage.CA, series: [] },
  };
}
