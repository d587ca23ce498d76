// CORS answered per origin: the grant is the access decision's (security/access.ts) — an allowed origin
// is echoed back, anything else gets no Access-Control-Allow-Origin at all.
import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { decideAccess } from '../../security/access.ts';
import { isProtectedPath } from '../app/access.ts';

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    await fastify.register(cors, {
      delegator: async (request: FastifyRequest) => {
        if (!isProtectedPath(request.url ?? '')) return { origin: false };
        const decision = await decideAccess(request, config, fastify.keyStore);
        return {
          origin: decision.allowed && decision.origin ? decision.origin : false,
          methods: ['GET', 'HEAD', 'OPTIONS'],
          allowedHeaders: ['Range', 'If-None-Match', 'If-Range', 'Content-Type', 'X-Request-Id'],
          exposedHeaders: [
            'ETag',
            'Content-Range',
            'Content-Length',
            'Accept-Ranges',
            'Retry-After',
            'X-Request-Id',
            'X-RateLimit-Limit',
            'X-RateLimit-Remaining',
          ],
          maxAge: 86_400,
        };
      },
    });
  },
  { name: 'cors', dependencies: ['access'] },
);
