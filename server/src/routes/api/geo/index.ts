// GET /api/geo/choropleth: boundaries (mode=boundaries, cached long) or values (mode=data, cached
// short) for one or more region sets. Both are built once per (params, data version) and sent as bytes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { BOUNDARIES_CACHE_CONTROL, DATA_CACHE_CONTROL, sendCached } from '../../../cache/send.ts';
import type { Detail } from '../../../geo/shapes.ts';
import { badRequest } from '../../../http-error.ts';
import { type BoundaryFormat, buildBoundaries, buildData } from '../../../responses/choropleth.ts';
import { BoundaryCollection, ChoroplethData, ErrorResponse, Key, MetricId } from '../../../schemas.ts';

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
  detail: Type.Enum(['low', 'medium', 'high'], { default: 'medium', description: 'mode=boundaries' }),
  format: Type.Enum(['geojson', 'topojson'], { default: 'geojson', description: 'mode=boundaries' }),
  time: Type.String({
    default: 'latest',
    maxLength: 10,
    pattern: '^(latest|\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)$',
    description: 'mode=data: latest, a month (YYYY-MM: its last period) or an exact date (YYYY-MM-DD)',
  }),
  key: Key,
});

const plugin: FastifyPluginAsyncTypebox = async (fastify) => {
  // Repeat requests skip validation and the handler: an exact URL that was answered before (so it was
  // valid) maps to the response-cache key it resolved to. Access, CORS and rate limits still run first
  // (see preParsing below); the entry must still be in this process's cache; a new data or
  // boundaries version misses, so nothing stale is sent. Worth ~1.5× throughput on cached hits (bench:api).
  // A plain map, emptied when full: a lookup per request costs less than an LRU's bookkeeping, and
  // refilling is one normal request per URL.
  const resolved = new Map<string, Resolved>();
  const remember = (url: string, entry: Resolved) => {
    if (resolved.size >= 5_000) resolved.clear();
    resolved.set(url, entry);
  };
  fastify.get(
    '/choropleth',
    {
      // preParsing: after every onRequest hook, the rate limit's included (it appends itself to the
      // route's onRequest hooks), and before validation.
      preParsing: (request, reply, payload, done) => {
        const known = resolved.get(request.url);
        const entry = known && fastify.responseCache.peek(known.key);
        if (!known || !entry || known.version !== versionTag(known.mode, fastify.catalog.versions)) {
          return done(null, payload);
        }
        sendCached(request, reply, entry, known.cacheControl);
      },
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
      const { catalog, responseCache, db } = fastify;
      const query = request.query;
      const sets = query.geo === undefined ? catalog.sets : catalog.requireSets(query.geo);
      const versions = catalog.versions;
      if (query.mode === 'boundaries') {
        const detail = query.detail as Detail;
        const format = query.format as BoundaryFormat;
        const version = versionTag('boundaries', versions);
        const key = `boundaries|${version}|${sets.join(',')}|${detail}|${format}`;
        const entry = await responseCache.get(key, async () => ({
          body: await buildBoundaries(db, { sets, detail, format }),
          contentType: format === 'geojson' ? 'application/geo+json' : 'application/json; charset=utf-8',
        }));
        remember(request.url, { key, cacheControl: BOUNDARIES_CACHE_CONTROL, mode: 'boundaries', version });
        return sendCached(request, reply, entry, BOUNDARIES_CACHE_CONTROL);
      }
      if (query.metric === undefined) {
        throw badRequest(
          `Missing query parameter "metric" (required with mode=data). Valid metrics: ${catalog.metrics.join(', ')}.`,
        );
      }
      const metric = catalog.requireMetric(query.metric);
      const version = versionTag('data', versions);
      const key = `data|${version}|${metric}|${sets.join(',')}|${query.time}`;
      const entry = await responseCache.get(key, async () => ({
        body: await buildData(db, {
          metric,
          sets,
          regionsInSets: [...catalog.regions.values()].filter((r) => sets.includes(r.set)).map((r) => r.code),
          time: query.time,
        }),
        contentType: 'application/json; charset=utf-8',
      }));
      remember(request.url, { key, cacheControl: DATA_CACHE_CONTROL, mode: 'data', version });
      return sendCached(request, reply, entry, DATA_CACHE_CONTROL);
    },
  );
};

type Mode = 'boundaries' | 'data';

/** What a URL answered before resolved to: its response-cache entry and the versions it depends on. */
interface Resolved {
  key: string;
  cacheControl: string;
  mode: Mode;
  version: string;
}

/** The versions a response of this mode depends on, as they appear in its cache key. */
function versionTag(mode: Mode, versions: { data: number; boundaries: number }): string {
  return mode === 'boundaries' ? `b${versions.boundaries}` : `d${versions.data}.b${versions.boundaries}`;
}

export default plugin;
