// The API contract: TypeBox schemas that validate requests and document responses in OpenAPI, and the
// body types the server builds (`Static<>` of the same schemas, so a body cannot drift from its docs).
// @chronos/core's types are pinned to these by server/test/contract.types.ts.
import Type, { type Static } from 'typebox';

/** Why a request was refused, for a page to switch on (the widget's `chronos-error` kind comes from it). */
export const RefusalCode = Type.Enum(
  ['key_required', 'unknown_key', 'malformed_key', 'key_revoked', 'origin_not_allowed', 'rate_limited'],
  { description: 'Why a request was refused (401/403/429)' },
);

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    code: Type.Optional(RefusalCode),
  },
  { $id: 'Error', description: 'Every 4xx/5xx response' },
);

export const Key = Type.Optional(
  Type.String({
    maxLength: 64,
    pattern: '^pk_[A-Za-z0-9_-]{32}$',
    description: 'Publishable key (pk_…), required from origins other than ours',
  }),
);

export const MetricId = Type.String({
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  description: 'Metric id (see /api/metrics)',
  examples: ['unemployment'],
});

export const Source = Type.Object({
  name: Type.String(),
  url: Type.String(),
  licence: Type.String(),
  attribution: Type.String(),
  country: Type.String(),
});

export const Frequency = Type.Union([
  Type.Literal('daily'),
  Type.Literal('monthly'),
  Type.Literal('quarterly'),
  Type.Literal('annual'),
]);

/** The Intl.NumberFormat options a metric may carry (stored as given; keys sorted in responses). */
export const NumberFormat = Type.Object(
  {
    style: Type.Optional(Type.Enum(['decimal', 'percent', 'currency', 'unit'])),
    currency: Type.Optional(Type.String()),
    unit: Type.Optional(Type.String()),
    notation: Type.Optional(Type.Enum(['standard', 'scientific', 'engineering', 'compact'])),
    compactDisplay: Type.Optional(Type.Enum(['short', 'long'])),
    signDisplay: Type.Optional(Type.Enum(['auto', 'never', 'always', 'exceptZero'])),
    useGrouping: Type.Optional(Type.Boolean()),
    minimumIntegerDigits: Type.Optional(Type.Integer()),
    minimumFractionDigits: Type.Optional(Type.Integer()),
    maximumFractionDigits: Type.Optional(Type.Integer()),
    minimumSignificantDigits: Type.Optional(Type.Integer()),
    maximumSignificantDigits: Type.Optional(Type.Integer()),
  },
  { description: 'Intl.NumberFormat options' },
);

export const MetricInfo = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String({ description: 'Empty when the metric has none' }),
  units: Type.String({ description: 'percent, count, an ISO 4217 currency code, index, …' }),
  frequency: Frequency,
  number_format: Type.Union([NumberFormat, Type.Null()], { description: 'null: format from units' }),
  higher_is_better: Type.Union([Type.Boolean(), Type.Null()]),
  sources: Type.Array(Source),
  is_sample: Type.Boolean({ description: 'true for the synthetic sample data shipped for offline use' }),
  seasonal_adjustment: Type.String({ description: 'Seasonally adjusted, not seasonally adjusted, or not applicable' }),
  classify: Type.Enum(['common', 'per-country'], {
    description:
      'common: one colour scale for every region; per-country: levels in two currencies or on two index bases, classified per country, never on one scale',
  }),
  scheme: Type.Enum(['sequential', 'diverging'], { description: 'Default colour scheme (diverging: centred on 0)' }),
  comparability: Type.String({
    description: 'How the countries measure it differently, and which regions have no data and why',
  }),
  derivation: Type.Union([Type.String(), Type.Null()], {
    description: 'How Chronos computes a derived measure from stored levels; null for published values',
  }),
});

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2025-09-01'] });

export const MetricSummary = Type.Intersect([
  MetricInfo,
  Type.Object({
    latest: Type.Union([IsoDate, Type.Null()]),
    first: Type.Union([IsoDate, Type.Null()]),
    geo: Type.Array(Type.String(), { description: 'Region sets with values' }),
    countries: Type.Array(
      Type.Object({
        country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
        first: Type.String({ description: "First period with a value, in the metric's form", examples: ['2019-Q1'] }),
        last: Type.String({ description: "Last period with a value, in the metric's form", examples: ['2025-Q3'] }),
      }),
      {
        description: 'Per country with values: first and last period (2025-09 monthly, 2025-Q3 quarterly, 2024 annual)',
      },
    ),
  }),
]);

export const MetricsResponse = Type.Object({ metrics: Type.Array(MetricSummary) });

export const ObservationStatus = Type.Enum(['final', 'preliminary', 'revised', 'sample']);

/** The statuses a series marks on its points (final and sample points are not listed). */
export const FlaggedStatus = Type.Enum(['preliminary', 'revised']);

export const SeriesResponse = Type.Object({
  metric: MetricInfo,
  series: Type.Array(
    Type.Object({
      region: Type.String({ examples: ['US-CA'] }),
      name: Type.String(),
      name_fr: Type.Union([Type.String(), Type.Null()], { description: 'null where the region has no French name' }),
      points: Type.Array(Type.Tuple([IsoDate, Type.Union([Type.Number(), Type.Null()])])),
      status: Type.Optional(
        Type.Record(Type.String(), FlaggedStatus, {
          description:
            'Points that are not final, by date: `preliminary` (the source may still change it) or `revised` ' +
            '(changed since first published). Absent when every point of the series is final.',
          examples: [{ '2025-09-01': 'preliminary', '2025-06-01': 'revised' }],
        }),
      ),
    }),
  ),
});

export const ChoroplethData = Type.Object({
  metric: MetricInfo,
  time: IsoDate,
  values: Type.Array(
    Type.Object({
      region: Type.String(),
      name: Type.String(),
      value: Type.Number(),
      status: ObservationStatus,
    }),
  ),
  missing: Type.Array(Type.String(), { description: 'Regions of the requested sets without a value at `time`' }),
  periods: Type.Object({ first: IsoDate, last: IsoDate }),
});

export const RegionProperties = Type.Object({
  code: Type.String({ description: 'ISO 3166-2 code, also the feature id' }),
  name: Type.String(),
  name_fr: Type.Union([Type.String(), Type.Null()], { description: 'null where the region has no French name' }),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
});

export const BoundaryCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String({ examples: ['US-CA'] }),
        properties: RegionProperties,
        geometry: Type.Object({
          type: Type.Literal('MultiPolygon'),
          coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
        }),
      }),
    ),
  },
  { description: 'mode=boundaries&format=geojson (format=topojson: a TopoJSON Topology, object "regions")' },
);

export type ErrorBody = Static<typeof ErrorResponse>;
export type Frequency = Static<typeof Frequency>;
export type RefusalCode = Static<typeof RefusalCode>;
export type ObservationStatus = Static<typeof ObservationStatus>;
export type Source = Static<typeof Source>;
export type NumberFormat = Static<typeof NumberFormat>;
export type MetricInfo = Static<typeof MetricInfo>;
export type MetricSummary = Static<typeof MetricSummary>;
export type MetricsResponse = Static<typeof MetricsResponse>;
export type SeriesResponse = Static<typeof SeriesResponse>;
export type ChoroplethData = Static<typeof ChoroplethData>;
export type RegionProperties = Static<typeof RegionProperties>;
export type BoundaryCollection = Static<typeof BoundaryCollection>;
