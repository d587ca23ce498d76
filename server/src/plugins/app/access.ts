// Enforces the embedding policy (security/access.ts) on the API and tiles: a refused origin gets a 403
// that says why, before CORS runs, so it carries no CORS grant.
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { errorBody } from '../../http-error.ts';
import { type AccessDecision, decideAccess } from '../../security/access.ts';
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
    fastify.decorateRequest('accessDecision', null);
    const refuse = (reply: FastifyReply, decision: AccessDecision) => {
      if (decision.allowed) return false;
      reply.code(403).type('application/json; charset=utf-8').send(errorBody(403, decision.message));
      return true;
    };
    // A callback hook, synchronous unless a presented key must be looked up: this runs on every API hit.
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!isProtectedPath(request.url)) return done();
      const decision = decideAccess(request, config, keyStore);
      if (!(decision instanceof Promise)) {
        if (!refuse(reply, decision)) done();
        return;
      }
      decision.then((settled) => {
        if (!refuse(reply, settled)) done();
      }, done);
    });
  },
  { name: 'access', dependencies: ['db'] },
);
