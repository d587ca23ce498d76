// Labour-market metrics of the catalogue: unemployment, participation and employment rates (BLS LAUS via FRED;
// Statistics Canada LFS), payroll employment and its change over 12 months (BLS CES via FRED; Statistics Canada SEPH).
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
  statcanCoordinates,
  statcanGeo,
  statcanVectorCheck,
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
      verified:
        'FRED API documentation (fred/series/observations, series_id=CAUR) and the FRED release "State Employment and Unemployment" (https://fred.stlouisfed.org/release/tables?rid=112); <USPS>UR pattern: CAUR, TXUR, DCUR.',
      series: fred('unemployment', ({ usps }) => `${usps}UR`),
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.7.1.1.1.1. ${territoriesNote}`,
      verified: `Statistics Canada WDS answer captured for v2062815 (Canada) and the table's vector list v2063004 (NL) … v2064705 (BC), https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1410028701. ${statcanVectorCheck}`,
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
      verified:
        'FRED: "FRED Adds 102 State-Level Labor Force Participation Rate Series" (https://news.research.stlouisfed.org/2019/04/fred-adds-102-state-level-labor-force-participation-rate-series/: 50 states and DC, SA and NSA); FRED search page (https://fred.stlouisfed.org/searchresults/?st=labor%20force%20participation) names LBSNSA06 as the NSA twin of LBSSA06.',
      series: fred('participation-rate', ({ fips }) => `LBSSA${fips}`, { without: ['PR'] }),
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.8.1.1.1.1. ${territoriesNote}`,
      verified: `Unemployment-rate vector + 1 (Canada v2062816, NL v2063005 … BC v2064706). ${statcanVectorCheck}`,
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
      status: 'published',
      credit: credit.fred(
        'U.S. Bureau of Labor Statistics (LAUS)',
        'https://www.bls.gov/lau/',
        'U.S. Bureau of Labor Statistics, Employment-Population Ratio by state (LAUS)',
      ),
      note: 'BLS LAUS employment–population ratio (16 and over), seasonally adjusted: series LASST<FIPS>0000000000007, read through FRED, for the 50 states and DC; Puerto Rico is not covered: no data.',
      verified:
        'BLS LAUS series id layout (LA + S seasonally adjusted + area ST<FIPS>00000000000 + measure code; la.measure code 07 = employment-population ratio, https://download.bls.gov/pub/time.series/la/la.measure); LASST060000000000007 is the California employment-population ratio in public BLS API clients (github code search "LASST060000000000007"). FRED serves LAUS state series under their BLS ids (https://fred.stlouisfed.org/series/LASST060000000000005, measure 05, linked by a public app); the FRED page of the measure-07 series itself is not in the stored documentation. FRED\'s own employment-population ratio ids (EMRATIO, LREM…) are national only.',
      series: fred('employment-rate', ({ fips }) => `LASST${fips}0000000000007`, { without: ['PR'] }),
    },
    CA: {
      status: 'published',
      credit: lfsCredit,
      note: `Provinces: table 14-10-0287-01, coordinate <geo>.9.1.1.1.1. ${territoriesNote}`,
      verified: `Unemployment-rate vector + 2 (Canada v2062817, NL v2063006 … BC v2064707). ${statcanVectorCheck}`,
      series: statcan('employment-rate', lfs(2)),
    },
  },
  sample: { low: 52, high: 66, wobble: 1 },
};

export const employment: MetricDeclaration = {
  id: 'employment',
  title: 'Payroll employment',
  definition:
    'Payroll jobs (employees on establishment payrolls), seasonally adjusted, monthly. US states: all employees, total nonfarm (BLS CES); Canadian provinces and territories: employment for all employees, industrial aggregate excluding unclassified businesses (SEPH).',
  units: 'persons',
  frequency: 'monthly',
  numberFormat: { notation: 'compact', maximumFractionDigits: 1 },
  higherIsBetter: true,
  seasonalAdjustment: 'Seasonally adjusted',
  classify: 'common',
  scheme: 'sequential',
  comparability:
    "Both count jobs on payrolls (a person with two jobs counts twice; the self-employed are excluded), but from different sources: the US establishment survey (CES) covers nonfarm jobs, Canada's SEPH is built from payroll deduction records and excludes agriculture, fishing and trapping, private household services, religious organizations and military personnel. SEPH appears about a month after the LFS. Compare changes rather than levels.",
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
      verified:
        'FRED series <USPS>NA, "All Employees: Total Nonfarm in <state>", thousands of persons, SA, monthly (release State Employment and Unemployment); the BLS state pages (https://www.bls.gov/eag/eag.CA.htm) give the same total nonfarm figures in thousands.',
      series: fred('employment', ({ usps }) => `${usps}NA`, { scale: 1000 }),
    },
    CA: {
      status: 'published',
      credit: credit.statcan(
        '14-10-0223-01',
        'Employment and average weekly earnings (including overtime) for all employees by province and territory, monthly, seasonally adjusted',
      ),
      note: 'Provinces and territories: table 14-10-0223-01 (SEPH), coordinate <geo>.2.1: industrial aggregate excluding unclassified businesses, employment for all employees (persons).',
      verified:
        'Table 14-10-0223-01 read by coordinate (getDataFromCubePidCoordAndLatestNPeriods, productId 14100223): Geography members 1 Canada, 2 NL … 11 BC, 12 YT, 13 NT, 14 NU; dimension 2 (NAICS) member 2 "Industrial aggregate excluding unclassified businesses [11-91N]" (member 1 includes unclassified businesses); dimension 3 (Estimate) member 1 "Employment for all employees", member 2 "Average weekly earnings including overtime". Member order from the table\'s published member lists and its view links (…tv.action?pid=1410022301&pickMembers[0]=2.2&pickMembers[1]=3.1 for employment, 3.2 for earnings). The provincial vector numbers were not found in stored documentation (Canada: v79310776), hence coordinates; the answer\'s productId and coordinate are checked on every item.',
      series: statcanCoordinates('employment', 14100223, '2.1', Object.keys(statcanGeo)),
    },
  },
  sample: { low: 20_000, high: 18_000_000, wobble: 0.02 },
};

export const employmentChange: MetricDeclaration = {
  ...employment,
  id: 'employment-change',
  title: 'Payroll employment, change over 12 months',
  definition: 'Percent change in payroll employment from the same month a year earlier.',
  units: 'percent',
  numberFormat: change1,
  scheme: 'diverging',
  derivation: percentChange('employment', 12),
  coverage: derivedCoverage(employment),
  sample: { low: -2, high: 4, wobble: 1.5 },
};
