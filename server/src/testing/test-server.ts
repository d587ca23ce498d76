// The full API on a free port for other packages' suites (the widgets' browser tests and bench), seeded
// like a first start (the shipped boundaries and the sample metric `unemployment`): on the embedded store
// (in-memory PGlite, the default) or on a fresh PostgreSQL database that is dropped on close. Loopback
// origins are allowed without a key and the rate limit is raised so test bursts never hit it.
// Other packages reach it as `@chronos/server/testing` (index.ts), never by path.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { bumpDataVersion, writeSeries } from '../jobs/store.ts';
import { createKey } from '../security/keys.ts';
import { createServer } from '../server.ts';
import { createTestDatabase, REDIS_URL } from './database.ts';

export type TestStore = 'pglite' | 'postgres';

export interface TestServerOptions {
  /** `pglite` (default): in-memory, in-process cache. `postgres`: a fresh database and Redis (REDIS_URL). */
  store?: TestStore;
  /** Port to listen on; 0 or omitted = a free port. */
  port?: number;
  /** Extra environment variables (see .env.example), e.g. { TILES_DIR: '/tmp/tiles' }. */
  env?: Record<string, string>;
}

/** A metric as the API describes it (GET /api/metrics). */
export interface TestMetric {
  id: string;
  title: string;
  description?: string;
  units: string;
  frequency?: 'monthly' | 'quarterly' | 'annual';
  higherIsBetter?: boolean;
  sources?: { name: string; url: string; licence: string; attribution: string; country: 'US' | 'CA' }[];
}

/** One value: `time` is the first day of its period (YYYY-MM-01). */
export interface TestValue {
  region: string;
  time: string;
  value: number;
  status?: 'final' | 'preliminary';
}

export interface TestServer {
  url: string;
  store: TestStore;
  /** Creates or replaces a metric and writes its values through the ingestion store; the API serves them
   * at once (data version bumped, catalog refreshed). */
  setValues(metric: TestMetric, values: readonly TestValue[]): Promise<void>;
  /** The stored values of a metric, ordered by region and time. */
  values(metric: string): Promise<TestValue[]>;
  /** A publishable key, as `chronos-server keys create` makes it. */
  createKey(options: { origins: string[]; label?: string; rateLimit?: number }): Promise<string>;
  close(): Promise<void>;
}

function testHelpers(app: FastifyInstance): Pick<TestServer, 'setValues' | 'values' | 'createKey'> {
  return {
    async setValues(metric, values) {
      await app.db.query(
        `insert into metrics (id, title, description, units, frequency, higher_is_better, sources, is_sample, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, false, now())
         on conflict (id) do update set title = excluded.title, description = excluded.description,
           units = excluded.units, frequency = excluded.frequency, higher_is_better = excluded.higher_is_better,
           sources = excluded.sources, updated_at = now()`,
        [
          metric.id,
          metric.title,
          metric.description ?? '',
          metric.units,
          metric.frequency ?? 'monthly',
          metric.higherIsBetter ?? true,
          JSON.stringify(metric.sources ?? []),
        ],
      );
      // One series per region, as ingestion writes them.
      const byRegion = new Map<string, TestValue[]>();
      for (const value of values) byRegion.set(value.region, [...(byRegion.get(value.region) ?? []), value]);
      for (const [region, series] of byRegion) {
        await writeSeries(
          app.db,
          series.map((value) => ({
            metric: metric.id,
            region,
            time: value.time,
            value: value.value,
            status: value.status ?? 'final',
            source: 'chronos-test',
          })),
        );
      }
      await bumpDataVersion(app.db);
      await app.catalog.refresh(true);
    },
    async values(metric) {
      const { rows } = await app.db.query<{ region: string; time: string; value: number; status: string }>(
        `select region, to_char(time, 'YYYY-MM-DD') as time, value, status from observations
          where metric = $1 order by region, time`,
        [metric],
      );
      return rows.map((row) => ({
        region: row.region,
        time: row.time,
        value: Number(row.value),
        status: row.status === 'preliminary' ? 'preliminary' : 'final',
      }));
    },
    async createKey({ origins, label = 'test key', rateLimit = 100_000 }) {
      const { key } = await createKey(app.db, { label, origins, rateLimit });
      return key;
    },
  };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = options.store ?? 'pglite';
  const database = store === 'postgres' ? await createTestDatabase() : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    DATA_DIR: 'memory://',
    ALLOW_LOOPBACK_ORIGINS: 'true',
    RATE_LIMIT_MAX: '100000',
    DATA_VERSION_POLL_MS: '0',
    ...(database ? { DATABASE_URL: database.url, REDIS_URL } : {}),
    ...options.env,
  });
  const app = await createServer({ config, logger: false });
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    ...testHelpers(app),
    async close() {
      await app.close();
      await database?.drop();
    },
  };
}
