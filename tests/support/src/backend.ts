// The Chronos API that the browser tests and the bench run against: the server's own test server
// (`@chronos/server/testing`, embedded store, seeded with the sample metric `unemployment`), plus a second
// metric `median-income` for metric-switch tests and a publishable key, both written through the server's
// own code, and tile archives built by `chronos-tiles build` from the server's boundary file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundariesFile, startTestServer, type TestServer } from '@chronos/server/testing';

export interface Backend {
  url: string;
  /** A publishable key the API accepts (from any origin the tests use). */
  apiKey: string;
  /** A key allowed one request per RATE_LIMIT_WINDOW_S: its second request is refused with 429. */
  limitedKey: string;
  /** The shipped boundaries as GeoJSON (the API's own answer), for pages that use no API at all. */
  boundariesGeoJSON(): Promise<string>;
  close(): Promise<void>;
}

/** The workspace's chronos-tiles CLI, run from its TypeScript source (the bin points at the packed lib/). */
const tilesCli = join(dirname(fileURLToPath(import.meta.resolve('@chronos/tiles/package.json'))), 'src', 'cli.ts');

/**
 * boundaries.pmtiles and basemap.pmtiles built by `chronos-tiles build` into a fresh directory (a few
 * seconds), served at /tiles/* by the test server.
 */
function buildTiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronos-widgets-tiles-'));
  const result = spawnSync(process.execPath, [tilesCli, 'build', '--boundaries', boundariesFile, '--out', dir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`chronos-tiles build failed: ${result.stderr || result.stdout}`);
  return dir;
}

/**
 * `median-income`, derived from the sample metric's values (a different scale, same regions and periods). As a
 * real source publishes it, its newest period is preliminary, and California's value three periods earlier was
 * revised (written again with another value), so series show both marks.
 */
async function addSecondMetric(server: TestServer): Promise<void> {
  const values = await server.values('unemployment');
  const newest =
    values
      .map((value) => value.time)
      .sort()
      .at(-1) ?? '';
  const metric = {
    id: 'median-income',
    title: 'Median household income (test data)',
    description: 'Derived from the sample metric for widget tests',
    units: 'USD',
    higherIsBetter: true,
  };
  const income = values.map((value) => ({
    ...value,
    value: Math.round(value.value * 9000 + 20000),
    status: value.time === newest ? ('preliminary' as const) : ('final' as const),
  }));
  await server.setValues(metric, income);
  const revisedTime = monthsBefore(newest, 3);
  const revised = income.find((value) => value.region === 'US-CA' && value.time === revisedTime);
  if (revised) await server.setValues(metric, [{ ...revised, value: revised.value + 500 }]);
}

/** `YYYY-MM-01`, `months` earlier. */
function monthsBefore(time: string, months: number): string {
  const date = new Date(`${time}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** The rate-limit window: long enough that a refusal outlasts the client's own silent retries (10 s). */
export const RATE_LIMIT_WINDOW_S = 20;

export async function startBackend(): Promise<Backend> {
  const tilesDir = buildTiles();
  const server = await startTestServer({
    env: { TILES_DIR: tilesDir, RATE_LIMIT_WINDOW_MS: String(RATE_LIMIT_WINDOW_S * 1000) },
  });
  try {
    await addSecondMetric(server);
    const apiKey = await server.createKey({
      label: 'widgets browser tests',
      origins: ['http://127.0.0.1', 'http://localhost'],
    });
    const limitedKey = await server.createKey({
      label: 'widgets browser tests: rate limited',
      origins: ['http://127.0.0.1', 'http://localhost'],
      rateLimit: 1,
    });
    let geojson: Promise<string> | undefined;
    return {
      url: server.url,
      apiKey,
      limitedKey,
      boundariesGeoJSON() {
        geojson ??= fetch(
          `${server.url}/api/geo/choropleth?metric=unemployment&mode=boundaries&geo=us-states,ca-provinces`,
        ).then((response) => {
          if (!response.ok) throw new Error(`the test server answered ${response.status} for boundaries`);
          return response.text();
        });
        return geojson;
      },
      close: async () => {
        await server.close();
        rmSync(tilesDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.close();
    rmSync(tilesDir, { recursive: true, force: true });
    throw error;
  }
}
