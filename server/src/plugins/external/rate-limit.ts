// Rate limits per publishable key (its own limit) or per client IP (RATE_LIMIT_MAX), shared by every
// instance through Redis when configured (SharedCounterStore: counted locally, synced in batches, no
// round trip per request), in memory otherwise. 429 carries Retry-After. A Redis failure leaves the
// local counts in charge rather than failing the request.
import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { SharedCounterStore } from '../../security/shared-counter-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts `request` against its limit when that leaves it within the limit; false, counting nothing,
     * when this request would be over it (the plugin's own hook then counts it and answers 429). For the
     * cached-hit fast path (plugins/app/cached-hits.ts): the same key, limit and counter as the plugin. */
    withinRateLimit: (request: FastifyRequest) => boolean;
  }
}

type StoreCallback = (error: Error | null, result: { current: number; ttl: number }) => void;
/** What @fastify/rate-limit asks of a store (both ours and its LocalStore answer synchronously). */
interface CounterStore {
  incr(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
  read(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
}
/** The plugin's own in-memory store (no types of its own; not in its exports map, a plain CommonJS file). */
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => CounterStore;

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    // Per key when the request presents a valid one, else per IP. The access hook (an earlier onRequest
    // hook) has settled the decision for every API and tiles request, so this stays synchronous; other
    // paths (docs, demo page, CDN bundle) are not keyed and count per IP.
    const keyed = (request: FastifyRequest) => {
      const decision = request.accessDecision;
      return decision && !(decision instanceof Promise) && decision.allowed && decision.keyId ? decision : null;
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
    // The store the plugin counts in, made here either way so the fast path counts in the same one:
    // without Redis, the plugin's LocalStore with the settings it would have given it itself.
    const store: CounterStore = sharedStore ?? new LocalStore(false, false);
    const keyOf = (request: FastifyRequest) => {
      const decision = keyed(request);
      return decision ? `key:${decision.keyId}` : `ip:${request.ip}`;
    };
    const maxOf = (request: FastifyRequest) => keyed(request)?.rateLimit ?? config.RATE_LIMIT_MAX;
    const windowMs = config.RATE_LIMIT_WINDOW_MS;
    // Without a closure per request: both stores answer their callbacks synchronously.
    let counted = 0;
    const readCount: StoreCallback = (error, state) => {
      counted = error === null ? state.current : Number.POSITIVE_INFINITY;
    };
    const ignore: StoreCallback = () => {};
    fastify.decorate('withinRateLimit', (request: FastifyRequest) => {
      const key = keyOf(request);
      const max = maxOf(request);
      if (sharedStore) return sharedStore.take(key, windowMs, max);
      // Over the limit once counted when the count so far has reached it (the plugin: current > max).
      store.read(key, readCount, windowMs, max);
      if (counted >= max) return false;
      store.incr(key, ignore, windowMs, max);
      return true;
    });
    // The API documentation (its UI loads a dozen assets) is not limited: those routes opt out when they
    // are added, so limited routes carry no per-request allow-list check. This hook runs before the
    // plugin's own onRoute hook, which reads the opt-out.
    fastify.addHook('onRoute', (route) => {
      if (route.url === '/docs' || route.url.startsWith('/docs/')) route.config = { ...route.config, rateLimit: false };
    });
    // The window in words for messages (the plugin's own `after` is the time left, not the window).
    const minutes = config.RATE_LIMIT_WINDOW_MS / 60_000;
    const window = Number.isInteger(minutes)
      ? minutes === 1
        ? 'minute'
        : `${minutes} minutes`
      : `${config.RATE_LIMIT_WINDOW_MS / 1000} s`;
    await fastify.register(rateLimit, {
      global: true,
      timeWindow: config.RATE_LIMIT_WINDOW_MS,
      keyGenerator: keyOf,
      max: maxOf,
      // @fastify/rate-limit constructs the store itself; hand it the one instance.
      store: function Store() {
        return store;
      } as unknown as FastifyRateLimitStoreCtor,
      skipOnError: true,
      // Limit headers only when they matter (429), not on every response.
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
      // Thrown to the error handler, which keeps `code`; CORS headers were set by an earlier hook, and
      // Retry-After is exposed, so the page can read both and say when it retries.
      errorResponseBuilder: (request, context) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate_limited',
        message: `Rate limited (${context.max} requests per ${window} ${keyed(request) ? 'for this key' : 'from this address'}), retry in ${Math.ceil(context.ttl / 1000)} s.`,
      }),
    });
  },
  { name: 'rate-limit', dependencies: ['access', 'catalog', 'redis'] },
);
