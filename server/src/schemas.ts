// TypeBox schemas shared by routes: they validate requests and document responses in OpenAPI.
import Type from 'typebox';

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    code: Type.Optional(
      Type.String({
        description:
          'Why a request was refused (401/403/429): key_required, unknown_key, malformed_key, key_revoked, origin_not_allowed or rate_limited',
      }),
    ),
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

export const MetricInfo = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  units: Type.String({ description: 'percent, count, an ISO 4217 currency code, index, …' }),
  frequency: Type.Union([
    Type.Literal('daily'),
    Type.Literal('monthly'),
    Type.Literal('quarterly'),
    Type.Literal('annual'),
  ]),
  number_format: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'Intl.NumberFormat options',
  }),
  higher_is_better: Type.Union([Type.Boolean(), Type.Null()]),
  sources: Type.Array(Source),
  is_sample: Type.Boolean({ description: 'true for the synthetic sample data shipped for offline use' }),
});

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2025-09-01'] });

export const MetricSummary = Type.Intersect([
  MetricInfo,
  Type.Object({
    latest: Type.Union([IsoDate, Type.Null()]),
    first: Type.Union([IsoDate, Type.Null()]),
    geo: Type.Array(Type.String(), { description: 'Region sets with values' }),
  }),
]);

export const MetricsResponse = Type.Object({ metrics: Type.Array(MetricSummary) });

export const SeriesResponse = Type.Object({
  metric: MetricInfo,
  series: Type.Array(
    Type.Object({
      region: Type.String({ examples: ['US-CA'] }),
      name: Type.String(),
      points: Type.Array(Type.Tuple([IsoDate, Type.Union([Type.Number(), Type.Null()])])),
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
      status: Type.Union([
        Type.Literal('final'),
        Type.Literal('preliminary'),
        Type.Literal('revised'),
        Type.Literal('sample'),
      ]),
    }),
  ),
  missing: Type.Array(Type.String(), { description: 'Regions of the requested sets without a value at `time`' }),
  periods: Type.Object({ first: IsoDate, last: IsoDate }),
});

export const BoundaryCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String({ examples: ['US-CA'] }),
        properties: Type.Object({
          code: Type.String(),
          name: Type.String(),
          name_fr: Type.Union([Type.String(), Type.Null()]),
          country: Type.String(),
        }),
        geometry: Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Unknown()) }),
      }),
    ),
  },
  { description: 'mode=boundaries&format=geojson (format=topojson: a TopoJSON Topology, object "regions")' },
);
