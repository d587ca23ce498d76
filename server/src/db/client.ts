// One database interface over the two stores: PostgreSQL (+ PostGIS) through `pg` when DATABASE_URL is
// set, and PGlite (PostgreSQL compiled to WASM, in-process) otherwise. Both speak the same SQL dialect,
// so every query in this package runs unchanged on either; only PostGIS-specific statements are guarded.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
}

export interface Db {
  kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL's connection pool, for /metrics (PGlite has no pool). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
}

export interface CreateDbOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string | undefined;
  poolMax?: number;
  /** PostgreSQL: a statement running longer is cancelled (server side) and its wait abandoned (client
   * side), so a slow database answers 503s instead of piling up requests. 0 = no limit. */
  statementTimeoutMs?: number;
}

/** The database cannot answer now (unreachable, restarting, connections killed, a statement over its
 * timeout): a 503 with Retry-After for the request, never a 500, and a retry for start-up. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly statusCode = 503;
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  readonly retryAfter = 5;
  constructor(cause: Error, message = `The database is unavailable (${cause.message}); retry shortly.`) {
    super(message, { cause });
  }
}

// SQLSTATE classes and codes that mean "not now" rather than "wrong": connection exceptions (08),
// operator intervention (57: admin shutdown, crash shutdown, cannot connect now, query_canceled by
// statement_timeout), too many connections (53300).
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]$|57014$|53300$)/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection is closed|Client has encountered a connection error/i;

/** Whether a `pg` error means the database cannot answer now (see DatabaseUnavailableError). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return UNAVAILABLE_MESSAGE.test(error.message);
}

const asUnavailable = (error: unknown): unknown =>
  !(error instanceof DatabaseUnavailableError) && isUnavailable(error)
    ? new DatabaseUnavailableError(error as Error)
    : error;

// `date` columns come back as 'YYYY-MM-DD' strings from both stores (pg would build local-time Dates).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint (versions, counts) as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) {
    return createPostgresDb(options.databaseUrl, options.poolMax ?? 10, options.statementTimeoutMs ?? 0);
  }
  return createPgliteDb(options.dataDir);
}

function createPostgresDb(connectionString: string, max: number, statementTimeoutMs: number): Db {
  // In flight is bounded: at most `max` statements run, and a request waits at most
  // connectionTimeoutMillis for a connection before it is answered 503. Statements outside transactions
  // (the API's reads) are cancelled by the server past the timeout, and their wait abandoned a second
  // later should the server not even answer; transactions (migrations, boundary imports, ingestion
  // batches: long by nature, never on a request's path) lift it.
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  const readTimeout = statementTimeoutMs > 0 ? { query_timeout: statementTimeoutMs + 1_000 } : {};
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const wrap = (client: pg.Pool | pg.PoolClient, limits: object): Omit<Db, 'transaction' | 'close'> => ({
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        const result = await client.query({ text: sql, values: params, ...limits });
        return { rows: result.rows as T[] };
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (error) {
        throw asUnavailable(error);
      }
    },
  });
  return {
    ...wrap(pool, readTimeout),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const client = await pool.connect().catch((error: unknown) => {
        throw asUnavailable(error);
      });
      let broken = false;
      try {
        await client.query('begin');
        if (statementTimeoutMs > 0) await client.query('set local statement_timeout = 0');
        const tx: Db = {
          ...wrap(client, {}),
          transaction: (inner) => inner(tx),
          close: async () => {},
        };
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        broken = isUnavailable(error);
        throw asUnavailable(error);
      } finally {
        // A connection that failed is dropped, not handed to the next request.
        client.release(broken);
      }
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
  };
}

/** Another process holds the embedded database (see lockDataDir). */
export class EmbeddedStoreBusyError extends Error {
  override name = 'EmbeddedStoreBusyError';
}

/**
 * The embedded store has a single writer. PGlite keeps its database in this process's memory and writes
 * it back to the directory, so a second process opening the same directory (say `keys create` while the
 * server runs) works on its own copy: its changes never reach the server, and the two overwrite each
 * other's files. The first opener takes a lock file holding its pid; another live process is refused with
 * a message saying what to do. A lock left by a process that has died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, 'chronos-server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new EmbeddedStoreBusyError(
        `the embedded database at ${dataDir} is in use by another chronos-server process (pid ${holder}). It has a single writer: a change made from here would never reach that server. Stop it first and run this again, or use PostgreSQL (DATABASE_URL) to change keys or data while serving.`,
      );
    }
    rmSync(lock, { force: true }); // left by a process that is gone
  }
  throw new EmbeddedStoreBusyError(`could not lock the embedded database at ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createPgliteDb(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  // Same value shapes as the pg parsers above: dates as 'YYYY-MM-DD', int8 as number.
  const parsers = { [types.DATE]: (value: string) => value, [types.INT8]: (value: string) => Number(value) };
  const lite = await PGlite.create(dataDir ? { dataDir, parsers } : { parsers }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  // PGlite has a single connection: statements are serialized by PGlite itself, and transactions hold it.
  type Queryable = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (client: Queryable): Omit<Db, 'transaction' | 'close'> => ({
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query<T>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  });
  const db: Db = {
    ...wrap(lite),
    transaction: (fn) =>
      lite.transaction(async (liteTx) => {
        const tx: Db = { ...wrap(liteTx), transaction: (inner) => inner(tx), close: async () => {} };
        return fn(tx);
      }),
    close: () => lite.close().finally(unlock),
  };
  return db;
}
