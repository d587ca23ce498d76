// The cached-hit fast path: a GET of an exact API URL the route cache answered before (cache/route-cache.ts)
// is answered from this one onRequest hook, ahead of the hooks the normal path runs for it (access,
// security headers, CORS, load shedding, the rate limit, then the route's preParsing `repeat`). Those
// hooks' own overhead was most of what separated a cached hit from a bare Fastify route in bench:api:
// the hook runner per hook, @fastify/rate-limit's chain of awaits, the fresh `request.routeOptions` object
// CORS (twice) and under-pressure build per request, CORS merging its options per request.
// It answers only what the normal path would answer from the cache: an allowed request (the same
// decision, made once per request), no load shedding, within its rate limit (counted in the same
// counter), with the same headers, 200 or 304, and the same counts (/metrics, cache hits, rate limit).
// Anything else (a refusal, a key still to be looked up, shedding, a request over its limit) goes on to the
// normal path, which answers and counts it as before. test/routes/cached-hits.test.ts holds the two equal.
// A hook added later that must apply to every API response (onRequest to preHandler) must be checked here
// too, or cached hits will skip it: the equivalence test then shows the difference, if it covers the case.
import type { AccessDecision } from '../../security/access.ts';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { isProtected } from './access.ts';
import { CachedAnswers } from './cached-answers.ts';

/** The per-route options of @fastify/cors, @fastify/under-pressure and @fastify/rate-limit. */
interface RouteOptionsReadHere {
  cors?: unknown;
  pressureHandler?: unknown;
  rateLimit?: unknown;
}

interface Checks {
  decideAccess: (request: FastifyRequest) => AccessDecision | Promise<AccessDecision>;
  underPressure: () => boolean;
  withinRateLimit: (request: FastifyRequest) => boolean;
}

export default fp(
  async (fastify) => {
    const routeCache = fastify.routeCache;
    const answers = new CachedAnswers();
    // Whether a remembered route is under the access policy (isProtected), per route pattern: cached
    // routes have concrete patterns, never the preflight catch-all whose answer depends on the path.
    const protectedRoutes = new Map<string, boolean>();
    // Registered before the plugins it defers to (its hook must run before theirs); they are looked up
    // once the server is ready. A server without any of them never takes the fast path.
    let checks: Checks | null = null;
    fastify.addHook('onReady', async () => {
      if (
        fastify.hasDecorator('decideAccess') &&
        fastify.hasDecorator('isUnderPressure') &&
        fastify.hasDecorator('withinRateLimit')
      ) {
        checks = {
          decideAccess: fastify.decideAccess,
          underPressure: fastify.isUnderPressure,
          withinRateLimit: fastify.withinRateLimit,
        };
      }
    });
    fastify.addHook('onRequest', (request, reply, done) => {
      if (checks === null || request.method !== 'GET') return done();
      const hit = routeCache.hit(request.url, answers.send);
      if (hit === undefined) return done();
      // The same URL matched the same route when it was remembered.
      request.matchedRoute = hit.route;
      let underPolicy = protectedRoutes.get(hit.route);
      if (underPolicy === undefined) {
        underPolicy = isProtected(request);
        if (hit.route !== '*') protectedRoutes.set(hit.route, underPolicy);
      }
      if (!underPolicy) return done();
      // A route with options of its own for CORS, shedding or its rate limit (none of the cached routes
      // today) is left to those plugins: the headers and counters here are the global ones.
      const config = hit.config as RouteOptionsReadHere;
      if (config.cors !== undefined || config.pressureHandler !== undefined) return done();
      const limited = config.rateLimit === undefined || config.rateLimit === null;
      if (!limited && config.rateLimit !== false) return done();
      // In the normal path's order: access (refusals are its to answer), shedding, then the rate limit
      // (counted only when this request is answered here).
      const decision = checks.decideAccess(request);
      if (decision instanceof Promise || !decision.allowed) return done();
      if (checks.underPressure() || (limited && !checks.withinRateLimit(request))) return done();
      // With the headers helmet and CORS would have set, in one write (cached-answers.ts).
      routeCache.answer(request, reply, hit);
    });
  },
  { name: 'cached-hits', dependencies: ['cache'] },
);
