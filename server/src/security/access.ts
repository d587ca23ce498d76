// Who may call the API from a browser. A request is allowed when it carries no Origin (server-to-server,
// same-origin navigation), when its origin is one of ours (ALLOWED_ORIGINS, or a loopback origin in
// development and on the embedded store), or when it presents a publishable key bound to that origin.
// The decision is made once per request and shared by CORS, rate limiting (per key or per IP) and the
// access hook (403 saying why, with a `code` a page can switch on and CORS headers so the page can read it).
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';
import type { RefusalCode } from '../http-error.ts';
import { type ApiKey, KEY_PATTERN, type KeyStore, originAllowed } from './keys.ts';

export type AccessDecision =
  | { allowed: true; origin: string | null; keyId: string | null; rateLimit: number | null }
  | {
      allowed: false;
      origin: string | null;
      code: RefusalCode;
      message: string;
      /** 403 unless said otherwise (429 for too many unknown keys, with Retry-After in seconds). */
      status?: 429;
      retryAfter?: number;
    };

/**
 * Unknown and malformed keys presented per client address, per window. An unknown key costs a database
 * lookup (its verdict is then cached, negative too), so a client cycling through invented keys would cost
 * one query per request and never meet the per-key limit: past `max` in a window it gets 429.
 */
export class UnknownKeyLimiter {
  readonly #counts: LRUCache<string, { count: number }>;
  readonly #max: number;

  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#counts = new LRUCache({ max: 100_000, ttl: windowMs, noUpdateTTL: true });
  }

  /** Counts one unknown key from `ip`; false (with the seconds until the window ends) past the limit. */
  take(ip: string): { ok: true } | { ok: false; retryAfter: number } {
    const entry = this.#counts.get(ip);
    if (!entry) {
      this.#counts.set(ip, { count: 1 });
      return { ok: true };
    }
    entry.count++;
    if (entry.count <= this.#max) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil(this.#counts.getRemainingTTL(ip) / 1000)) };
  }
}

/** Response headers page script may read: PMTiles clients need the range headers; API clients Retry-After
 * and the request id. One string (not a list): @fastify/cors would join a list again on every request. */
export const EXPOSED_HEADERS = 'ETag, Content-Range, Content-Length, Accept-Ranges, Retry-After, X-Request-Id';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackOrigin(origin: string): boolean {
  const match = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i.exec(origin);
  return match !== null && LOOPBACK_HOSTS.has(match[1]!.toLowerCase());
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by decideAccess; declared with decorateRequest (plugins/app/access.ts) so requests keep one shape. */
    accessDecision: AccessDecision | Promise<AccessDecision> | null;
  }
}

/** The decision for this request, made once and shared by the access hook, CORS and rate limiting.
 * Synchronous unless a presented key has to be looked up in the database (once per key and TTL), so
 * the hot path (a known origin, or a cached key) adds no promise or microtask per request. */
export function decideAccess(
  request: FastifyRequest,
  config: Config,
  keys: KeyStore,
  unknownKeys: UnknownKeyLimiter,
): AccessDecision | Promise<AccessDecision> {
  let decision = request.accessDecision;
  if (decision === null || decision === undefined) {
    decision = decide(request, config, keys, unknownKeys);
    request.accessDecision = decision;
    // Once a looked-up key is known, later readers of this request get the plain value.
    if (decision instanceof Promise) {
      void decision.then(
        (settled) => {
          request.accessDecision = settled;
        },
        () => {},
      );
    }
  }
  return decision;
}

function decide(
  request: FastifyRequest,
  config: Config,
  keys: KeyStore,
  unknownKeys: UnknownKeyLimiter,
): AccessDecision | Promise<AccessDecision> {
  const header = request.headers.origin;
  const origin = typeof header === 'string' ? (header.endsWith('/') ? header.slice(0, -1) : header) : null;
  const presented = (request.query as Record<string, unknown> | undefined)?.key;
  if (presented !== undefined && presented !== '') {
    const text = String(presented);
    // Counted before any lookup: a key not known to be valid (malformed, never seen, or known unknown).
    if (!KEY_PATTERN.test(text) || !keys.has(text) || keys.find(text) === null) {
      const taken = unknownKeys.take(request.ip);
      if (!taken.ok) return tooManyUnknownKeys(origin, taken.retryAfter);
    }
    const key = keys.find(text);
    return key instanceof Promise
      ? key.then((found) => keyDecision(text, found, origin))
      : keyDecision(text, key, origin);
  }
  if (!origin) return ALLOWED_WITHOUT_ORIGIN;
  const ours = allowedOrigins(config).get(origin);
  if (ours !== undefined) return ours;
  if (
    (request.host !== undefined && /^https?:\/\/(.+)$/.exec(origin)?.[1] === request.host) ||
    (config.ALLOW_LOOPBACK_ORIGINS && isLoopbackOrigin(origin))
  ) {
    return { allowed: true, origin, keyId: null, rateLimit: null };
  }
  return {
    allowed: false,
    origin,
    code: 'key_required',
    message: `Origin ${origin} is not allowed without a publishable key: give the map api-key="pk_…" (key=pk_… on API requests), a key bound to this origin, created with \`chronos-server keys create --origin ${origin}\`.`,
  };
}

/** The decision for each of ALLOWED_ORIGINS, made once per configuration (shared, frozen, like the next). */
const decisionsByConfig = new WeakMap<Config, Map<string, AccessDecision>>();
function allowedOrigins(config: Config): Map<string, AccessDecision> {
  let decisions = decisionsByConfig.get(config);
  if (decisions === undefined) {
    decisions = new Map(
      config.ALLOWED_ORIGINS.map((origin) => [
        origin,
        Object.freeze({ allowed: true, origin, keyId: null, rateLimit: null }),
      ]),
    );
    decisionsByConfig.set(config, decisions);
  }
  return decisions;
}

const ALLOWED_WITHOUT_ORIGIN: AccessDecision = Object.freeze({
  allowed: true,
  origin: null,
  keyId: null,
  rateLimit: null,
});

function tooManyUnknownKeys(origin: string | null, retryAfter: number): AccessDecision {
  return {
    allowed: false,
    origin,
    code: 'rate_limited',
    status: 429,
    retryAfter,
    message: `Rate limited: too many unknown or malformed publishable keys from this address, retry in ${retryAfter} s.`,
  };
}

function keyDecision(presented: string, key: ApiKey | null, origin: string | null): AccessDecision {
  if (!KEY_PATTERN.test(presented)) {
    return {
      allowed: false,
      origin,
      code: 'malformed_key',
      message:
        'The publishable key given is not valid: it is malformed. Keys look like pk_ followed by 32 characters (letters, digits, "_" or "-").',
    };
  }
  if (!key) {
    return {
      allowed: false,
      origin,
      code: 'unknown_key',
      message: `Unknown publishable key ${presented.slice(0, 11)}…: no such key exists. Check the api-key attribute, or create a key with \`chronos-server keys create --origin <your site>\`.`,
    };
  }
  if (key.revokedAt) {
    return {
      allowed: false,
      origin,
      code: 'key_revoked',
      message: `The publishable key ${key.prefix}… was revoked on ${key.revokedAt.slice(0, 10)}: ask for a new key.`,
    };
  }
  // `Origin: null` (sandboxed frames, file:// pages, some redirects) is any page at all: it never matches.
  if (origin && (origin === 'null' || !originAllowed(origin, key.origins))) {
    return {
      allowed: false,
      origin,
      code: 'origin_not_allowed',
      message: `This key (${key.prefix}…) is not allowed on ${origin}: it is bound to ${key.origins.join(', ')}. Add ${origin} to the key or use a key bound to it.`,
    };
  }
  return { allowed: true, origin, keyId: key.id, rateLimit: key.rateLimit };
}
