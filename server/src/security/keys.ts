// Publishable keys (`pk_…`): bound to the origins that may use them, each with its own rate limit.
// Only a SHA-256 hash is stored; a key is found by its public prefix and compared in constant time.
// Verdicts are kept in memory so a key costs no database round trip per request, and survive a database
// outage for a bounded time (KEY_STALE_SECONDS).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client.ts';

export const KEY_PATTERN = /^pk_[A-Za-z0-9_-]{32}$/;
const PREFIX_LENGTH = 11; // "pk_" + 8 characters: shown in listings and messages, never enough to use

export interface ApiKey {
  id: string;
  prefix: string;
  label: string;
  origins: string[];
  rateLimit: number;
  createdAt: string;
  revokedAt: string | null;
}

interface KeyRow {
  id: string;
  key_hash: string;
  prefix: string;
  label: string;
  origins: string[];
  rate_limit: number;
  created_at: string;
  revoked_at: string | null;
}

const hash = (key: string): Buffer => createHash('sha256').update(key).digest();

function toApiKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    origins: row.origins,
    rateLimit: row.rate_limit,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

const COLUMNS = `id, key_hash, prefix, label, origins, rate_limit,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as revoked_at`;

/** An origin as stored: scheme://host[:port], or a wildcard subdomain pattern https://*.example.com. */
export const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?$/;

export async function createKey(
  db: Db,
  options: { label: string; origins: string[]; rateLimit: number },
): Promise<{ key: string; record: ApiKey }> {
  for (const origin of options.origins) {
    if (!ORIGIN_PATTERN.test(origin)) {
      throw new Error(
        `"${origin}" is not an origin: use scheme://host[:port], e.g. https://example.com or https://*.example.com`,
      );
    }
  }
  if (options.origins.length === 0) throw new Error('a key needs at least one origin (--origin https://example.com)');
  const key = `pk_${randomBytes(24).toString('base64url')}`;
  const { rows } = await db.query<KeyRow>(
    `insert into api_keys (id, key_hash, prefix, label, origins, rate_limit) values ($1, $2, $3, $4, $5, $6)
     returning ${COLUMNS}`,
    [
      randomUUID(),
      hash(key).toString('hex'),
      key.slice(0, PREFIX_LENGTH),
      options.label,
      options.origins,
      options.rateLimit,
    ],
  );
  return { key, record: toApiKey(rows[0]!) };
}

export async function listKeys(db: Db): Promise<ApiKey[]> {
  const { rows } = await db.query<KeyRow>(`select ${COLUMNS} from api_keys order by created_at, id`);
  return rows.map(toApiKey);
}

/** Revokes by id or by prefix (as listed); returns the revoked key, or null when none matches. */
export async function revokeKey(db: Db, idOrPrefix: string): Promise<ApiKey | null> {
  const { rows } = await db.query<KeyRow>(
    `update api_keys set revoked_at = coalesce(revoked_at, now())
     where id = $1 or prefix = $1 returning ${COLUMNS}`,
    [idOrPrefix],
  );
  return rows[0] ? toApiKey(rows[0]) : null;
}

export interface KeyStoreOptions {
  /** A verdict is re-read from the database after this long (a revocation applies within it). */
  freshMs?: number;
  /** While the database cannot answer, the last verdict is used for up to this long. */
  staleMs?: number;
}

interface Verdict {
  key: ApiKey | null;
  at: number;
}

/** Finds the key matching a presented `pk_…` value; a revoked key is found too, with `revokedAt` set, so
 * that a refusal can say "revoked" rather than "unknown". Verdicts (unknown keys too: negative caching)
 * are kept in memory: fresh for `freshMs`, then re-read in the background while the last verdict keeps
 * answering, and, while the database is down, served for up to `staleMs` so embeds survive an outage. */
export class KeyStore {
  readonly #db: Db;
  readonly #cache: LRUCache<string, Verdict>;
  readonly #pending = new Map<string, Promise<ApiKey | null>>();
  readonly #freshMs: number;

  constructor(db: Db, options: KeyStoreOptions = {}) {
    this.#db = db;
    this.#freshMs = options.freshMs ?? 30_000;
    const staleMs = Math.max(options.staleMs ?? 15 * 60_000, this.#freshMs);
    this.#cache = new LRUCache({ max: 10_000, ttl: this.#freshMs + staleMs });
  }

  /** The key, or null when malformed or unknown; synchronous when a verdict is held (the common case:
   * every request of an embed presents the same key). Rejects with DatabaseUnavailableError only when
   * the database is down and no verdict for this key is held. */
  find(presented: string): ApiKey | null | Promise<ApiKey | null> {
    if (!KEY_PATTERN.test(presented)) return null;
    const cached = this.#cache.get(presented);
    if (!cached) return this.#lookup(presented);
    if (Date.now() - cached.at > this.#freshMs) {
      // Re-read behind the answer; a database failure keeps the last verdict (until it expires).
      this.#lookup(presented).catch(() => {});
    }
    return cached.key;
  }

  /** Whether a verdict for this key is held (a lookup would cost no database query). */
  has(presented: string): boolean {
    return this.#cache.has(presented);
  }

  #lookup(presented: string): Promise<ApiKey | null> {
    let pending = this.#pending.get(presented);
    if (!pending) {
      pending = this.#read(presented).finally(() => this.#pending.delete(presented));
      this.#pending.set(presented, pending);
    }
    return pending;
  }

  async #read(presented: string): Promise<ApiKey | null> {
    const { rows } = await this.#db.query<KeyRow>(`select ${COLUMNS} from api_keys where prefix = $1`, [
      presented.slice(0, PREFIX_LENGTH),
    ]);
    const presentedHash = hash(presented);
    let found: ApiKey | null = null;
    for (const row of rows) {
      if (timingSafeEqual(Buffer.from(row.key_hash, 'hex'), presentedHash)) found = toApiKey(row);
    }
    this.#cache.set(presented, { key: found, at: Date.now() });
    return found;
  }

  forget(): void {
    this.#cache.clear();
  }
}

/** Whether `origin` is one of the key's origins (exact, or a `*.` subdomain pattern). */
export function originAllowed(origin: string, allowed: string[]): boolean {
  const normalized = origin.toLowerCase();
  for (const pattern of allowed) {
    const lower = pattern.toLowerCase();
    if (lower === normalized) return true;
    const wildcard = /^(https?:\/\/)\*\.(.+)$/.exec(lower);
    if (wildcard) {
      const [, scheme, rest] = wildcard;
      if (normalized.startsWith(scheme!) && normalized.endsWith(`.${rest}`)) return true;
    }
  }
  return false;
}
