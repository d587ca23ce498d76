// Precomputed, precompressed responses. A response depends only on (route, params, data version), so it
// is built once, compressed once (gzip and brotli at moderate levels) and kept as bytes with a strong
// ETag: in an in-process LRU always (the hot path never leaves the process), and in Redis when configured
// so every instance shares one build. Concurrent misses for one key share one build (single flight).
// Redis trouble (down, slow, timeout) is a cache miss and marks the cache degraded; never an error.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

const gzipAsync = promisify(gzip);
/** The entry object, its strings and the LRU's bookkeeping, beyond the three bodies. */
const ENTRY_OVERHEAD = 512;
const brotliAsync = promisify(brotliCompress);

export interface CachedResponse {
  /** Strong validator of the identity body, without quotes. */
  etag: string;
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export interface BuiltBody {
  body: string | Buffer;
  contentType: string;
}

export interface CacheStatus {
  store: 'redis' | 'memory';
  status: 'ok' | 'degraded';
  error?: string;
}

export interface ResponseCacheOptions {
  redis?: Redis | undefined;
  maxMemoryBytes: number;
  ttlSeconds: number;
  /** Prefix of Redis keys after `chronos:response:` (the database's installation id). */
  namespace?: string;
  /** Called when Redis fails (the request carries on as a miss). */
  onRedisError?: (error: Error) => void;
}

export class ResponseCache {
  readonly #memory: LRUCache<string, CachedResponse>;
  readonly #inflight = new Map<string, Promise<CachedResponse>>();
  readonly #redis: Redis | undefined;
  readonly #ttlSeconds: number;
  readonly #prefix: string;
  readonly #onRedisError: (error: Error) => void;
  #lastRedisError: { message: string; at: number } | undefined;
  builds = 0;
  /** Lookups answered without building (this process, a shared build in flight, or Redis): /metrics. */
  hits = 0;

  constructor(options: ResponseCacheOptions) {
    this.#memory = new LRUCache<string, CachedResponse>({
      // A hard cap in real bytes: every entry owns exactly-sized buffers (see `own`), so what is counted
      // is what is held. One entry may take at most a quarter of the cache.
      maxSize: options.maxMemoryBytes,
      maxEntrySize: Math.max(1, Math.floor(options.maxMemoryBytes / 4)),
      sizeCalculation: (entry, key) =>
        entry.identity.byteLength + entry.gzip.byteLength + entry.br.byteLength + key.length * 2 + ENTRY_OVERHEAD,
    });
    this.#redis = options.redis;
    this.#ttlSeconds = options.ttlSeconds;
    this.#prefix = `chronos:response:${options.namespace ?? 'default'}:`;
    this.#onRedisError = options.onRedisError ?? (() => {});
  }

  /** The response for `key` if this process holds it, without building or asking Redis. Counted as a
   * hit unless `count` is false (a caller that may still not use it counts it with countHit()). */
  peek(key: string, count = true): CachedResponse | undefined {
    const entry = this.#memory.get(key);
    if (entry && count) this.hits++;
    return entry;
  }

  /** Counts a hit that was peeked without counting and then answered. */
  countHit(): void {
    this.hits++;
  }

  /** The cached response for `key`, building (once, however many callers wait) when missing. */
  get(key: string, build: () => Promise<BuiltBody>): Promise<CachedResponse> | CachedResponse {
    const hit = this.#memory.get(key) ?? this.#inflight.get(key);
    if (hit) {
      this.hits++;
      return hit;
    }
    const promise = this.#fill(key, build).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  async #fill(key: string, build: () => Promise<BuiltBody>): Promise<CachedResponse> {
    const shared = await this.#redisGet(key);
    if (shared) {
      this.hits++;
      this.#memory.set(key, shared);
      return shared;
    }
    this.builds++;
    const built = await build();
    const entry = await compress(built);
    this.#memory.set(key, entry);
    void this.#redisSet(key, entry);
    return entry;
  }

  async #redisGet(key: string): Promise<CachedResponse | undefined> {
    if (!this.#redis) return undefined;
    try {
      const raw = await this.#redis.getBuffer(this.#prefix + key);
      return raw ? decode(raw) : undefined;
    } catch (error) {
      this.#redisFailed(error as Error);
      return undefined;
    }
  }

  async #redisSet(key: string, entry: CachedResponse): Promise<void> {
    if (!this.#redis) return;
    try {
      await this.#redis.set(this.#prefix + key, encode(entry), 'EX', this.#ttlSeconds);
    } catch (error) {
      this.#redisFailed(error as Error);
    }
  }

  #redisFailed(error: Error): void {
    this.#lastRedisError = { message: error.message, at: Date.now() };
    this.#onRedisError(error);
  }

  /** Health: Redis answering a PING within its command timeout, or the in-process store. */
  async status(): Promise<CacheStatus> {
    if (!this.#redis) return { store: 'memory', status: 'ok' };
    try {
      await this.#redis.ping();
      return { store: 'redis', status: 'ok' };
    } catch (error) {
      this.#redisFailed(error as Error);
      return { store: 'redis', status: 'degraded', error: `Redis unavailable: ${(error as Error).message}` };
    }
  }

  get lastRedisError(): string | undefined {
    return this.#lastRedisError?.message;
  }

  clearMemory(): void {
    this.#memory.clear();
  }
}

export async function compress(built: BuiltBody): Promise<CachedResponse> {
  const identity = typeof built.body === 'string' ? Buffer.from(built.body) : built.body;
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(identity, { level: 6 }),
    brotliAsync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ]);
  const etag = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  return { etag, contentType: built.contentType, identity: own(identity), gzip: own(gzipped), br: own(brotli) };
}

/**
 * The bytes in a buffer of their own, exactly sized. Small `Buffer.from(string)` results are slices of
 * Node's shared 8 KiB pool, zlib's results slices of its 16 KiB output chunks, and Redis parts slices of
 * the whole value: kept in the cache, each slice pins its whole backing store, so the cache held ~15× the
 * memory it counted and 20,000 distinct URLs pushed the process past the load-shedding limit.
 */
export function own(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(copy);
  return copy;
}

// Redis value: 4-byte header length, JSON header (etag, content type, part lengths), then the three parts.
function encode(entry: CachedResponse): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      etag: entry.etag,
      contentType: entry.contentType,
      lengths: [entry.identity.length, entry.gzip.length, entry.br.length],
    }),
  );
  const size = Buffer.alloc(4);
  size.writeUInt32BE(header.length);
  return Buffer.concat([size, header, entry.identity, entry.gzip, entry.br]);
}

function decode(raw: Buffer): CachedResponse | undefined {
  try {
    const headerLength = raw.readUInt32BE(0);
    const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString()) as {
      etag: string;
      contentType: string;
      lengths: [number, number, number];
    };
    let offset = 4 + headerLength;
    const [identity, gzipped, brotli] = header.lengths.map((length) => {
      const part = own(raw.subarray(offset, offset + length));
      offset += length;
      return part;
    }) as [Buffer, Buffer, Buffer];
    if (offset !== raw.length) return undefined;
    return { etag: header.etag, contentType: header.contentType, identity, gzip: gzipped, br: brotli };
  } catch {
    return undefined; // a corrupt or foreign value is a miss
  }
}

type Encoding = 'br' | 'gzip' | 'identity';
/** Browsers send a handful of distinct Accept-Encoding values: each is parsed once. */
const negotiated = new Map<string, Encoding>();

/** Picks the best encoding the client accepts: br, then gzip, else identity. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let encoding = negotiated.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = parseAcceptEncoding(acceptEncoding);
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(acceptEncoding, encoding);
  }
  return encoding;
}

function parseAcceptEncoding(acceptEncoding: string): Encoding {
  let br = false;
  let gz = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    if (refused) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gz = true;
  }
  return br ? 'br' : gz ? 'gzip' : 'identity';
}

/** Whether an If-None-Match header matches the entry (weak comparison, any encoding variant). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate
      .trim()
      .replace(/^W\//, '')
      .replace(/^"|"$/g, '')
      .replace(/-(br|gz)$/, '');
    if (tag === etag) return true;
  }
  return false;
}
