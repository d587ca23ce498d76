// GET /api/geo/choropleth: boundaries (mode=boundaries, cached long) or values (mode=data, cached
// short) for one or more region sets. Both are built once per (params, data version) and sent as bytes,
// through the route cache (key, cached reply, repeat-URL fast path).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { BOUNDARIES_CACHE_CONTROL, DATA_CACHE_CONTROL, JSON_TYPE } from '../../../cache/send.ts';
import { requireCalendarDate } from '../../../calendar.ts';
import type { Detail } from '../../../geo/shapes.ts';
import { badRequest } from '../../../http-error.ts';
import { type BoundaryFormat, buildBoundaries, buildData } from '../../../responses/choropleth.ts';
import { BoundaryCollection, ChoroplethData, ErrorResponse, Key, MetricId } from '../../../schemas.ts';

const LATEST = 'latest';

const Query = Type.Object({
  mode: Type.Enum(['boundaries', 'data'], { description: 'boundaries: geometry; data: values at one time' }),
  metric: Type.Optional(MetricId),
  geo: Type.Optional(
    Type.String({
      maxLength: 200,
      pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$',
      description: 'Comma-separated region sets (default: every set)',
      examples: ['us-states,ca-provinces'],
    }),
  ),
  // Optional with a default: the default is applied when absent (so handlers always see a value), and the
  // OpenAPI document does not mark them required (generated clients would then demand them).
  detail: Type.Optional(Type.Enum(['low', 'medium', 'high'], { default: 'medium', description: 'mode=boundaries' })),
  format: Type.Optional(Type.Enum(['geojson', 'topojson'], { default: 'geojson', description: 'mode=boundaries' })),
  time: Type.Optional(
    Type.String({
      default: LATEST,
      maxLength: 10,
      pattern: '^(latest|\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4])?)$',
      description:
        "mode=data: latest, a period in the metric's own form (2025-09 monthly, 2025-Q3 quarterly, 2024 annual; see /api/metrics) or an exact date (YYYY-MM-DD)",
      examples: ['latest', '2025-09', '2025-Q3', '2024'],
    }),
  ),
  key: Key,
});

const plugin: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/choropleth',
    {
      preParsing: fastify.routeCache.repeat,
      schema: {
        tags: ['geo'],
        summary: 'Choropleth boundaries or values',
        querystring: Query,
        response: {
          200: Type.Union([BoundaryCollection, ChoroplethData]),
          304: Type.Null({ description: 'Not modified (If-None-Match)' }),
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { catalog, routeCache, readDb: db } = fastify;
      const query = request.query;
      const sets = query.geo === undefined ? catalog.sets : catalog.requireSets(query.geo);
      if (query.mode === 'boundaries') {
        const detail = query.detail as Detail;
        const format = query.format as BoundaryFormat;
        return routeCache.reply(request, reply, {
          route: 'boundaries',
          dependsOn: 'boundaries',
          params: [sets.join(','), detail, format],
          cacheControl: BOUNDARIES_CACHE_CONTROL,
          contentType: format === 'geojson' ? 'application/geo+json' : JSON_TYPE,
          build: () => buildBoundaries(db, { sets, detail, format }),
        });
      }
      if (query.metric === undefined) {
        throw badRequest(
          `Missing query parameter "metric" (required with mode=data). Valid metrics: ${catalog.metrics.join(', ')}.`,
        );
      }
      const metric = catalog.requireMetric(query.metric);
      const time = query.time ?? LATEST; // always set by the schema's default; typed optional for OpenAPI
      requireCalendarDate('time', time);
      return routeCache.reply(request, reply, {
        route: 'data',
        dependsOn: 'data',
        params: [metric, sets.join(','), time],
        cacheControl: DATA_CACHE_CONTROL,
        contentType: JSON_TYPE,
        build: () =>
          buildData(db, {
            metric,
            sets,
            regionsInSets: [...catalog.regions.values()].filter((r) => sets.includes(r.set)).map((r) => r.code),
            time,
          }),
      });
    },
  );
};

export default plugin;
