// The Chronos API that browser tests and the bench run against: the server's own test server on its
// embedded store (server/src/testing/test-server.ts) when the server package is present, otherwise
// test/fixture-server.ts. Both offer the metrics `unemployment` and `median-income`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Backend {
  url: string;
  /** `server` (the real API) or `fixture`. */
  kind: 'server' | 'fixture';
  /** A publishable key the API accepts (from any origin the tests use). */
  apiKey: string;
  close(): Promise<void>;
}

const repo = join(import.meta.dirname, '..', '..', '..');
const realServer = join(repo, 'server', 'src', 'testing', 'test-server.ts');
const tilesCli = join(repo, 'packages', 'tiles', 'src', 'cli.ts');

/**
 * boundaries.pmtiles and basemap.pmtiles built by `chronos-tiles build` into a fresh directory (a few
 * seconds), served at /tiles/* by either backend.
 */
function buildTiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronos-widgets-tiles-'));
  const result = spawnSync(process.execPath, [tilesCli, 'build', '--out', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`chronos-tiles build failed: ${result.stderr || result.stdout}`);
  return dir;
}

interface TestServerApp {
  db: { query(sql: string, params?: unknown[]): Promise<unknown> };
  catalog: { refresh(force?: boolean): Promise<unknown> };
}

/**
 * The embedded store is seeded with one sample metric; metric-switch tests need a second. It is derived
 * from the first in SQL (schema of SHARED_CONTRACTS.md), then the catalog is refreshed.
 */
async function addSecondMetric(app: TestServerApp): Promise<void> {
  await app.db.query(
    `insert into metrics (id, title, description, units, frequency, higher_is_better, sources, is_sample, updated_at)
     select 'median-income', 'Median household income (test data)', 'Derived from the sample metric for widget tests',
            'USD', frequency, true, sources, true, now()
     from metrics where id = 'unemployment' on conflict (id) do nothing`,
  );
  await app.db.query(
    `insert into observations (metric, region, time, value, status, source)
     select 'median-income', region, time, round(value * 9000 + 20000), status, source
     from observations where metric = 'unemployment' on conflict do nothing`,
  );
  await app.db.query(
    `insert into data_versions (scope, version, updated_at) values ('data', 1, now())
     on conflict (scope) do update set version = data_versions.version + 1, updated_at = now()`,
  );
  await app.catalog.refresh(true);
}

export async function startBackend(): Promise<Backend> {
  const tilesDir = buildTiles();
  const removeTiles = () => rmSync(tilesDir, { recursive: true, force: true });
  if (existsSync(realServer)) {
    const { startTestServer } = (await import(realServer)) as {
      startTestServer(options: {
        env: Record<string, string>;
      }): Promise<{ url: string; app: TestServerApp; close(): Promise<void> }>;
    };
    const server = await startTestServer({ env: { TILES_DIR: tilesDir } });
    await addSecondMetric(server.app);
    const keysModule = join(realServer, '..', '..', 'security', 'keys.ts');
    const { createKey } = (await import(keysModule)) as {
      createKey(
        db: TestServerApp['db'],
        options: { label: string; origins: string[]; rateLimit: number },
      ): Promise<{ key: string }>;
    };
    const { key } = await createKey(server.app.db, {
      label: 'widgets browser tests',
      origins: ['http://127.0.0.1', 'http://localhost'],
      rateLimit: 100_000,
    });
    return {
      url: server.url,
      kind: 'server',
      apiKey: key,
      close: async () => {
        await server.close();
        removeTiles();
      },
    };
  }
  const { startFixtureServer, fixtureApiKey } = await import('./fixture-server.ts');
  const fixture = await startFixtureServer({ tilesDir });
  return {
    url: fixture.url,
    kind: 'fixture',
    apiKey: fixtureApiKey,
    close: async () => {
      await fixture.close();
      removeTiles();
    },
  };
}
