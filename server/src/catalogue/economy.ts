// Economy metrics of the catalogue: population, real GDP and its growth, income per capita and its growth, house
// prices and their change, consumer prices and inflation (Census, BEA, FHFA via FRED; Statistics Canada).
import { change1, credit, derivedCoverage, fred, percentChange, statcan } from './sources.ts';
import type { CountryCoverage, MetricDeclaration } from './types.ts';

export const population: MetricDeclaration = {
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
        'https://www.census.gov/programs-surveys/popest.html',
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

export const realGdp: MetricDeclaration = {
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
        'https://www.bea.gov/data/gdp/gdp-state',
        'U.S. Bureau of Economic Analysis, Real Gross Domestic Product by state',
      ),
      note: 'FRED <USPS>RGSP (millions of chained 2017 dollars), 50 states and DC; no Puerto Rico series.',
      series: fred('real-gdp', ({ usps }) => `${usps}RGSP`, { without: ['PR'] }),
    },
    CA: {
      status: 'pending',
      credit: credit.statcan(
        '36-10-0402-01',
        'Gross domestic product (GDP) at basic prices, by industry, provinces and territories',
      ),
      note: 'Table 36-10-0402-01 (chained 2017 dollars, all industries): its vector ids are not yet verified against Statistics Canada (and the table is reported archived in favour of 36-10-0711-01), so provinces show no data.',
      series: [],
    },
  },
  sample: { low: 30_000, high: 3_000_000, wobble: 0.03 },
};

export const realGdpGrowth: MetricDeclaration = {
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

export const income: MetricDeclaration = {
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
        'https://www.bea.gov/data/income-saving/personal-income-by-state',
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

export const incomeGrowth: MetricDeclaration = {
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

export const housePriceIndex: MetricDeclaration = {
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
        'https://www.fhfa.gov/data/hpi',
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

export const housePriceChange: MetricDeclaration = {
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

export const cpi: MetricDeclaration = {
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

export const inflation: MetricDeclaration = {
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
