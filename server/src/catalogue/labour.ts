// Labour-market metrics of the catalogue: unemployment, participation and employment rates, employment and its
// change over 12 months (BLS LAUS/CES via FRED; Statistics Canada LFS).
import {
  change1,
  credit,
  derivedCoverage,
  fred,
  lausNote,
  lfs,
  lfsCredit,
  lfsUnemploymentRate,
  percent1,
  percentChange,
  statcan,
  territoriesNote,
} from './sources.ts';
import type { MetricDeclaration } from './types.ts';

export const unemployment: MetricDeclaration = {
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

export const participation: MetricDeclaration = {
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
        'https://www.bls.gov/lau/',
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

export const employmentRate: MetricDeclaration = {
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

export const employment: MetricDeclaration = {
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
        'https://www.bls.gov/sae/',
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

export const employmentChange: MetricDeclaration = {
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
