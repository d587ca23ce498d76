// Test plumbing for the ingestion suites: a fresh database per test file (a randomly named PostgreSQL database
// created from the admin DATABASE_URL and dropped afterwards, or an in-memory PGlite), migrated and seeded like
// a first start (boundaries + sample metric), and ingestion settings pointed at a replay server.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seed } from '../../src/data/seed.ts';
import { seedSampleData } from '../../src/data/sample.ts';
import { loadConfig } from '../../src/config.ts';
import type { IngestSettings } from '../../src/jobs/settings.ts';
import { after, before, beforeEach } from 'node:test';
import { type ReplayOptions, type ReplayServer, startReplayServer } from '../../src/testing/replay-server.ts';

export const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const boundariesFile = join(import.meta.dirname, '..', '..', 'data', 'boundaries.topo.json');
export type StoreKind = 'postgres' | 'pglite';
export const storeKinds: StoreKind[] = ['postgres', 'pglite'];

export interface TestDatabase {
  db: Db;
  kind: StoreKind;
  /** The PostgreSQL URL of this database (undefined for PGlite). */
  url: string | undefined;
  /** Back to the state after seeding: sample rows only, no runs. */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: StoreKind): Promise<TestDatabase> {
  let url: string | undefined;
  let name: string | undefined;
  if (kind === 'postgres') {
    name = `chronos_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.href;
  }
  const db = await createDb({ databaseUrl: url });
  await migrate(db);
  await seed(db, boundariesFile);
  return {
    db,
    kind,
    url,
    async reset() {
      await db.query('delete from observations');
      await db.query('delete from ingestion_runs');
      await seedSampleData(db);
    },
    async drop() {
      await db.close();
      if (!name) return;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Settings as the environment would give them, pointed at the replay server, fast retries, no pacing. */
export function replaySettings(replay: ReplayServer, env: Record<string, string> = {}): IngestSettings {
  return ingestSettings({
    NODE_ENV: 'test',
    FRED_API_KEY: 'test-key',
    FRED_BASE_URL: replay.baseUrls.fred,
    STATCAN_BASE_URL: replay.baseUrls.statcan,
    FRED_MIN_INTERVAL_MS: '0',
    // Far beyond what the local replay server takes on a saturated machine: a timed-out request is retried
    // and would change what tests count. The hung-request tests set their own short timeout.
    INGEST_TIMEOUT_MS: '30000',
    INGEST_RETRIES: '3',
    INGEST_BACKOFF_MS: '20',
    INGEST_BACKFILL_FROM: '2015-01',
    ...env,
  });
}

export interface ObservationRow {
  region: string;
  time: string;
  value: number | null;
  status: string;
  source: string | null;
}

export async function rowsOf(db: Db, region: string): Promise<ObservationRow[]> {
  const { rows } = await db.query<ObservationRow>(
    `select region, time::text as time, value, status, source from observations
      where metric = 'unemployment' and region = $1 order by time`,
    [region],
  );
  return rows;
}

/** A checksum of every observation (not ingested_at, which records when, not what). */
export async function observationsChecksum(db: Db): Promise<string> {
  const { rows } = await db.query<{ checksum: string; n: number }>(
    `select md5(coalesce(string_agg(concat_ws('|', metric, region, time::text, value::text, status, source), ','
              order by metric, region, time), '')) as checksum, count(*)::integer as n
       from observations`,
  );
  return `${rows[0]!.n}:${rows[0]!.checksum}`;
}

export interface RunRow {
  id: number;
  source: string;
  status: string;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  errors: { series: string; region: string; message: string }[];
  finished_at: string | null;
}

export async function runsOf(db: Db): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>(
    `select id::integer as id, source, status, rows_inserted, rows_updated, rows_unchanged, errors,
            finished_at::text as finished_at from ingestion_runs order by id`,
  );
  return rows;
}

export async function dataVersion(db: Db): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `select version::integer as version from data_versions where scope = 'data'`,
  );
  return rows[0]!.version;
}

/** The ingestion part of the one validated configuration (config.ts) for these variables. */
function ingestSettings(env: Record<string, string | undefined>): IngestSettings {
  return loadConfig(env).ingest;
}

/** A replay server and a fresh database for one describe block: started before its tests, back to the seeded
 * state (and no faults) before each, dropped after. Read them through the getters once the tests run. */
export function replayAndDatabase(
  kind: StoreKind,
  options: ReplayOptions,
): { readonly database: TestDatabase; readonly replay: ReplayServer } {
  let database: TestDatabase | undefined;
  let replay: ReplayServer | undefined;
  before(async () => {
    replay = await startReplayServer(options);
    database = await createTestDatabase(kind);
  });
  after(async () => {
    await database?.drop();
    await replay?.close();
  });
  beforeEach(async () => {
    replay!.reset();
    await database!.reset();
  });
  return {
    get database() {
      return database!;
    },
    get replay() {
      return replay!;
    },
  };
}
