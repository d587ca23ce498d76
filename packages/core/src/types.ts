// Response bodies of the Chronos HTTP API (ARCHITECTURE.md "Public interface"), shared by the client and
// the elements. They say exactly what the API sends: server/test/contract.types.ts pins each one to the
// server's TypeBox schema (mutually assignable), so `tsc -b` fails when either side drifts. GeoJSON is typed
// here rather than through @types/geojson so that the published .d.ts needs no extra type package.

export type Frequency = 'monthly' | 'quarterly' | 'annual' | 'daily';
export type ObservationStatus = 'final' | 'preliminary' | 'revised' | 'sample';
export type RegionSet = 'us-states' | 'ca-provinces';
export type BoundaryDetail = 'low' | 'medium' | 'high';

/** A source credit; the API sends every field (an empty string when the source does not say). */
export interface SourceInfo {
  name: string;
  url: string;
  licence: string;
  attribution: string;
  /** The country whose regions this source fills (`US`, `CA`). */
  country: string;
}

/** The `Intl.NumberFormat` options a metric may carry (a subset of `Intl.NumberFormatOptions`). */
export interface NumberFormat {
  style?: 'decimal' | 'percent' | 'currency' | 'unit';
  currency?: string;
  unit?: string;
  notation?: 'standard' | 'scientific' | 'engineering' | 'compact';
  compactDisplay?: 'short' | 'long';
  signDisplay?: 'auto' | 'never' | 'always' | 'exceptZero';
  useGrouping?: boolean;
  minimumIntegerDigits?: number;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  minimumSignificantDigits?: number;
  maximumSignificantDigits?: number;
}

export interface MetricInfo {
  id: string;
  title: string;
  /** Empty when the metric has none. */
  description: string;
  /** How values are expressed: `percent` (5.5 means 5.5 %), an ISO 4217 currency code, `count`, `index`, … */
  units: string;
  frequency: Frequency;
  /** null: format from `units`. */
  number_format: NumberFormat | null;
  /** null: neither direction is better (diverging schemes). */
  higher_is_better: boolean | null;
  sources: SourceInfo[];
  /** true for the synthetic sample data shipped for offline use. */
  is_sample: boolean;
  /** `Seasonally adjusted`, `Not seasonally adjusted`, `Not applicable (annual)`, … */
  seasonal_adjustment: string;
  /** `per-country`: levels in two currencies or on two index bases: classify each country on its own scale. */
  classify: 'common' | 'per-country';
  /** The default colour scheme: `diverging` (changes) is centred on 0. */
  scheme: 'sequential' | 'diverging';
  /** How the countries measure it differently, and which regions have no data and why. */
  comparability: string;
  /** How Chronos computes a derived measure from stored levels; null for published values. */
  derivation: string | null;
}

/** One region's value in an API response: always a number (regions without one are listed in `missing`). */
export interface RegionValueBody {
  /** ISO 3166-2 code, e.g. `US-CA`, `CA-ON`. */
  region: string;
  name: string;
  value: number;
  status: ObservationStatus;
}

/** `GET /api/geo/choropleth?mode=data`, exactly as the API sends it. */
export interface ChoroplethResponse {
  metric: MetricInfo;
  /** The period shown, `YYYY-MM-DD`. */
  time: string;
  values: RegionValueBody[];
  /** Regions of the requested sets with no value for this period. */
  missing: string[];
  /** The first and last periods with values for these region sets. */
  periods: { first: string; last: string };
}

/** A region's value as an element holds it: from the API, or from a page's own data (which may be null and
 * carry no status). */
export interface RegionValue {
  /** ISO 3166-2 code, e.g. `US-CA`, `CA-ON`. */
  region: string;
  name: string;
  value: number | null;
  status?: ObservationStatus;
}

/** A metric as a page may describe its own data: what a map needs (id, title, units, frequency, sources by
 * name); every other field as the API has it, when the page knows it. An API `MetricInfo` is one. */
export type MetricInput = Pick<MetricInfo, 'id' | 'title' | 'units' | 'frequency'> &
  Partial<Omit<MetricInfo, 'id' | 'title' | 'units' | 'frequency' | 'sources'>> & {
    sources: (Pick<SourceInfo, 'name'> & Partial<SourceInfo>)[];
  };

/** What an element shows: an API response (`ChoroplethResponse`) or a page's own values. */
export interface ChoroplethData {
  metric: MetricInput;
  /** The period shown, `YYYY-MM-DD`. */
  time: string;
  values: RegionValue[];
  /** Regions of the requested sets with no value for this period. */
  missing: string[];
  periods?: { first: string; last: string };
}

export type Position = number[];
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type Geometry = { type: 'Polygon'; coordinates: Position[][] } | MultiPolygon;

/** A region's properties in the API's boundaries (`mode=boundaries`), exactly as sent. */
export type BoundaryProperties = {
  code: string;
  name: string;
  /** null where the region has no French name of its own. */
  name_fr: string | null;
  /** ISO 3166-1 alpha-2 (`US`, `CA`). */
  country: string;
};

/** A region's properties as an element reads them: the API's, or those of a page's own GeoJSON (which may
 * carry no French name, and other properties besides). */
export interface RegionProperties {
  code: string;
  name: string;
  name_fr?: string | null;
  country: string;
  [key: string]: unknown;
}

export interface Feature<P = RegionProperties, G extends Geometry = Geometry> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<P = RegionProperties, G extends Geometry = Geometry> {
  type: 'FeatureCollection';
  features: Feature<P, G>[];
}

/** `GET /api/geo/choropleth?mode=boundaries&format=geojson`, exactly as the API sends it. */
export type BoundaryCollection = FeatureCollection<BoundaryProperties, MultiPolygon>;

/** `GET /api/metrics/{metric}`: one series of `[YYYY-MM-DD, value]` points per region. */
export interface SeriesResponse {
  metric: MetricInfo;
  series: {
    region: string;
    name: string;
    /** null where the region has no French name of its own. */
    name_fr: string | null;
    points: [string, number | null][];
    /** Points that are not final, by date (`YYYY-MM-DD`); absent when every point is final. */
    status?: Record<string, 'preliminary' | 'revised'>;
  }[];
}

/** A metric in the catalogue: its description plus the span of its values and the region sets it covers. */
export interface MetricSummary extends MetricInfo {
  /** The last period with a value, `YYYY-MM-DD`; null while the metric has no values. */
  latest: string | null;
  /** The first period with a value, `YYYY-MM-DD`; null while the metric has no values. */
  first: string | null;
  /** Region sets with values. */
  geo: string[];
  /** Per country with values: the first and last period in the metric's own form (`2025-09`, `2025-Q3`, `2024`). */
  countries: { country: string; first: string; last: string }[];
}

/** `GET /api/metrics`. */
export interface MetricsResponse {
  metrics: MetricSummary[];
}

/** The API's error body: `{"statusCode","error","message"}`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Why a request was refused (401/403/429), for a page to switch on. */
  code?: ApiRefusalCode;
}

/** The server's refusal codes: no key from a foreign origin, a bad key, a key bound elsewhere, too many requests. */
export type ApiRefusalCode =
  | 'key_required'
  | 'unknown_key'
  | 'malformed_key'
  | 'key_revoked'
  | 'origin_not_allowed'
  | 'rate_limited';
