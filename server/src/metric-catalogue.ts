// The metric catalogue: every metric Chronos serves, declared once as data. Connectors read the upstream series
// from it, the store and the API read the metadata (units, frequency, sources, comparability, how to classify),
// the sample seeder reads frequencies and value ranges, and the OpenAPI docs list its ids as an enum.
// Adding a metric is one entry here plus replay fixtures. Upstream ids appear only here (and in jobs/catalogue.ts
// for the region tables). Every series id below was checked against the source's documentation or published
// examples; where no id could be verified the country's entry says so instead of guessing (see `coverage`).
import type { NumberFormat, Source } from './schemas.ts';

export type SourceId = 'fred' | 'statcan';
export type Country = 'US' | 'CA';
export type MetricFrequency = 'monthly' | 'quarterly' | 'annual';

/** One upstream series and the region it fills. */
export interface SeriesSpec {
  source: SourceId;
  /** The upstream id: a FRED series id (`CAUR`) or a StatCan vector number as text (`2063949`). */
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

/** 50 states, DC and Puerto Rico: USPS code and FIPS code (an input alias; ISO 3166-2:US is `US-` + USPS). */
export const usRegions: readonly { usps: string; fips: string }[] = (
  'AL01 AK02 AZ04 AR05 CA06 CO08 CT09 DE10 DC11 FL12 GA13 HI15 ID16 IL17 IN18 IA19 KS20 KY21 LA22 ME23 MD24 MA25 ' +
  'MI26 MN27 MS28 MO29 MT30 NE31 NV32 NH33 NJ34 NM35 NY36 NC37 ND38 OH39 OK40 OR41 PA42 RI44 SC45 SD46 TN47 TX48 ' +
  'UT49 VT50 VA51 WA53 WV54 WI55 WY56 PR72'
)
  .split(' ')
  .map((entry) => ({ usps: entry.slice(0, 2), fips: entry.slice(2) }));

const provinces = ['CA-NL', 'CA-PE', 'CA-NS', 'CA-NB', 'CA-QC', 'CA-ON', 'CA-MB', 'CA-SK', 'CA-AB', 'CA-BC'] as const;

/** FRED series for every state (and DC, PR unless `without`), from a pattern over USPS and FIPS codes. */
function fred(
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
function statcan(
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

/** LFS table 14-10-0287-01 (both genders, 15+, estimate, seasonally adjusted): each province's vectors are
 * consecutive in the order of the "labour force characteristics" member (employment +0 … unemployment rate +4,
 * participation rate +5, employment rate +6), anchored on the unemployment-rate vectors of the fixtures README. */
const lfsUnemploymentRate: Record<string, number> = {
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
const lfs = (offset: number) =>
  Object.fromEntries(Object.entries(lfsUnemploymentRate).map(([region, vector]) => [region, vector + offset]));

const credit = {
  fred: (name: string, release: string, attribution: string) => ({
    name: `${name}, via FRED, Federal Reserve Bank of St. Louis`,
    url: release,
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

const lfsCredit = credit.statcan('14-10-0287-01', 'Labour force characteristics, monthly, seasonally adjusted');
const lausNote = 'BLS LAUS (model-based state estimates); Canada: Labour Force Survey. Both follow ILO definitions, ' +
  'but LAUS counts people 16 and over, the LFS people 15 and over.';
const territoriesNote = 'The territories are not in the monthly LFS tables (published elsewhere as 3-month averages): no data.';
const percent1: NumberFormat = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const change1: NumberFormat = { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' };

const percentChange = (from: string, lag: number): Derivation => ({ from, kind: 'percent-change', lag });

/** A derived metric's coverage: its base's, with no upstream series of its own. */
function derivedCoverage(base: MetricDeclaration): Record<Country, CountryCoverage> {
  return {
    US: { ...base.coverage.US, series: [] },
    CA: { ...base.coverage.CA, series: [] },
  };
}

const unemployment: MetricDeclaration = {
  id: 'unemployment',
  title: 'Unemployment rate',
  definition:
    'Unemployed people as a percentage of the labour force, seasonally adjusted, monthly (US states: BLS LAUS via FRED; Canadian provinces: LFS).',
  units: 'percent',
  frequency: 'monthly',
  numberFormat: percent1,
  higherIsBetter: false,
  seasonalAdjustment: 'Seasonally adjusted',
  classify: 'common',
  scheme: 'sequential',
  comparability: lausNote,
  derivation: null,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Bureau of Labor Statistics (LAUS)',
        'https://fred.stlouisfed.org/release?rid=112',
        'U.S. Bureau of Labor Statistics, Unemployment Rate by state',
      ),
      note: 'FRED <USPS>UR for the 50 states, DC and Puerto Rico.',
      series: fred('unemployment', ({ usps }) => `${usps}UR`),
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.7.1.1.1.1. ${territoriesNote}`,
      series: statcan('unemployment', lfsUnemploymentRate),
    },
  },
  sample: { low: 3, high: 7.5, wobble: 0.7 },
};

const participation: MetricDeclaration = {
  ...unemployment,
  id: 'participation-rate',
  title: 'Labour-force participation rate',
  definition:
    'People in the labour force (employed or looking for work) as a percentage of the working-age population, seasonally adjusted, monthly.',
  higherIsBetter: true,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Bureau of Labor Statistics (LAUS)',
        'https://fred.stlouisfed.org/release?rid=446',
        'U.S. Bureau of Labor Statistics, Labor Force Participation Rate by state',
      ),
      note: 'FRED LBSSA<FIPS> for the 50 states and DC; FRED publishes no Puerto Rico series: no data.',
      series: fred('participation-rate', ({ fips }) => `LBSSA${fips}`, { without: ['PR'] }),
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.8.1.1.1.1. ${territoriesNote}`,
      series: statcan('participation-rate', lfs(1)),
    },
  },
  sample: { low: 56, high: 70, wobble: 1 },
};

const employmentRate: MetricDeclaration = {
  ...participation,
  id: 'employment-rate',
  title: 'Employment rate (employment–population ratio)',
  definition: 'Employed people as a percentage of the working-age population, seasonally adjusted, monthly.',
  coverage: {
    US: {
      status: 'pending',
      note: 'BLS publishes a state employment–population ratio (LAUS); its FRED series id is not yet verified, so US states show no data rather than a computed stand-in.',
      series: [],
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.9.1.1.1.1. ${territoriesNote}`,
      series: statcan('employment-rate', lfs(2)),
    },
  },
  sample: { low: 52, high: 66, wobble: 1 },
};

const employment: MetricDeclaration = {
  id: 'employment',
  title: 'Employment',
  definition:
    'Employed people, seasonally adjusted, monthly. US states: nonfarm payroll jobs (BLS CES); Canadian provinces: employed people (LFS).',
  units: 'persons',
  frequency: 'monthly',
  numberFormat: { notation: 'compact', maximumFractionDigits: 1 },
  higherIsBetter: true,
  seasonalAdjustment: 'Seasonally adjusted',
  classify: 'common',
  scheme: 'sequential',
  comparability:
    'Not the same measure: the US figure counts payroll jobs from the establishment survey (CES, a person with two jobs counts twice, farm and self-employment excluded); the Canadian figure counts employed people from the household survey (LFS, self-employed included). Compare changes rather than levels.',
  derivation: null,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Bureau of Labor Statistics (CES)',
        'https://fred.stlouisfed.org/release?rid=116',
        'U.S. Bureau of Labor Statistics, All Employees: Total Nonfarm by state',
      ),
      note: 'FRED <USPS>NA (thousands of persons, stored as persons) for the 50 states, DC and Puerto Rico.',
      series: fred('employment', ({ usps }) => `${usps}NA`, { scale: 1000 }),
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.3.1.1.1.1 (thousands, stored as persons). SEPH payroll employment (14-10-0223-01) is not used: its vector ids are not yet verified. ${territoriesNote}`,
      series: statcan('employment', lfs(-4), { scale: 1000 }),
    },
  },
  sample: { low: 300_000, high: 18_000_000, wobble: 0.02 },
};

const employmentChange: MetricDeclaration = {
  ...employment,
  id: 'employment-change',
  title: 'Employment, change over 12 months',
  definition: 'Percent change in employment from the same month a year earlier.',
  units: 'percent',
  numberFormat: change1,
  scheme: 'diverging',
  derivation: percentChange('employment', 12),
  coverage: derivedCoverage(employment),
  sample: { low: -2, high: 4, wobble: 1.5 },
};

const population: MetricDeclaration = {
  id: 'population',
  title: 'Population',
  definition: 'Resident population on July 1, annual.',
  units: 'persons',
  frequency: 'annual',
  numberFormat: { notation: 'compact', maximumFractionDigits: 1 },
  higherIsBetter: null,
  seasonalAdjustment: 'Not applicable',
  classify: 'common',
  scheme: 'sequential',
  comparability:
    'Both are July 1 estimates of the resident population (US: Census Bureau; Canada: Statistics Canada demographic estimates).',
  derivation: null,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Census Bureau',
        'https://fred.stlouisfed.org/release?rid=118',
        'U.S. Census Bureau, Resident Population by state',
      ),
      note: 'FRED <USPS>POP (thousands of persons, stored as persons), annual.',
      series: fred('population', ({ usps }) => `${usps}POP`, { scale: 1000 }),
    },
    CA: {
      status: 'published',
      credit: credit.statcan('17-10-0009-01', 'Population estimates, quarterly'),
      note: 'Provinces and territories: table 17-10-0009-01 (quarterly); the July 1 estimate is the year’s value.',
      series: statcan(
        'population',
        {
          'CA-NL': 2,
          'CA-PE': 8,
          'CA-NS': 9,
          'CA-NB': 10,
          'CA-QC': 11,
          'CA-ON': 12,
          'CA-MB': 13,
          'CA-SK': 14,
          'CA-AB': 15,
          'CA-BC': 3,
          'CA-YT': 4,
          'CA-NT': 6,
          'CA-NU': 7,
        },
        { resample: 'july' },
      ),
    },
  },
  sample: { low: 40_000, high: 39_000_000, wobble: 0.01 },
};

const realGdp: MetricDeclaration = {
  id: 'real-gdp',
  title: 'Real GDP',
  definition: 'Gross domestic product in chained dollars of each country (millions), annual.',
  units: 'millions of chained dollars (USD for states, CAD for provinces)',
  frequency: 'annual',
  numberFormat: { notation: 'compact', maximumFractionDigits: 1 },
  higherIsBetter: true,
  seasonalAdjustment: 'Not applicable (annual)',
  classify: 'per-country',
  scheme: 'sequential',
  comparability:
    'Levels in two currencies (US dollars, chained 2017; Canadian dollars, chained 2017): classified per country, never on one scale. Compare growth instead.',
  derivation: null,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Bureau of Economic Analysis',
        'https://fred.stlouisfed.org/release?rid=140',
        'U.S. Bureau of Economic Analysis, Real Gross Domestic Product by state',
      ),
      note: 'FRED <USPS>RGSP (millions of chained 2017 dollars), 50 states and DC; no Puerto Rico series.',
      series: fred('real-gdp', ({ usps }) => `${usps}RGSP`, { without: ['PR'] }),
    },
    CA: {
      status: 'pending',
      credit: credit.statcan('36-10-0402-01', 'Gross domestic product (GDP) at basic prices, by industry, provinces and territories'),
      note: 'Table 36-10-0402-01 (chained 2017 dollars, all industries); its vector ids are not yet verified, so provinces show no data.',
      series: [],
    },
  },
  sample: { low: 30_000, high: 3_000_000, wobble: 0.03 },
};

const realGdpGrowth: MetricDeclaration = {
  ...realGdp,
  id: 'real-gdp-growth',
  title: 'Real GDP growth',
  definition: 'Percent change in real GDP from the previous year.',
  units: 'percent',
  numberFormat: change1,
  classify: 'common',
  scheme: 'diverging',
  comparability: 'Growth rates of chained-dollar GDP compare across the border; levels do not.',
  derivation: percentChange('real-gdp', 1),
  coverage: derivedCoverage(realGdp),
  sample: { low: -1.5, high: 4, wobble: 2 },
};

const income: MetricDeclaration = {
  id: 'income-per-capita',
  title: 'Personal income per capita',
  definition: 'Personal income divided by population, in current dollars of each country, annual.',
  units: 'current dollars (USD for states, CAD for provinces)',
  frequency: 'annual',
  numberFormat: { maximumFractionDigits: 0 },
  higherIsBetter: true,
  seasonalAdjustment: 'Not applicable (annual)',
  classify: 'per-country',
  scheme: 'sequential',
  comparability: 'Levels in two currencies: classified per country, never on one scale. Compare growth instead.',
  derivation: null,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Bureau of Economic Analysis',
        'https://fred.stlouisfed.org/release?rid=151',
        'U.S. Bureau of Economic Analysis, Per Capita Personal Income by state',
      ),
      note: 'FRED <USPS>PCPI (dollars), 50 states and DC; no Puerto Rico series.',
      series: fred('income-per-capita', ({ usps }) => `${usps}PCPI`, { without: ['PR'] }),
    },
    CA: {
      status: 'pending',
      credit: credit.statcan('36-10-0229-01', 'Long-run provincial and territorial data'),
      note: 'Household disposable income per capita (table 36-10-0229-01): vector ids not yet verified, so provinces show no data.',
      series: [],
    },
  },
  sample: { low: 40_000, high: 90_000, wobble: 0.03 },
};

const incomeGrowth: MetricDeclaration = {
  ...income,
  id: 'income-per-capita-growth',
  title: 'Personal income per capita, growth',
  definition: 'Percent change in personal income per capita from the previous year (current dollars).',
  units: 'percent',
  numberFormat: change1,
  classify: 'common',
  scheme: 'diverging',
  derivation: percentChange('income-per-capita', 1),
  coverage: derivedCoverage(income),
  sample: { low: 1, high: 7, wobble: 2 },
};

const housePriceIndex: MetricDeclaration = {
  id: 'house-price-index',
  title: 'House price index',
  definition:
    'US states: FHFA all-transactions house price index (1980 Q1 = 100); Canadian provinces: New Housing Price Index, total (house and land), December 2016 = 100, averaged over each quarter.',
  units: 'index',
  frequency: 'quarterly',
  numberFormat: { maximumFractionDigits: 1 },
  higherIsBetter: null,
  seasonalAdjustment: 'Not seasonally adjusted',
  classify: 'per-country',
  scheme: 'sequential',
  comparability:
    'Different indexes on different bases: FHFA covers sales and refinancings of existing single-family homes; the NHPI covers contractors’ prices of new homes. Classified per country; compare changes.',
  derivation: null,
  coverage: {
    US: {
      status: 'published',
      credit: credit.fred(
        'U.S. Federal Housing Finance Agency',
        'https://fred.stlouisfed.org/release?rid=171',
        'U.S. Federal Housing Finance Agency, All-Transactions House Price Index by state',
      ),
      note: 'FRED <USPS>STHPI, quarterly, 50 states and DC; FHFA publishes no Puerto Rico state index.',
      series: fred('house-price-index', ({ usps }) => `${usps}STHPI`, { without: ['PR'] }),
    },
    CA: {
      status: 'published',
      credit: credit.statcan('18-10-0205-01', 'New housing price indexes, monthly'),
      note: 'Provinces: table 18-10-0205-01, total (house and land), monthly, averaged over complete quarters. Not published for the territories: no data.',
      series: statcan(
        'house-price-index',
        {
          'CA-NL': 111955448,
          'CA-PE': 111955454,
          'CA-NS': 111955460,
          'CA-NB': 111955466,
          'CA-QC': 111955472,
          'CA-ON': 111955490,
          'CA-MB': 111955526,
          'CA-SK': 111955532,
          'CA-AB': 111955541,
          'CA-BC': 111955550,
        },
        { resample: 'quarter-mean' },
      ),
    },
  },
  sample: { low: 100, high: 600, wobble: 0.04 },
};

const housePriceChange: MetricDeclaration = {
  ...housePriceIndex,
  id: 'house-price-change',
  title: 'House prices, change over 12 months',
  definition: 'Percent change in the house price index from the same quarter a year earlier.',
  units: 'percent',
  numberFormat: change1,
  classify: 'common',
  scheme: 'diverging',
  derivation: percentChange('house-price-index', 4),
  coverage: derivedCoverage(housePriceIndex),
  sample: { low: -3, high: 9, wobble: 3 },
};

const noStateCpi: CountryCoverage = {
  status: 'none',
  note: 'There is no official consumer price index for US states (BLS publishes CPI for the nation, regions and some metro areas only): US states show no data.',
  series: [],
};

const cpi: MetricDeclaration = {
  id: 'cpi',
  title: 'Consumer price index',
  definition: 'Consumer price index, all items (2002 = 100), not seasonally adjusted, monthly.',
  units: 'index',
  frequency: 'monthly',
  numberFormat: { maximumFractionDigits: 1 },
  higherIsBetter: null,
  seasonalAdjustment: 'Not seasonally adjusted',
  classify: 'common',
  scheme: 'sequential',
  comparability: noStateCpi.note,
  derivation: null,
  coverage: {
    US: noStateCpi,
    CA: {
      status: 'published',
      credit: credit.statcan('18-10-0004-01', 'Consumer Price Index, monthly, not seasonally adjusted'),
      note: 'Provinces: table 18-10-0004-01, all-items. The territories are published for their capital cities only: no data.',
      series: statcan('cpi', {
        'CA-NL': 41691244,
        'CA-PE': 41691379,
        'CA-NS': 41691513,
        'CA-NB': 41691648,
        'CA-QC': 41691783,
        'CA-ON': 41691919,
        'CA-MB': 41692055,
        'CA-SK': 41692191,
        'CA-AB': 41692327,
        'CA-BC': 41692462,
      }),
    },
  },
  sample: { low: 140, high: 170, wobble: 0.03 },
};

const inflation: MetricDeclaration = {
  ...cpi,
  id: 'inflation',
  title: 'Consumer-price inflation, 12 months',
  definition: 'Percent change in the all-items consumer price index from the same month a year earlier.',
  units: 'percent',
  numberFormat: change1,
  scheme: 'diverging',
  derivation: percentChange('cpi', 12),
  coverage: derivedCoverage(cpi),
  sample: { low: 1, high: 5, wobble: 1.5 },
};

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
