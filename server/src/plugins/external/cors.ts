// CORS. The API answers per origin: who may call is decided before this runs (plugins/app/access.ts),
// and a refused origin has already had its 403 (with just enough CORS to read it). Whatever reaches here
// is allowed, so its origin is echoed back (with Vary: Origin).
// Static files (/cdn, /tiles) answer `Access-Control-Allow-Origin: *` without Vary: Origin, as the CDN
// and R2 bucket they stand in for do: they are public, and one cached copy serves every embedding site.
import cors from '@fastify/cors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { EXPOSED_HEADERS } from '../../security/access.ts';

/** Route prefixes served like a CDN: public, the same bytes for every origin. */
export const PUBLIC_PREFIXES = ['/cdn/', '/tiles/'];

/**
 * The headers this plugin's @fastify/cors sets on an allowed API request (its origin reflected, the
 * exposed headers, Vary: Origin), without its per-request work: it reads `request.routeOptions` twice and
 * merges its 13 options into a new object for every request. For the cached-hit fast path
 * (plugins/app/cached-hits.ts), on GET requests to API routes, which carry no CORS option of their own;
 * test/routes/cached-hits.test.ts holds the two to the same headers.
 */
export function addApiCorsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('vary', 'Origin');
  const origin = request.headers.origin;
  if (origin) reply.header('access-control-allow-origin', origin);
  reply.header('access-control-expose-headers', EXPOSED_HEADERS);
}

export default fp(
  async (fastify) => {
    // Routes added after this plugin (tiles, the CDN bundle) read this per-route option.
    fastify.addHook('onRoute', (route) => {
      if (PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
        route.config = { ...route.config, cors: { origin: '*' } } as typeof route.config;
      }
    });
    await fastify.register(cors, {
      origin: true,
      methods: ['GET', 'HEAD', 'OPTIONS'],
      allowedHeaders: ['Range', 'If-None-Match', 'If-Match', 'If-Range', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 86_400,
    });
  },
  { name: 'cors', dependencies: ['access'] },
);
