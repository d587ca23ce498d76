// CORS. The API answers per origin: who may call is decided before this runs (plugins/app/access.ts),
// and a refused origin has already had its 403 (with just enough CORS to read it). Whatever reaches here
// is allowed, so its origin is echoed back (with Vary: Origin).
// Static files (/cdn, /tiles) answer `Access-Control-Allow-Origin: *` without Vary: Origin, as the CDN
// and R2 bucket they stand in for do: they are public, and one cached copy serves every embedding site.
import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import { EXPOSED_HEADERS } from '../../security/access.ts';

/** Route prefixes served like a CDN: public, the same bytes for every origin. */
export const PUBLIC_PREFIXES = ['/cdn/', '/tiles/'];

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
