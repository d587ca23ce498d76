// `pnpm --filter @chronos/stories record-fixtures`: records the API answers the stories are served from
// (stories/fixtures/*.json) off the real server, on the same seeded test backend as the widgets' browser
// tests (@chronos/test-support/backend: the sample metric `unemployment`, a second metric `median-income`,
// publishable keys). Every body, status and the headers a page reads are the server's own; the stories'
// mock API (src/mock-api.ts) only picks which recorded answer a request gets. Re-run after an API change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBackend } from '@chronos/test-support/backend';
import type { RecordedResponse } from '../src/fixtures.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const METRICS = ['unemployment', 'median-income'];
const GEO = 'us-states,ca-provinces';
/** A page on a site that has no key of its own: the origin the refusals are recorded from. */
const FOREIGN_ORIGIN = 'https://news.example';

const backend = await startBackend();
try {
  async function record(path: string, headers: Record<string, string> = {}): Promise<RecordedResponse> {
    const response = await fetch(`${backend.url}${path}`, { headers: { accept: 'application/json', ...headers } });
    const kept: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) kept['retry-after'] = retryAfter;
    // The key never reaches the fixture files: it is a real (if short-lived) credential.
    const shown = path.replace(/key=[^&]+/, 'key=pk_…');
    return { request: shown, status: response.status, headers: kept, body: await response.json() };
  }
  const write = (name: string, value: unknown) => {
    writeFileSync(join(fixtures, `${name}.json`), `${JSON.stringify(value, null, 1)}\n`);
    process.stdout.write(`  fixtures/${name}.json\n`);
  };
  mkdirSync(fixtures, { recursive: true });

  const metrics = await record('/api/metrics');
  write('metrics', metrics);
  write('boundaries', await record(`/api/geo/choropleth?mode=boundaries&geo=${GEO}&detail=medium&format=geojson`));

  for (const metric of METRICS) {
    const series = await record(`/api/metrics/${metric}`);
    write(`series-${metric}`, series);
    // Every period the metric has, plus `latest`: the time slider and stable breaks walk through them all.
    const periods = new Set<string>();
    for (const region of (series.body as { series: { points: [string, number | null][] }[] }).series) {
      for (const [day] of region.points) periods.add(day.slice(0, 7));
    }
    const byTime: Record<string, RecordedResponse> = {};
    for (const time of ['latest', ...[...periods].sort()]) {
      byTime[time] = await record(`/api/geo/choropleth?metric=${metric}&mode=data&geo=${GEO}&time=${time}`);
    }
    write(`data-${metric}`, byTime);
  }

  // Answers a map turns into its error states.
  const otherSiteKey = await (async () => backend.apiKey)();
  const unknownKey = `pk_${'0'.repeat(32)}`;
  write('refusals', {
    key_required: await record(`/api/geo/choropleth?metric=unemployment&mode=data&geo=${GEO}&time=latest`, {
      origin: FOREIGN_ORIGIN,
    }),
    unknown_key: await record(
      `/api/geo/choropleth?metric=unemployment&mode=data&geo=${GEO}&time=latest&key=${unknownKey}`,
      { origin: FOREIGN_ORIGIN },
    ),
    malformed_key: await record(
      `/api/geo/choropleth?metric=unemployment&mode=data&geo=${GEO}&time=latest&key=pk_oops`,
      {
        origin: FOREIGN_ORIGIN,
      },
    ),
    origin_not_allowed: await record(
      `/api/geo/choropleth?metric=unemployment&mode=data&geo=${GEO}&time=latest&key=${otherSiteKey}`,
      { origin: FOREIGN_ORIGIN },
    ),
  });
  const limited = `/api/geo/choropleth?metric=unemployment&mode=data&geo=${GEO}&time=latest&key=${backend.limitedKey}`;
  await record(limited);
  write('rate-limited', await record(limited));
  write('unknown-metric', await record(`/api/geo/choropleth?metric=no-such-metric&mode=data&geo=${GEO}&time=latest`));
  write('no-data', await record(`/api/geo/choropleth?metric=unemployment&mode=data&geo=${GEO}&time=1990-01`));
} finally {
  await backend.close();
}
