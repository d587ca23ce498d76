// The shared Redis client (REDIS_URL), decorated as `fastify.redis` for the response cache and the rate
// limiter; null when REDIS_URL is unset (both then work in-process). Configured to fail fast: a short
// command timeout and no offline queue, so an outage turns into cache misses and local rate counts within
// milliseconds instead of piling up requests. Start-up waits briefly for a connection but never fails on one.
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis | null;
  }
}

/** How long start-up waits for Redis before serving without it (it keeps reconnecting in the background). */
const CONNECT_GRACE_MS = 2_000;

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    if (!config.REDIS_URL) {
      fastify.decorate('redis', null);
      return;
    }
    const redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 0,
      // Concurrent requests' commands (cache reads, rate-limit counters) share round trips.
      enableAutoPipelining: true,
      retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
    });
    // One warning per outage, not one per reconnection attempt.
    let reported = false;
    redis.on('error', (error) => {
      if (!reported) fastify.log.warn({ err: error }, 'Redis unavailable: serving from the in-process cache');
      reported = true;
    });
    redis.on('ready', () => {
      reported = false;
    });
    fastify.addHook('onClose', async () => {
      redis.disconnect();
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CONNECT_GRACE_MS);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    fastify.decorate('redis', redis);
  },
  { name: 'redis' },
);
