// Who may call the API from a browser. A request is allowed when it carries no Origin (server-to-server,
// same-origin navigation), when its origin is one of ours (ALLOWED_ORIGINS, or a loopback origin in
// development and on the embedded store), or when it presents a publishable key bound to that origin.
// The decision is made once per request and shared by CORS (grant or not), rate limiting (per key or
// per IP) and the access hook (403 saying why).
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { KEY_PATTERN, type KeyStore, originAllowed } from './keys.ts';

export type AccessDecision =
  | { allowed: true; origin: string | null; keyId: string | null; rateLimit: number | null }
  | { allowed: false; message: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackOrigin(origin: string): boolean {
  const match = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i.exec(origin);
  return match !== null && LOOPBACK_HOSTS.has(match[1]!.toLowerCase());
}

const decisions = new WeakMap<FastifyRequest, Promise<AccessDecision>>();

export function decideAccess(request: FastifyRequest, config: Config, keys: KeyStore): Promise<AccessDecision> {
  let decision = decisions.get(request);
  if (!decision) {
    decision = decide(request, config, keys);
    decisions.set(request, decision);
  }
  return decision;
}

async function decide(request: FastifyRequest, config: Config, keys: KeyStore): Promise<AccessDecision> {
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin.replace(/\/$/, '') : null;
  const presented = (request.query as Record<string, unknown> | undefined)?.key;
  if (presented !== undefined && presented !== '') {
    const text = String(presented);
    const shown = KEY_PATTERN.test(text) ? `${text.slice(0, 11)}…` : 'given';
    const key = await keys.find(text);
    if (!key) {
      return {
        allowed: false,
        message: `The publishable key ${shown} is not valid: it is malformed, unknown or revoked. Keys look like pk_ followed by 32 characters.`,
      };
    }
    if (origin && origin !== 'null' && !originAllowed(origin, key.origins)) {
      return {
        allowed: false,
        message: `The publishable key ${key.prefix}… is not allowed from origin ${origin}; it is bound to ${key.origins.join(', ')}.`,
      };
    }
    return { allowed: true, origin, keyId: key.id, rateLimit: key.rateLimit };
  }
  if (!origin) return { allowed: true, origin: null, keyId: null, rateLimit: null };
  const sameOrigin = request.host !== undefined && /^https?:\/\/(.+)$/.exec(origin)?.[1] === request.host;
  if (
    sameOrigin ||
    config.ALLOWED_ORIGINS.includes(origin) ||
    (config.ALLOW_LOOPBACK_ORIGINS && isLoopbackOrigin(origin))
  ) {
    return { allowed: true, origin, keyId: null, rateLimit: null };
  }
  return {
    allowed: false,
    message: `Origin ${origin} is not allowed without a publishable key. Add key=pk_… (a key bound to this origin, created with \`chronos-server keys create --origin ${origin}\`) to the request.`,
  };
}
