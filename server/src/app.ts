// The Chronos API as one Fastify plugin: app plugins (errors, database, catalog, Redis, cache, access,
// scheduler) → external plugins (security headers, CORS, rate limits, load shedding, OpenAPI) → routes.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { errorBody } from './http-error.ts';
import { lazyRequestLogger } from './request-logger.ts';
import type { IngestSettings } from './jobs/settings.ts';
import { OneLinePerRequest } from './ops/request-log.ts';
import accessPlugin from './plugins/app/access.ts';
import cachePlugin from './plugins/app/cache.ts';
import cachedHitsPlugin from './plugins/app/cached-hits.ts';
import catalogPlugin from './plugins/app/catalog.ts';
import dbPlugin from './plugins/app/db.ts';
import errorsPlugin from './plugins/app/errors.ts';
import metricsPlugin from './plugins/app/metrics.ts';
import sentryPlugin from './plugins/app/sentry.ts';
import schedulerPlugin from './plugins/app/scheduler.ts';
import corsPlugin from './plugins/external/cors.ts';
import helmetPlugin from './plugins/external/helmet.ts';
import rateLimitPlugin from './plugins/external/rate-limit.ts';
import redisPlugin from './plugins/external/redis.ts';
import swaggerPlugin from './plugins/external/swagger.ts';
import underPressurePlugin from './plugins/external/under-pressure.ts';
import geoRoutes from './routes/api/geo/index.ts';
import healthRoutes from './routes/api/health/index.ts';
import metricsRoutes from './routes/api/metrics/index.ts';
import siteRoutes from './routes/site/index.ts';
import tilesRoutes from './routes/tiles/index.ts';

export const version: string = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
).version;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's own options (logger with request ids, limits, proxy trust) for this configuration. */
export function serverOptions(config: Config, logger: FastifyServerOptions['logger'] = true): FastifyServerOptions {
  return {
    logger:
      logger === true
        ? {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          }
        : logger,
    // An incoming X-Request-Id (from a proxy) is kept when it looks sane; otherwise a UUID.
    childLoggerFactory: lazyRequestLogger,
    logController: new OneLinePerRequest(),
    requestIdHeader: 'x-request-id',
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // A hop count, never `true`: trusting every hop lets a client write its own X-Forwarded-For. The
    // function is Fastify's own for a number (hop `i` is trusted when i < count), typed.
    trustProxy: config.TRUST_PROXY > 0 ? (_address: string, hop: number) => hop < config.TRUST_PROXY : false,
    bodyLimit: 16 * 1024,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    return503OnClosing: true,
    // Router-level refusals (a path parameter over maxParamLength, a malformed URL) in the API's error shape.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      (reply as unknown as FastifyReply)
        .code(400)
        .type('application/json; charset=utf-8')
        .send(errorBody(400, tooLong ? 'A path parameter is too long (at most 200 characters).' : error.message));
    },
    // Start-up migrates and, on an empty database, seeds boundaries (simplification included): allow for it.
    pluginTimeout: 120_000,
    ajv: { customOptions: { allErrors: false, coerceTypes: false } },
  };
}

export interface AppOptions {
  config: Config;
  /** An already open database (tests, bench); the app then does not close it. */
  db?: Db | undefined;
  seed?: boolean;
  /** Ingestion settings for the scheduler (default: config.ingest). */
  ingest?: IngestSettings | undefined;
  /** false: repeat URLs take the normal path only, not the cached-hit fast path (tests compare the two). */
  cachedHitFastPath?: boolean | undefined;
}

export default async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  const { config } = options;
  await fastify.register(sentryPlugin, { config });
  await fastify.register(errorsPlugin);
  await fastify.register(dbPlugin, { config, db: options.db, seed: options.seed ?? true });
  await fastify.register(catalogPlugin, { config });
  // Redis is an external plugin registered early: the cache and the rate limit both depend on it.
  await fastify.register(redisPlugin, { config });
  await fastify.register(cachePlugin, { config });
  // Its onRequest hook must run before those of access, helmet, CORS, shedding and the rate limit.
  if (options.cachedHitFastPath !== false) await fastify.register(cachedHitsPlugin);
  // Before the rate limit and the routes: its hook sees every route, /metrics is not limited.
  await fastify.register(metricsPlugin, { config });
  await fastify.register(accessPlugin, { config });
  await fastify.register(schedulerPlugin, { settings: options.ingest ?? config.ingest });

  await fastify.register(helmetPlugin);
  await fastify.register(corsPlugin);
  await fastify.register(rateLimitPlugin, { config });
  await fastify.register(underPressurePlugin, { config });
  await fastify.register(swaggerPlugin, { version });

  await fastify.register(healthRoutes, { prefix: '/api/health', version });
  await fastify.register(metricsRoutes, { prefix: '/api/metrics' });
  await fastify.register(geoRoutes, { prefix: '/api/geo' });
  await fastify.register(tilesRoutes, { prefix: '/tiles', tilesDir: config.paths.tilesDir });
  await fastify.register(siteRoutes, { demoPage: config.paths.demoPage, cdnDir: config.paths.cdnDir });
}
