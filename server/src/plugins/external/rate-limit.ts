// Rate limits per publishable key (its own limit) or per client IP (RATE_LIMIT_MAX), shared by every
// instance through Redis when configured (SharedCounterStore: counted locally, synced in batches, no
// round trip per request), in memory otherwise. 429 carries Retry-After. A Redis failure leaves the
// local counts in charge rather than failing the request.
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { decideAccess } from '../../security/access.ts';
import { SharedCounterStore } from '../../security/shared-counter-store.ts';

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const limitFor = async (request: Parameters<typeof decideAccess>[0]) => {
      const decision = await decideAccess(request, config, fastify.keyStore);
      return decision.allowed && decision.keyId
        ? { key: `key:${decision.keyId}`, max: decision.rateLimit ?? config.RATE_LIMIT_MAX }
        : { key: `ip:${request.ip}`, max: config.RATE_LIMIT_MAX };
    };
    const redis = fastify.redis;
    const sharedStore = redis
      ? new SharedCounterStore({
          redis,
          prefix: `chronos:ratelimit:${fastify.catalog.installation}:`,
          onError: (error) => fastify.log.warn({ err: error }, 'rate-limit sync with Redis failed; counting locally'),
        })
      : undefined;
    if (sharedStore) fastify.addHook('onClose', () => sharedStore.close());
    await fastify.register(rateLimit, {
      global: true,
      timeWindow: config.RATE_LIMIT_WINDOW_MS,
      keyGenerator: async (request) => (await limitFor(request)).key,
      max: async (request) => (await limitFor(request)).max,
      ...(sharedStore
        ? {
            // @fastify/rate-limit constructs the store itself; hand it the one instance.
            store: function SharedStore() {
              return sharedStore;
            } as unknown as FastifyRateLimitStoreCtor,
          }
        : {}),
      skipOnError: true,
      // Limit headers only when they matter (429), not on every response.
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
      allowList: (request) => request.url.startsWith('/docs'),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `Rate limit exceeded: ${context.max} requests per ${context.after}. Retry in ${Math.ceil(context.ttl / 1000)} s.`,
      }),
    });
  },
  { name: 'rate-limit', dependencies: ['access', 'cache', 'catalog'] },
);
