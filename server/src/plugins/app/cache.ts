// The response cache (in-process LRU, plus the shared Redis client of plugins/external/redis.ts when
// REDIS_URL is set) and the route cache every cached route answers through (cache/route-cache.ts). Redis
// trouble is a cache miss, never an error (response-cache.ts).
import fp from 'fastify-plugin';
import { ResponseCache } from '../../cache/response-cache.ts';
import { createRouteCache } from '../../cache/route-cache.ts';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    responseCache: ResponseCache;
  }
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const cache = new ResponseCache({
      redis: fastify.redis ?? undefined,
      maxMemoryBytes: config.CACHE_MEMORY_MB * 1024 * 1024,
      ttlSeconds: config.CACHE_TTL_SECONDS,
      namespace: fastify.catalog.installation,
    });
    fastify.decorate('responseCache', cache);
    fastify.decorate('routeCache', createRouteCache(fastify));
  },
  { name: 'cache', dependencies: ['catalog', 'redis'] },
);
