// Enforces the embedding policy (security/access.ts) on the API and tiles: a refused origin gets a 403
// that says why, before CORS runs, so it carries no CORS grant.
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { errorBody } from '../../http-error.ts';
import { decideAccess } from '../../security/access.ts';
import { KeyStore } from '../../security/keys.ts';

declare module 'fastify' {
  interface FastifyInstance {
    keyStore: KeyStore;
  }
}

/** Paths the policy covers; documentation, the demo page and the CDN bundle are public. */
export function isProtectedPath(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/tiles/');
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const keyStore = new KeyStore(fastify.db);
    fastify.decorate('keyStore', keyStore);
    fastify.addHook('onRequest', async (request, reply) => {
      if (!isProtectedPath(request.url)) return;
      const decision = await decideAccess(request, config, keyStore);
      if (!decision.allowed) {
        return reply.code(403).type('application/json; charset=utf-8').send(errorBody(403, decision.message));
      }
    });
  },
  { name: 'access', dependencies: ['db'] },
);
