// GET /metrics: Prometheus text for operators (prom-client), outside /api — not keyed, not rate limited,
// never in the response cache. Per route pattern (`/api/geo/choropleth`, never the raw URL): request count
// and latency histogram; response-cache hits and misses (hit ratio); ingestion freshness per source (from
// ingestion_runs, so every instance reports what the worker did); the PostgreSQL pool; Node's defaults,
// event-loop delay included. In production only loopback scrapers, or a METRICS_TOKEN bearer, get it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Config } from '../../config.ts';
import { sourceIds } from '../../jobs/catalogue.ts';
import { RequestHistogram } from '../../ops/request-histogram.ts';
import { decorateRouteUrl, routeUrl } from '../../route-url.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metricsRegistry: Registry;
  }
}

/** Seconds: a cached hit is ~0.1 ms, a cold geometry build hundreds of ms. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Who may read /metrics: anyone outside production; in production a direct loopback connection (not
 * through a proxy: X-Forwarded-For can be written by the client) or the METRICS_TOKEN bearer. */
export function metricsAllowed(request: FastifyRequest, config: Config): boolean {
  if (config.NODE_ENV !== 'production') return true;
  const authorization = request.headers.authorization;
  if (config.METRICS_TOKEN && authorization?.startsWith('Bearer ')) {
    return timingSafeEqual(digest(authorization.slice(7)), digest(config.METRICS_TOKEN));
  }
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  return loopback && request.headers['x-forwarded-for'] === undefined;
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    decorateRouteUrl(fastify);
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    // Per request: a map lookup and a few additions (request-histogram.ts); samples made when scraped.
    const requests = new RequestHistogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status: latency (rate of _count = request rate)',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      requests.observe(request.method, routeUrl(request) || 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });

    const cacheLookups = new Counter({
      name: 'chronos_response_cache_lookups_total',
      help: 'Response cache lookups: hit (answered without building) or miss (built); ratio target > 0.95',
      labelNames: ['result'] as const,
      registers: [registry],
      collect() {
        if (!fastify.hasDecorator('responseCache')) return;
        this.reset();
        this.inc({ result: 'hit' }, fastify.responseCache.hits);
        this.inc({ result: 'miss' }, fastify.responseCache.builds);
      },
    });
    void cacheLookups;

    new Gauge({
      name: 'chronos_ingestion_last_success_timestamp_seconds',
      help: 'End of the last successful ingestion run per source (Unix time; 0 = never). Freshness: time() - this',
      labelNames: ['source'] as const,
      registers: [registry],
      async collect() {
        const { rows } = await fastify.db.query<{ source: string; at: number }>(
          `select source, extract(epoch from max(finished_at))::float8 as at from ingestion_runs
           where status = 'succeeded' group by source`,
        );
        const latest = new Map(rows.map((row) => [row.source, Number(row.at)]));
        for (const source of new Set([...sourceIds, ...latest.keys()])) this.set({ source }, latest.get(source) ?? 0);
      },
    });

    const poolGauge = (state: 'total' | 'idle' | 'waiting' | 'max', help: string) =>
      new Gauge({
        name: `chronos_db_pool_${state}`,
        help,
        registers: [registry],
        collect() {
          const stats = fastify.db.poolStats?.();
          if (stats) this.set(stats[state]);
        },
      });
    poolGauge('total', 'PostgreSQL connections open (busy + idle)');
    poolGauge('idle', 'PostgreSQL connections open and idle');
    poolGauge('waiting', 'Queries waiting for a PostgreSQL connection');
    poolGauge('max', 'Pool size limit (DATABASE_POOL_MAX)');

    fastify.decorate('metricsRegistry', registry);
    fastify.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!metricsAllowed(request, config)) {
        return reply.code(403).send({
          statusCode: 403,
          error: 'Forbidden',
          message: 'In production /metrics answers loopback scrapers, or a bearer token equal to METRICS_TOKEN.',
        });
      }
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    });
  },
  { name: 'metrics', dependencies: ['db'] },
);
