// Response bodies of the Chronos HTTP API (ARCHITECTURE.md "Public interface"), shared by the client and
// the elements. GeoJSON is typed here rather than through @types/geojson so that the published .d.ts
// needs no extra type package.

export type Frequency = 'monthly' | 'quarterly' | 'annual' | 'daily';
export type ObservationStatus = 'final' | 'preliminary' | 'revised' | 'sample';
export type RegionSet = 'us-states' | 'ca-provinces';
export type BoundaryDetail = 'low' | 'medium' | 'high';

export interface SourceInfo {
  name: string;
  url?: string;
  licence?: string;
  attribution?: string;
  country?: string;
}

export interface MetricInfo {
  id: string;
  title: string;
  description?: string;
  /** How values are expressed: `percent` (5.5 means 5.5 %), an ISO 4217 currency code, `count`, `index`, … */
  units: string;
  frequency: Frequency;
  number_format?: Intl.NumberFormatOptions;
  higher_is_better?: boolean;
  sources: SourceInfo[];
  is_sample?: boolean;
}

export interface RegionValue {
  /** ISO 3166-2 code, e.g. `US-CA`, `CA-ON`. */
  region: string;
  name: string;
  value: number | null;
  status?: ObservationStatus;
}

/** `GET /api/geo/choropleth?mode=data`. */
export interface ChoroplethData {
  metric: MetricInfo;
  /** The period shown, `YYYY-MM-DD`. */
  time: string;
  values: RegionValue[];
  /** Regions of the requested sets with no value for this period. */
  missing: string[];
  periods?: { first: string; last: string };
}

export type Position = number[];
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface RegionProperties {
  code: string;
  name: string;
  name_fr?: string;
  country: 'US' | 'CA';
  [key: string]: unknown;
}

export interface Feature<P = RegionProperties> {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: P;
}

export interface FeatureCollection<P = RegionProperties> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

/** `GET /api/metrics/{metric}`: one series of `[YYYY-MM-DD, value]` points per region. */
export interface SeriesResponse {
  metric: MetricInfo;
  series: { region: string; name: string; points: [string, number | null][] }[];
}

export interface MetricSummary {
  id: string;
  title: string;
  units: string;
  frequency: Frequency;
  latest: string;
  geo: string[];
  sources: SourceInfo[];
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
