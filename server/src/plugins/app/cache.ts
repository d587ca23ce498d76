// The response cache (in-process LRU, plus Redis when REDIS_URL is set) and the Redis client that the
// rate limiter shares. Redis is configured to fail fast: a short command timeout and no offline queue,
// so an outage turns into cache misses within milliseconds instead of piling up requests.
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { ResponseCache } from '../../cache/response-cache.ts';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    responseCache: ResponseCache;
    redis: Redis | null;
  }
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    let redis: Redis | null = null;
    if (config.REDIS_URL) {
      redis = new Redis(config.REDIS_URL, {
        enableOfflineQueue: false,
        commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
        connectTimeout: 2_000,
        maxRetriesPerRequest: 0,
        // Concurrent requests' commands (cache reads, rate-limit counters) share round trips.
        enableAutoPipelining: true,
        retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
      });
      let reported = false;
      redis.on('error', (error) => {
        if (!reported) fastify.log.warn({ err: error }, 'Redis unavailable: serving from the in-process cache');
        reported = true;
      });
      redis.on('ready', () => {
        reported = false;
      });
      const client = redis;
      fastify.addHook('onClose', async () => {
        client.disconnect();
      });
      // Give Redis a moment to connect so the first requests can use it; an outage must not block start.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        client.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const cache = new ResponseCache({
      redis: redis ?? undefined,
      maxMemoryBytes: config.CACHE_MEMORY_MB * 1024 * 1024,
      ttlSeconds: config.CACHE_TTL_SECONDS,
      namespace: fastify.catalog.installation,
    });
    fastify.decorate('redis', redis);
    fastify.decorate('responseCache', cache);
  },
  { name: 'cache', dependencies: ['catalog'] },
);
