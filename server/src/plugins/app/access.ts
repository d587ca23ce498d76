// Enforces the embedding policy (security/access.ts) on the API: a refused request gets a 403 that says
// why, with a `code` to switch on. It is answered here, before the CORS plugin runs, so it carries its own
// CORS headers: the refused origin may READ the refusal (without that, page script sees only "Failed to
// fetch" and the reason is lost), never credentials, and nothing else is granted.
// Tiles are not keyed (see routes/tiles/index.ts): they are public like the R2 bucket they stand in for.
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { errorBody } from '../../http-error.ts';
import { type AccessDecision, decideAccess, EXPOSED_HEADERS } from '../../security/access.ts';
import { KeyStore } from '../../security/keys.ts';

declare module 'fastify' {
  interface FastifyInstance {
    keyStore: KeyStore;
  }
}

/** Paths the policy covers; documentation, the demo page, the CDN bundle and the tiles are public. */
export function isProtectedPath(url: string): boolean {
  return url.startsWith('/api/');
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
    const keyStore = new KeyStore(fastify.db);
    fastify.decorate('keyStore', keyStore);
    fastify.decorateRequest('accessDecision', null);
    const refuse = (reply: FastifyReply, decision: AccessDecision) => {
      if (decision.allowed) return false;
      exposeRefusal(reply, decision.origin);
      reply
        .code(403)
        .type('application/json; charset=utf-8')
        .send(errorBody(403, decision.message, decision.code));
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
