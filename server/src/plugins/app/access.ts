// Enforces the embedding policy (security/access.ts) on the API: a refused request gets a 403 that says
// why, with a `code` to switch on. It is answered here, before the CORS plugin runs, so it carries its own
// CORS headers: the refused origin may READ the refusal (without that, page script sees only "Failed to
// fetch" and the reason is lost), never credentials, and nothing else is granted.
// Tiles are not keyed (see routes/tiles/index.ts): they are public like the R2 bucket they stand in for.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { errorBody } from '../../http-error.ts';
import { type AccessDecision, decideAccess, EXPOSED_HEADERS, UnknownKeyLimiter } from '../../security/access.ts';
import { KeyStore } from '../../security/keys.ts';
import { decorateRouteUrl, routeUrl } from '../../route-url.ts';

declare module 'fastify' {
  interface FastifyInstance {
    keyStore: KeyStore;
    decideAccess: (request: FastifyRequest) => AccessDecision | Promise<AccessDecision>;
  }
}

/** Whether the policy covers this request: decided on what the router matched, never on the raw URL.
 * The router decodes the path, so a raw-URL test let `/%61pi/…` reach an API route with CORS open to any
 * origin. The matched route's pattern (e.g. `/api/metrics/:metric`) is that decoded path; the CORS
 * preflight catch-all (`*`) carries the decoded path as its wildcard parameter. Documentation, the demo
 * page, the CDN bundle and the tiles are public. */
export function isProtected(request: FastifyRequest): boolean {
  const route = routeUrl(request);
  const path = route === '*' ? (request.params as { '*'?: string })['*'] : route;
  return path !== undefined && /^\/?api\//.test(path);
}

/** Lets the page that made a refused request read why (status, body, Retry-After); grants nothing else. */
export function exposeRefusal(reply: FastifyReply, origin: string | null): void {
  if (!origin) return;
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-expose-headers', EXPOSED_HEADERS);
  reply.header('vary', 'Origin');
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const keyStore = new KeyStore(fastify.readDb, {
      freshMs: config.KEY_CACHE_SECONDS * 1000,
      staleMs: config.KEY_STALE_SECONDS * 1000,
    });
    const unknownKeys = new UnknownKeyLimiter(config.UNKNOWN_KEY_MAX, config.RATE_LIMIT_WINDOW_MS);
    fastify.decorate('keyStore', keyStore);
    fastify.decorateRequest('accessDecision', null);
    decorateRouteUrl(fastify);
    // The same decision for the cached-hit fast path (plugins/app/cached-hits.ts), made once per request.
    fastify.decorate('decideAccess', (request: FastifyRequest) => decideAccess(request, config, keyStore, unknownKeys));
    const refuse = (reply: FastifyReply, decision: AccessDecision) => {
      if (decision.allowed) return false;
      exposeRefusal(reply, decision.origin);
      const status = decision.status ?? 403;
      if (decision.retryAfter !== undefined) reply.header('retry-after', String(decision.retryAfter));
      reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send(errorBody(status, decision.message, decision.code));
      return true;
    };
    // A callback hook, synchronous unless a presented key must be looked up: this runs on every API hit.
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!isProtected(request)) return done();
      const decision = decideAccess(request, config, keyStore, unknownKeys);
      if (!(decision instanceof Promise)) {
        if (!refuse(reply, decision)) done();
        return;
      }
      decision.then(
        (settled) => {
          if (!refuse(reply, settled)) done();
        },
        (error: Error) => {
          // The database is down and this key has no verdict held: a 503 the page can read.
          exposeRefusal(reply, request.headers.origin ?? null);
          done(error);
        },
      );
    });
  },
  { name: 'access', dependencies: ['db'] },
);
