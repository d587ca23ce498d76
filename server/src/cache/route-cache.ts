// The one way a route answers from the response cache (response-cache.ts): the cache key (route, the
// versions the body depends on, its normalized parameters), the cached reply (built once, sent as
// precompressed bytes with ETag and Cache-Control, send.ts), and the repeat-URL fast path. Every cached
// route goes through it, so a key never misses a version and every route gets the fast path.
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preParsingHookHandler,
} from 'fastify';
import type { Versions } from '../db/versions.ts';
import { routeUrl } from '../route-url.ts';
import type { CachedResponse, ResponseCache } from './response-cache.ts';
import { sendCached } from './send.ts';

/** What a body is built from besides its parameters: geometry only, or values (which also name regions,
 * so they depend on the boundaries too). A new version of either misses every key that depends on it. */
export type DependsOn = 'boundaries' | 'data';

export interface CachedReplySpec {
  /** The route's name: the first part of the key. */
  route: string;
  dependsOn: DependsOn;
  /** The parameters the body depends on, normalized (lists sorted, defaults applied): one key per body. */
  params: readonly (string | null)[];
  cacheControl: string;
  contentType: string;
  /** Builds the body when no instance holds it (the uncached path, responses/*). */
  build: () => Promise<string | Buffer>;
}

/** What a URL answered before resolved to: its cache entry and the versions it was built from. */
interface Resolved {
  /** The route's pattern (`/api/geo/choropleth`) and its config (what plugins read per route: rate
   * limit, CORS), for the cached-hit fast path. */
  route: string;
  config: FastifyContextConfig;
  key: string;
  cacheControl: string;
  dependsOn: DependsOn;
  /** The versions it was built from (data only read when it depends on data). */
  data: number;
  boundaries: number;
}

/** How a hit is sent: sendCached (send.ts) by default, after the hooks have set their headers. */
export type SendHit = (
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CachedResponse,
  cacheControl: string,
) => FastifyReply;

/** A remembered URL whose entry is held: what `answer` sends, and how. */
export interface Hit {
  route: string;
  config: FastifyContextConfig;
  entry: CachedResponse;
  cacheControl: string;
  send: SendHit;
}

/** URLs remembered per app. A plain map emptied when full: a lookup per request costs less than an LRU's
 * bookkeeping, and refilling is one normal request per URL. */
const MAX_REMEMBERED_URLS = 5_000;
/** A longer URL is answered, not remembered. Parameters a route does not read are dropped by its schema,
 * so a client can make URLs of any length (to the 16 kB header limit) that resolve: 2,000 of 12 kB held
 * 23.6 MiB (test/cache/route-cache.test.ts), the 5,000 remembered up to ~80 MB. The API's own URLs are a
 * few hundred characters. */
const MAX_REMEMBERED_URL_LENGTH = 2_048;

export class RouteCache {
  readonly #responseCache: ResponseCache;
  readonly #versions: () => Versions;
  readonly #resolved = new Map<string, Resolved>();

  constructor(responseCache: ResponseCache, versions: () => Versions) {
    this.#responseCache = responseCache;
    this.#versions = versions;
  }

  /** The response-cache key of a body: route, version tag, parameters. */
  key(route: string, dependsOn: DependsOn, params: readonly (string | null)[]): string {
    return keyOf(route, versionTag(dependsOn, this.#versions()), params);
  }

  /**
   * The repeat-URL fast path, as a route's preParsing hook: an exact URL answered before (so it was valid)
   * is answered from the entry it resolved to, skipping validation and the handler. preParsing runs after
   * every onRequest hook (access, CORS, the rate limit, which appends itself there), so those still apply.
   * The entry must still be in this process's cache and a new version misses, so nothing stale is sent.
   * Worth ~1.5× throughput on cached hits (bench:api).
   */
  readonly repeat: preParsingHookHandler = (request, reply, payload, done) => {
    const hit = this.hit(request.url);
    if (!hit) return done(null, payload);
    this.answer(request, reply, hit);
  };

  /** What an exact URL answered before, when its entry is still in this process's cache at the current
   * versions (else undefined: the request takes the normal path). Not yet counted as a cache hit: the
   * caller answers it with `answer`, or may still decide not to (the cached-hit fast path,
   * plugins/app/cached-hits.ts, leaves refusals to the normal path), which sends it its own way (`send`). */
  hit(url: string, send: SendHit = sendCached): Hit | undefined {
    const known = this.#resolved.get(url);
    // Compared as numbers: no version tag string per request.
    const versions = this.#versions();
    if (
      !known ||
      known.boundaries !== versions.boundaries ||
      (known.dependsOn === 'data' && known.data !== versions.data)
    ) {
      return undefined;
    }
    const entry = this.#responseCache.peek(known.key, false);
    return entry && { route: known.route, config: known.config, entry, cacheControl: known.cacheControl, send };
  }

  /** Sends a hit (ETag, 304, encodings: send.ts) and counts it for /metrics. */
  answer(request: FastifyRequest, reply: FastifyReply, hit: Hit): FastifyReply {
    this.#responseCache.countHit();
    return hit.send(request, reply, hit.entry, hit.cacheControl);
  }

  /** Answers from the cache (building once when missing) and remembers the URL for the fast path. */
  async reply(request: FastifyRequest, reply: FastifyReply, spec: CachedReplySpec): Promise<FastifyReply> {
    const versions = this.#versions();
    const key = keyOf(spec.route, versionTag(spec.dependsOn, versions), spec.params);
    const entry = await this.#responseCache.get(key, async () => ({
      body: await spec.build(),
      contentType: spec.contentType,
    }));
    if (request.url.length > MAX_REMEMBERED_URL_LENGTH) return sendCached(request, reply, entry, spec.cacheControl);
    if (this.#resolved.size >= MAX_REMEMBERED_URLS) this.#resolved.clear();
    this.#resolved.set(request.url, {
      route: routeUrl(request),
      config: request.routeOptions.config,
      key,
      cacheControl: spec.cacheControl,
      dependsOn: spec.dependsOn,
      data: versions.data,
      boundaries: versions.boundaries,
    });
    return sendCached(request, reply, entry, spec.cacheControl);
  }
}

function keyOf(route: string, version: string, params: readonly (string | null)[]): string {
  return `${route}|${version}|${params.map((param) => param ?? '').join('|')}`;
}

/** The versions a body depends on, as they appear in its key. */
function versionTag(dependsOn: DependsOn, versions: Versions): string {
  return dependsOn === 'boundaries' ? `b${versions.boundaries}` : `d${versions.data}.b${versions.boundaries}`;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCache: RouteCache;
  }
}

/** The app's RouteCache over its response cache and catalog versions (decorated by the cache plugin). */
export function createRouteCache(fastify: FastifyInstance): RouteCache {
  return new RouteCache(fastify.responseCache, () => fastify.catalog.versions);
}
