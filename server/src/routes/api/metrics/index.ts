// GET /api/metrics (the catalog) and GET /api/metrics/{metric} (time series per region), cached per
// data version like every data response, through the route cache (key, cached reply, repeat-URL fast path).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DATA_CACHE_CONTROL, JSON_TYPE } from '../../../cache/send.ts';
import { requireCalendarDate } from '../../../calendar.ts';
import { buildMetricList, buildSeries } from '../../../responses/metrics.ts';
import { ErrorResponse, Key, MetricId, MetricsResponse, SeriesResponse } from '../../../schemas.ts';

/** A period in the metric's own form; which form the metric takes is checked against its frequency. */
const Period = (description: string) =>
  Type.Optional(
    Type.String({
      maxLength: 7,
      pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$',
      description: `${description}, in the metric's own period form: YYYY-MM (monthly), YYYY-Qn (quarterly) or YYYY (annual); another form is a 400 naming the valid one`,
      examples: ['2024-01', '2024-Q1', '2024'],
    }),
  );

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
          from: Period('First period (inclusive)'),
          to: Period('Last period (inclusive)'),
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
