// CORS answered per origin. Who may call is decided before this runs (plugins/app/access.ts): a refused
// origin has already had its 403, with no CORS headers. Whatever reaches here is allowed, so its origin
// is echoed back (with Vary: Origin); that also lets pages on other sites load the /cdn module bundle.
import cors from '@fastify/cors';
import fp from 'fastify-plugin';

export default fp(
  async (fastify) => {
    await fastify.register(cors, {
      origin: true,
      methods: ['GET', 'HEAD', 'OPTIONS'],
      allowedHeaders: ['Range', 'If-None-Match', 'If-Range', 'Content-Type', 'X-Request-Id'],
      // PMTiles clients read the range headers; API clients Retry-After and the request id.
      // A string, not a list: @fastify/cors joins a list again on every request.
      exposedHeaders: 'ETag, Content-Range, Content-Length, Accept-Ranges, Retry-After, X-Request-Id',
      maxAge: 86_400,
    });
  },
  { name: 'cors', dependencies: ['access'] },
);
