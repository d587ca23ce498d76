// Economy metrics of the catalogue: population, real GDP and its growth, income per capita and its growth, house
// prices and their change, consumer prices and inflation (Census, BEA, FHFA via FRED; Statistics Canada). Each country's
// entry says where its ids were verified.
import {
  change1,
  credit,
  derivedCoverage,
  fred,
  percentChange,
  provinces,
  statcan,
  statcanCoordinates,
  statcanGeoWithoutCanada,
  statcanVectorCheck,
} from './sources.ts';
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
      verified:
        'FRED/ALFRED series page https://alfred.stlouisfed.org/series?seid=CAPOP: "Resident Population in California", thousands of persons, annual, July 1 estimates (release "Annual Estimates of the Population for the U.S. and States, and for Puerto Rico").',
      series: fred('population', ({ usps }) => `${usps}POP`, { scale: 1000 }),
    },
    CA: {
      status: 'published',
      credit: credit.statcan('17-10-0009-01', 'Population estimates, quarterly'),
      note: 'Provinces and territories: table 17-10-0009-01 (quarterly); the July 1 estimate is the year’s value.',
      verified: `Table 17-10-0009-01 (https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1710000901), Canada v1, NL v2, PE v8, NS v9, NB v10, QC v11, ON v12, MB v13, SK v14, AB v15, BC v3, YT v4, NT v6, NU v7. ${statcanVectorCheck}`,
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
      verified:
        'FRED series https://fred.stlouisfed.org/series/CARGSP "Real Gross Domestic Product: All Industries in California", millions of chained 2017 dollars, annual (cited with TXRGSP by public FRED clients); the <USPS>RGSP pattern also in https://fred.stlouisfed.org/series/USGOVSLRGSP (release Gross Domestic Product by State).',
      series: fred('real-gdp', ({ usps }) => `${usps}RGSP`, { without: ['PR'] }),
    },
    CA: {
      status: 'published',
      credit: credit.statcan(
        '36-10-0402-01',
        'Gross domestic product (GDP) at basic prices, by industry, provinces and territories',
      ),
      note: 'Provinces: table 36-10-0402-01, chained (2017) dollars, all industries [T001], millions of dollars, annual. The territories are left out (their Geography member ids were not seen in a stored source): no data. Statistics Canada continues these estimates in table 36-10-0711-01 (a public WDS client reports that 36-10-0402-01 stops at 2024).',
      verified:
        'Table 36-10-0402-01 read by coordinate (getDataFromCubePidCoordAndLatestNPeriods, productId 36100402) <geo>.2.1. ' +
        'Geography: the table has no Canada member, 13 members with Newfoundland and Labrador first (cansim R package vignette "Working with hierarchies", https://mountainmath.github.io/cansim/articles/working_with_hierarchies.html, get_cansim_table_overview("36-10-0402"): "Column Geography (13) Newfoundland and Labrador, Prince Edward Island, Nova Scotia, New Brunswick, Quebec, Ontario, Manitoba, Saskatchewan, Alberta, British Columbia, ..."), so NL 1 … BC 10; a public WDS client reads Alberta from this table at 9.2.1.0.0.0.0.0.0.0, commented "Alberta(9).Chained2017$(2).AllIndustries(1)" (github code search "tableId: 36100402, coordinate"), which agrees. ' +
        'Prices member 2 is "Chained (2017) dollars": the same vignette lists "Column Prices (3) Current dollars, Chained (2017) dollars, Contributions to percent change" and the same client reads chained 2017 dollars as member 2. NAICS member 1 is "All industries" (first of the 337 NAICS members in the vignette; member 3.1 of the table\'s own view link https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=3610040201&pickMembers[0]=2.2&pickMembers[1]=3.1). ' +
        'Territories: the vignette elides the last three Geography members ("..."), so Yukon, Northwest Territories and Nunavut (11, 12, 13 if the usual order holds) are not declared. The catalogue first read <statcanGeo>.2.1 (NL 2 … BC 11, the order of tables that list Canada first): one member too far.',
      series: statcanCoordinates('real-gdp', 36100402, '2.1', provinces, { geo: statcanGeoWithoutCanada }),
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
      note: 'FRED <USPS>PCPI (dollars), annual, 50 states and DC; no Puerto Rico series.',
      verified:
        'FRED series page https://fred.stlouisfed.org/series/ARPCPI: "Per Capita Personal Income in Arkansas (ARPCPI)", Dollars, Not Seasonally Adjusted, Annual, source U.S. Bureau of Economic Analysis, release "State Per Capita Personal Income". The same <USPS>PCPI form in public FRED code (NYPCPI, TXPCPI, MAPCPI, CAPCPI; github code search "CAPCPI") and in a FRED client\'s tool docs ("CAPCPI" for California, "WIPCPI" for Wisconsin). Definition (https://fred.stlouisfed.org/searchresults/?st=per+capita+personal+ncome): personal income of the residents of an area divided by its resident midyear population.',
      series: fred('income-per-capita', ({ usps }) => `${usps}PCPI`, { without: ['PR'] }),
    },
    CA: {
      status: 'pending',
      credit: credit.statcan('36-10-0229-01', 'Long-run provincial and territorial data'),
      note: 'No data for the provinces: Statistics Canada publishes household income per capita (table 36-10-0229-01, long-run historical data) and household disposable income in the provincial household accounts (36-10-0224-01, which divided by the July 1 population would give disposable income per capita), but the member ids or vectors of neither could be verified, so neither is read.',
      verified:
        'Not verified: no stored document gives the member ids, coordinates or vectors of 36-10-0229-01 or 36-10-0224-01. ' +
        'Found: 36-10-0229-01 has a "Long-run variables" member "Household income per capita" with "Statistical measures" "Linked data" (public R code filters the table by those names, github code search "36100229"; a public app built on it covers 1999 to 2016); 36-10-0224-01 has "Estimates" members "Household disposable income", "Equals: household disposable income", "Primary household income", "Personal income tax" (public Python code filters the bulk CSV by name, github code search "36-10-0224"; Statistics Canada IMDB variable "Household disposable income of economy, value", Canadian dollars at current prices). ' +
        "DBnomics (https://db.nomics.world/STATCAN/36100224, snapshot of 2020-04-30) codes Ontario geogr_14 and household disposable income estim_21, but nothing stored says those are WDS member ids (its Geography codes run Canada 1, Alberta 2, British Columbia 3, Yukon 4 … Saskatchewan 16, not Statistics Canada's order), so they are not used. " +
        'Queries tried: search code "36-10-0229-01 household income per capita provincial", "36100229 csv REF_DATE GEO Long-run variables VECTOR COORDINATE Household income per capita", "36100224 household sector current accounts provincial disposable income", "dbnomics statcan fetcher dimension code memberId geogr_ estim_ getCubeMetadata"; search docs "3610022901 long-run provincial and territorial data", "statcan vector household disposable income province v", "D36100224 Household sector, current accounts, provincial and territorial Dimensions: Geography, Estimates", "Long-run variables: ID: 1, Parent: None, Name: Population Household income per capita Linked data", "db.nomics.world STATCAN/36100224 Ontario Household disposable income annual series"; search pages "Statistics Canada household disposable income per capita province table", "Household sector, current accounts, provincial and territorial, annual Household disposable income", "Long-run provincial and territorial data household income per capita Statistics Canada table", "Table 36-10-0229-01 Long-run provincial and territorial data Long-run variables Statistical measures Linked data", "Table 36-10-0224-01 Household sector, current accounts, provincial and territorial, annual (x 1,000,000)", "db.nomics.world STATCAN 36100224 household disposable income series"; search issues "Statistics Canada table 36100229 household income per capita vector v"; exact strings 36100229, 36-10-0229, 3610022901, 36100224, 36-10-0224, 36-10-0224-01, 3610022401, "Household income per capita", "Household disposable income per capita", "memberNameEn": "Household disposable income", DISPOSABLE_INCOME_VECTORS, STATCAN/36100224. ' +
        'To finish: getCubeMetadata for 36100224 (Geography and Estimates member ids) when WDS is reachable, then read household disposable income by coordinate and divide by the stored July 1 population at ingestion.',
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
      verified:
        'FRED series CASTHPI "All-Transactions House Price Index for California" (FHFA; mirrored at https://useconomictrends.com/trend/CASTHPI, read from FRED as CASTHPI.csv in public analyses), quarterly, 1980 Q1 = 100.',
      series: fred('house-price-index', ({ usps }) => `${usps}STHPI`, { without: ['PR'] }),
    },
    CA: {
      status: 'published',
      credit: credit.statcan('18-10-0205-01', 'New housing price indexes, monthly'),
      note: 'Provinces: table 18-10-0205-01, total (house and land), monthly, averaged over complete quarters. Not published for the territories: no data.',
      verified: `Table 18-10-0205-01 (https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1810020501), total (house and land): Canada v111955442, NL v111955448 … BC v111955550. ${statcanVectorCheck}`,
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
  verified:
    'BLS CPI is published for the U.S., four census regions, divisions and selected metro areas (e.g. FRED CUURA422SAH, San Francisco); no state CPI exists.',
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
  // Not the US coverage note again: the metric's comparability text is followed by every country's note.
  comparability: 'Canadian provinces only: compare provinces with one another.',
  derivation: null,
  coverage: {
    US: noStateCpi,
    CA: {
      status: 'published',
      credit: credit.statcan('18-10-0004-01', 'Consumer Price Index, monthly, not seasonally adjusted'),
      note: 'Provinces: table 18-10-0004-01, all-items. The territories are published for their capital cities only: no data.',
      verified: `Table 18-10-0004-01 (https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1810000401), all-items: Canada v41690973, NL v41691244 … BC v41692462. ${statcanVectorCheck}`,
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
