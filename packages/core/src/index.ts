// @chronos/core: the framework-free half of Chronos maps — API client and page-wide request cache,
// classification, colour schemes, choropleth arithmetic, bounding boxes and formatting. Runs in browsers and Node; no DOM.
export {
  type Breaks,
  type Classification,
  type MaybeValue,
  classIndex,
  classRanges,
  classifications,
  MAX_CLASSES,
  MIN_CLASSES,
  stableValues,
} from './breaks.ts';
export { type ClassifyOptions, classify, thresholdScale } from './classify.ts';
export { DEFAULT_DIVERGING_SCHEME, DEFAULT_SCHEME, schemeIds } from './scheme-ids.ts';
export {
  type ColorScheme,
  type SchemeType,
  colorsFor,
  getScheme,
  MAX_SCHEME_CLASSES,
  NO_DATA_COLOR,
  NO_DATA_COLOR_DARK,
  schemes,
} from './schemes.ts';
export { type BBox, bboxOf, type GeometryLike } from './bbox.ts';
export {
  type ChoroplethDataInput,
  countryLabel,
  countryOf,
  knownCodes,
  legendCountryLabel,
  missingCodes,
  normalizeData,
  type PaintSettings,
  withMetricDefaults,
  selectRegions,
  type StableValuesByCountry,
  stableValuesByCountry,
} from './choropleth.ts';
export { type ChoroplethPaint, paintChoropleth } from './paint.ts';
export { extentOf, type LinearScale, linearScale, linePath, PERIODS_PER_YEAR, periodTicks } from './chart.ts';
export { choroplethCsv, CSV_COLUMNS, type CsvField, csvField, toCsv } from './csv.ts';
export { type FormatValueOptions, formatPeriod, formatValue, noDataLabel, periodKey } from './format.ts';
export { MAX_PERIODS, periodRange } from './periods.ts';
export {
  ChronosApiError,
  ChronosClient,
  type ChronosClientOptions,
  type FetchLike,
  latest,
} from './client.ts';
export { clearCache, isAbortError, sharedFile, sharedRequest } from './request-cache.ts';
export {
  CLASSES_RANGE,
  DEFAULT_CLASSES,
  DEFAULT_CLASSIFICATION,
  DEFAULT_GEO,
  type Parsed,
  parseChoice,
  parseClasses,
  parseClassification,
  parseGeo,
  parseMidpoint,
  parseScheme,
  parseThresholds,
  parseTime,
  REGION_SETS,
} from './attributes.ts';
export type * from './types.ts';
export { languages, type Messages, messagesFor } from './messages/index.ts';
export { catalogueFailed, catalogueLanguages, loadedMessages, loadMessages } from './messages/loading.ts';
export { type LazyModule, lazyModule } from './lazy-module.ts';
export {
  type Anchor,
  type Direction,
  mercator,
  nearestRegion,
  nextRegion,
  regionAnchor,
  unmercator,
} from './region-navigation.ts';
