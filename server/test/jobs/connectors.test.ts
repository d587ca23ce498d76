// The connectors' parsing against the upstream fixtures, and the HTTP rules (https only, pacing, Retry-After,
// redirects, timeouts) against small local servers. No database.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fredSeries, statcanSeries, usRegionCode } from '../../src/jobs/catalogue.ts';
import { parseFredObservations } from '../../src/jobs/fred.ts';
import { fetchJson, Pacer, retryAfterMs, type UpstreamError } from '../../src/jobs/http.ts';
import { loadConfig } from '../../src/config.ts';
import { checkBaseUrl, type HttpSettings, type IngestSettings } from '../../src/jobs/settings.ts';
import { parseStatcanItem } from '../../src/jobs/statcan.ts';
import { sentTimes, VirtualClock } from './virtual-clock.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8'));
const california = fredSeries.find((spec) => spec.seriesId === 'CAUR')!;
const update = { mode: 'update', periods: 12 } as const;

describe('catalogue', () => {
  test('52 FRED series (50 states, DC, PR) and 10 provinces, keyed by ISO 3166-2', () => {
    assert.equal(fredSeries.length, 52);
    assert.ok(fredSeries.some((spec) => spec.seriesId === 'PRUR' && spec.region === 'US-PR'));
    assert.ok(fredSeries.some((spec) => spec.seriesId === 'DCUR' && spec.region === 'US-DC'));
    assert.equal(new Set(fredSeries.map((spec) => spec.region)).size, 52);
    assert.deepEqual(
      statcanSeries.map((spec) => spec.region),
      ['CA-NL', 'CA-PE', 'CA-NS', 'CA-NB', 'CA-QC', 'CA-ON', 'CA-MB', 'CA-SK', 'CA-AB', 'CA-BC'],
    );
    assert.equal(statcanSeries.find((spec) => spec.region === 'CA-ON')!.seriesId, '2063949');
  });
  test('USPS and FIPS codes map to ISO 3166-2', () => {
    assert.equal(usRegionCode('ca'), 'US-CA');
    assert.equal(usRegionCode('06'), 'US-CA');
    assert.equal(usRegionCode('6'), 'US-CA');
    assert.equal(usRegionCode('72'), 'US-PR');
    assert.equal(usRegionCode('XX'), undefined);
  });
});

describe('FRED parsing', () => {
  test('the state fixture: strings to numbers, "." is missing (no row, never 0), newest preliminary', () => {
    const parsed = parseFredObservations(fixture('fred-state-ur.synthetic.json'), california, update);
    assert.equal(parsed.missing, 1);
    assert.deepEqual(
      parsed.observations.map(({ time, value, status, region }) => ({ time, value, status, region })),
      [
        { time: '2026-07-01', value: 5.4, status: 'preliminary', region: 'US-CA' },
        { time: '2026-05-01', value: 5.5, status: 'final', region: 'US-CA' },
      ],
    );
  });
  test('the documentation example: its 3 of 84 observations are a partial payload; complete, it parses', () => {
    const window = { mode: 'range', from: '1929-01', to: '1931-12' } as const;
    const body = fixture('fred-series-observations.doc-example.json') as { count: number };
    assert.throws(() => parseFredObservations(body, california, window), /partial payload \(3 of 84 observations\)/);
    body.count = 3;
    const parsed = parseFredObservations(body, california, window);
    assert.deepEqual(
      parsed.observations.map((observation) => observation.value),
      [1065.9, 975.5, 912.1],
    );
  });
  test('an error body, wrong types and non-numeric values are rejected with the reason', () => {
    assert.throws(
      () => parseFredObservations(fixture('fred-error.doc-example.json'), california, update),
      /FRED CAUR: unexpected payload/,
    );
    const body = fixture('fred-state-ur.synthetic.json') as { observations: { value: unknown }[] };
    body.observations[0]!.value = 5.4;
    assert.throws(
      () => parseFredObservations(body, california, update),
      /unexpected payload \(\/observations\/0\/value/,
    );
    body.observations[0]!.value = 'n/a';
    assert.throws(() => parseFredObservations(body, california, update), /value "n\/a" is not a number/);
  });
});

describe('StatCan parsing', () => {
  const ontario = statcanSeries.find((spec) => spec.region === 'CA-ON')!;
  test('the captured LFS answer (value as a number)', () => {
    const [item] = fixture('statcan-wds-lfs-canada-ur.captured.json') as unknown[];
    const canada = { source: 'statcan' as const, seriesId: '2062815', region: 'CA', metric: 'unemployment' };
    const parsed = parseStatcanItem(item, canada, update);
    assert.deepEqual(
      parsed.observations.map(({ time, value, status }) => ({ time, value, status })),
      [{ time: '2019-12-01', value: 5.6, status: 'final' }],
    );
  });
  test('the user-guide example (value as a string), and symbol code 1 is preliminary', () => {
    const [item] = fixture('statcan-wds-latestN.doc-example.json') as {
      object: { vectorDataPoint: { symbolCode: number }[] };
    }[];
    item!.object.vectorDataPoint[0]!.symbolCode = 1;
    const parsed = parseStatcanItem(
      item,
      { source: 'statcan', seriesId: '42076', region: 'CA-ON', metric: 'unemployment' },
      update,
    );
    assert.deepEqual(
      parsed.observations.map(({ time, value, status }) => ({ time, value, status })),
      [{ time: '2017-07-01', value: 18381, status: 'preliminary' }],
    );
  });
  test('a FAILED item, an answer for another vector and null values', () => {
    const [failed] = fixture('statcan-wds-failed.thirdparty.json') as unknown[];
    assert.throws(() => parseStatcanItem(failed, ontario, update), /StatCan v2063949: FAILED \(Invalid coordinate\)/);
    const [item] = fixture('statcan-wds-lfs-canada-ur.captured.json') as {
      object: { vectorDataPoint: { value: unknown }[] };
    }[];
    assert.throws(() => parseStatcanItem(item, ontario, update), /answer is for vector v2062815/);
    item!.object.vectorDataPoint[0]!.value = null;
    const parsed = parseStatcanItem(
      item,
      { source: 'statcan', seriesId: '2062815', region: 'CA', metric: 'unemployment' },
      update,
    );
    assert.deepEqual(parsed, { observations: [], missing: 1 });
  });
});

describe('settings', () => {
  test('base URLs must be https outside tests; http only on loopback in tests', () => {
    assert.throws(
      () => ingestSettings({ FRED_BASE_URL: 'http://127.0.0.1:9/fred' }),
      /FRED_BASE_URL: "http:\/\/127\.0\.0\.1:9\/fred" must use https:\/\//,
    );
    assert.throws(
      () => ingestSettings({ NODE_ENV: 'test', STATCAN_BASE_URL: 'http://example.com/wds' }),
      /STATCAN_BASE_URL/,
    );
    assert.equal(checkBaseUrl('http://127.0.0.1:9/fred', true), undefined);
    const defaults = ingestSettings({});
    assert.equal(defaults.baseUrls.fred, 'https://api.stlouisfed.org/fred');
    assert.equal(defaults.fredMinIntervalMs, 1000);
    assert.equal(defaults.http.allowInsecureLoopback, false);
    assert.deepEqual(defaults.scheduler.jobs.statcan, { cron: '45 8 * * *', timezone: 'America/Toronto' });
  });
  test('bad values name the variable', () => {
    assert.throws(() => ingestSettings({ INGEST_RETRIES: 'many' }), /INGEST_RETRIES="many"/);
    assert.throws(() => ingestSettings({ SCHEDULER: 'maybe' }), /SCHEDULER="maybe"/);
    assert.throws(
      () => ingestSettings({ STATCAN_SCHEDULE_TZ: 'Eastern' }),
      /STATCAN_SCHEDULE_TZ: "Eastern" is not an IANA time zone/,
    );
  });
});

describe('HTTP', () => {
  let url = '';
  let hits: { path: string; at: number }[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.push({ path, at: Date.now() });
    const attempt = hits.filter((hit) => hit.path === path).length;
    if (path === '/retry-after' && attempt === 1) return response.writeHead(429, { 'retry-after': '1' }).end('{}');
    if (path === '/always-503') return response.writeHead(503).end('busy');
    if (path === '/same-origin') return response.writeHead(301, { location: '/ok' }).end();
    if (path === '/other-origin') return response.writeHead(302, { location: 'https://evil.example/ok' }).end();
    if (path === '/hang') return;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  // A timeout no answer from this local server comes near, however busy the machine: a request that timed
  // out would be retried and change what these tests count. The timeout test sets its own 200 ms.
  const http: HttpSettings = {
    timeoutMs: 30_000,
    retries: 2,
    backoffMs: 10,
    maxRetryAfterMs: 5_000,
    allowInsecureLoopback: true,
  };
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  const get = (path: string, settings = http, pacer?: Pacer) =>
    fetchJson(new URL(path, url), { label: `GET ${path}` }, settings, pacer);

  test('Retry-After is honoured', async () => {
    hits = [];
    const clock = new VirtualClock();
    const { result, sent } = await sentTimes(clock, () => get('/retry-after', { ...http, clock }));
    assert.deepEqual(result.json, { ok: true });
    assert.equal(hits.length, 2);
    // The retry waited the 1 s the 429 asked for, not the 5–10 ms backoff it would otherwise take.
    assert.deepEqual(clock.asked, [1_000]);
    assert.equal(sent[1]! - sent[0]!, 1_000);
    assert.equal(retryAfterMs('120'), 120_000);
    const now = Date.parse('2026-12-05T06:00:00Z');
    assert.equal(retryAfterMs(new Date(now + 5_000).toUTCString(), now), 5_000);
    assert.equal(retryAfterMs(new Date(now - 5_000).toUTCString(), now), 0);
  });
  test('5xx is retried, then reported with the status', async () => {
    hits = [];
    await assert.rejects(
      get('/always-503'),
      (error: UpstreamError) => error.status === 503 && /HTTP 503/.test(error.message),
    );
    assert.equal(hits.length, 3);
  });
  test('same-origin redirects are followed, other hosts refused', async () => {
    assert.deepEqual((await get('/same-origin')).json, { ok: true });
    await assert.rejects(get('/other-origin'), /redirect to https:\/\/evil\.example refused/);
  });
  test('each attempt times out; plain http is refused unless allowed', async () => {
    hits = [];
    await assert.rejects(get('/hang', { ...http, timeoutMs: 200 }), /timed out after 200 ms/);
    assert.equal(hits.length, 3);
    await assert.rejects(get('/ok', { ...http, allowInsecureLoopback: false }), /must use https/);
  });
  test('network errors are retried, then reported with their cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const started = Date.now();
    await assert.rejects(
      fetchJson(new URL(`http://127.0.0.1:${port}/x`), { label: 'GET /x' }, { ...http, backoffMs: 50 }),
      /GET \/x: fetch failed \(ECONNREFUSED\)/,
    );
    assert.ok(Date.now() - started >= 50, 'backed off between attempts');
  });
  test('pacing spaces requests', async () => {
    hits = [];
    const clock = new VirtualClock();
    const pacer = new Pacer(150, clock);
    const { sent } = await sentTimes(clock, () =>
      Promise.all([get('/ok', http, pacer), get('/ok', http, pacer), get('/ok', http, pacer)]),
    );
    assert.equal(hits.length, 3);
    // Asked at once, the second request waits one interval and the third two; none leaves before its slot.
    assert.deepEqual(clock.asked, [150, 300]);
    assert.deepEqual(
      sent.map((at) => at - sent[0]!),
      [0, 150, 300],
    );
  });
});

/** The ingestion part of the one validated configuration (config.ts) for these variables. */
function ingestSettings(env: Record<string, string | undefined>): IngestSettings {
  return loadConfig(env).ingest;
}
