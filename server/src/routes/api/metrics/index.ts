// GET /api/metrics (the catalog) and GET /api/metrics/{metric} (time series per region), cached per
// data version like every data response, through the route cache (key, cached reply, repeat-URL fast path).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DATA_CACHE_CONTROL, JSON_TYPE } from '../../../cache/send.ts';
import { requireCalendarDate } from '../../../calendar.ts';
import { buildMetricList, buildSeries } from '../../../responses/metrics.ts';
import { ErrorResponse, Key, MetricId, MetricsResponse, SeriesResponse } from '../../../schemas.ts';

const Month = (description: string) =>
  Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description, examples: ['2024-01'] }));

const plugin: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      preParsing: fastify.routeCache.repeat,
      schema: {
        tags: ['metrics'],
        summary: 'Every metric, with its latest period and the region sets it covers',
        querystring: Type.Object({ key: Key }),
        response: { 200: MetricsResponse, 304: Type.Null(), 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) =>
      fastify.routeCache.reply(request, reply, {
        route: 'metrics',
        dependsOn: 'data',
        params: [],
        cacheControl: DATA_CACHE_CONTROL,
        contentType: JSON_TYPE,
        build: () => buildMetricList(fastify.readDb),
      }),
  );

  fastify.get(
    '/:metric',
    {
      preParsing: fastify.routeCache.repeat,
      schema: {
        tags: ['metrics'],
        summary: 'Time series of one metric per region',
        params: Type.Object({ metric: MetricId }),
        querystring: Type.Object({
          region: Type.Optional(
            Type.String({
              maxLength: 1000,
              pattern: '^[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*$',
              description: 'Comma-separated region codes (default: every region with values)',
              examples: ['US-CA,CA-ON'],
            }),
          ),
          from: Month('First month (inclusive)'),
          to: Month('Last month (inclusive)'),
          key: Key,
        }),
        response: {
          200: SeriesResponse,
          304: Type.Null(),
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { catalog } = fastify;
      const metric = catalog.requireMetric(request.params.metric);
      const regions = request.query.region === undefined ? null : catalog.requireRegions(request.query.region);
      requireCalendarDate('from', request.query.from);
      requireCalendarDate('to', request.query.to);
      const from = request.query.from ?? null;
      const to = request.query.to ?? null;
      return fastify.routeCache.reply(request, reply, {
        route: 'series',
        dependsOn: 'data',
        params: [metric, regions?.join(',') ?? '*', from, to],
        cacheControl: DATA_CACHE_CONTROL,
        contentType: JSON_TYPE,
        build: () => buildSeries(fastify.readDb, { metric, regions, from, to }),
      });
    },
  );
};

export default plugin;
