// One database interface over the two stores: PostgreSQL (+ PostGIS) through `pg` when DATABASE_URL is
// set, and PGlite (PostgreSQL compiled to WASM, in-process) otherwise. Both speak the same SQL dialect,
// so every query in this package runs unchanged on either; only PostGIS-specific statements are guarded.
import { mkdirSync } from 'node:fs';
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
}

// `date` columns come back as 'YYYY-MM-DD' strings from both stores (pg would build local-time Dates).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint (versions, counts) as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl, options.poolMax ?? 10);
  return createPgliteDb(options.dataDir);
}

function createPostgresDb(connectionString: string, max: number): Db {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const wrap = (client: pg.Pool | pg.PoolClient): Omit<Db, 'transaction' | 'close'> => ({
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    ...wrap(pool),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const tx: Db = {
          ...wrap(client),
          transaction: (inner) => inner(tx),
          close: async () => {},
        };
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
  };
}

async function createPgliteDb(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Same value shapes as the pg parsers above: dates as 'YYYY-MM-DD', int8 as number.
  const parsers = { [types.DATE]: (value: string) => value, [types.INT8]: (value: string) => Number(value) };
  const lite = await PGlite.create(dataDir ? { dataDir, parsers } : { parsers });
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
    close: () => lite.close(),
  };
  return db;
}
