// GET /metrics as an operator's Prometheus sees it: per-route-pattern request counts and latency, the
// response cache's hits and misses, ingestion freshness read from the database, the pool, event-loop
// delay; never rate limited or cached; closed to remote scrapers in production unless they hold
// METRICS_TOKEN. And one log line per request.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { createServer } from '../../src/server.ts';
import { BOUNDARIES_URL, buildTestApp, createTestDatabase, DATA_URL, type TestApp } from '../helpers.ts';

/** The value of one sample (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/metrics on PostgreSQL and Redis', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp('postgres', { env: { RATE_LIMIT_MAX: '5' } });
  });
  after(() => t.close());

  test('requests per route pattern, cache hits and misses, pool, event loop', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await t.app.inject(DATA_URL)).statusCode, 200);
    assert.equal((await t.app.inject(BOUNDARIES_URL)).statusCode, 200);
    assert.equal((await t.app.inject('/no/such/page')).statusCode, 404);
    const response = await t.app.inject('/metrics');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.equal(response.headers['cache-control'], 'no-store');
    const text = response.body;
    const route = { method: 'GET', route: '/api/geo/choropleth', status_code: '200' };
    assert.equal(sample(text, 'http_request_duration_seconds_count', route), 4);
    assert.ok((sample(text, 'http_request_duration_seconds_sum', route) ?? 0) > 0);
    assert.equal(sample(text, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' }), 4);
    assert.equal(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' }), 1);
    assert.doesNotMatch(text, /metric=unemployment/, 'labels are route patterns, not raw URLs');
    // The data URL: one build, then two hits; the boundaries URL: one build.
    assert.equal(sample(text, 'chronos_response_cache_lookups_total', { result: 'miss' }), 2);
    assert.equal(sample(text, 'chronos_response_cache_lookups_total', { result: 'hit' }), 2);
    assert.ok((sample(text, 'chronos_db_pool_total') ?? 0) >= 1);
    assert.equal(sample(text, 'chronos_db_pool_max'), 10);
    assert.ok((sample(text, 'chronos_db_pool_waiting') ?? -1) >= 0);
    assert.ok((sample(text, 'nodejs_eventloop_lag_p99_seconds') ?? -1) >= 0);
    assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 0);
  });

  test('ingestion freshness per source comes from the recorded runs', async () => {
    await t.app.db.query(
      `insert into ingestion_runs (source, started_at, finished_at, status) values
         ('statcan', '2026-11-30T13:45:00Z', '2026-11-30T13:50:00Z', 'succeeded'),
         ('statcan', '2026-12-01T13:45:00Z', '2026-12-01T13:46:00Z', 'failed')`,
    );
    const text = (await t.app.inject('/metrics')).body;
    const at = Date.parse('2026-11-30T13:50:00Z') / 1000;
    assert.equal(sample(text, 'chronos_ingestion_last_success_timestamp_seconds', { source: 'statcan' }), at);
    assert.equal(sample(text, 'chronos_ingestion_last_success_timestamp_seconds', { source: 'fred' }), 0);
  });

  test('never rate limited (RATE_LIMIT_MAX=5 here) and never cached', async () => {
    let previous = 0;
    for (let i = 0; i < 12; i++) {
      const response = await t.app.inject('/metrics');
      assert.equal(response.statusCode, 200, `scrape ${i + 1}`);
      // Each scrape sees the one before it: a fresh body, not a cached one.
      const scrapes = sample(response.body, 'http_request_duration_seconds_count', { route: '/metrics' }) ?? 0;
      assert.ok(scrapes > previous || i === 0);
      previous = scrapes;
    }
    const limited = [];
    for (let i = 0; i < 8; i++) limited.push((await t.app.inject('/api/metrics')).statusCode);
    assert.ok(limited.includes(429), `the API is limited (${limited.join(',')})`);
  });
});

describe('/metrics in production', () => {
  let t: TestApp;
  const token = 'scrape-token-0123456789';
  before(async () => {
    t = await buildTestApp('postgres', { redis: false, env: { NODE_ENV: 'production', METRICS_TOKEN: token } });
  });
  after(() => t.close());

  test('loopback scrapers and the METRICS_TOKEN bearer only', async () => {
    const local = await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.equal(local.statusCode, 200);
    const remote = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    assert.equal(remote.statusCode, 403);
    assert.match(remote.json().message, /METRICS_TOKEN/);
    const bearer = await t.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(bearer.statusCode, 200);
    const wrong = await t.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { authorization: 'Bearer scrape-token-0123456788' },
    });
    assert.equal(wrong.statusCode, 403);
    // Through a proxy on this machine, the connection is loopback but the client is not.
    const proxied = await t.app.inject({
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    assert.equal(proxied.statusCode, 403);
  });
});

test('one log line per request at LOG_LEVEL=info', async () => {
  const database = await createTestDatabase();
  const lines: { msg: string; reqId?: string; url?: string; statusCode?: number; responseTime?: number }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    MAX_EVENT_LOOP_DELAY_MS: '30000',
  });
  const app = await createServer({ config, logger: { level: 'info', stream } });
  try {
    lines.length = 0;
    await app.inject(DATA_URL);
    await app.inject(DATA_URL);
    await app.inject('/api/health');
    const perRequest = lines.filter((line) => line.reqId !== undefined);
    assert.deepEqual(
      perRequest.map((line) => [line.msg, line.url, line.statusCode]),
      [
        ['request', DATA_URL, 200],
        ['request', DATA_URL, 200],
        ['request', '/api/health', 200],
      ],
    );
    assert.ok(perRequest.every((line) => typeof line.responseTime === 'number'));
  } finally {
    await app.close();
    await database.drop();
  }
});
