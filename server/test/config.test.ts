// The one configuration door (src/config.ts): every variable, the ingestion jobs' included, is validated at
// start-up, every problem is named at once, and every variable is documented in .env.example.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, ConfigSchema, loadConfig, repoRoot } from '../src/config.ts';

test('server and ingestion variables are validated together; every problem is named', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', INGEST_RETRIES: 'many', STATCAN_SCHEDULE_TZ: 'Eastern' }),
    (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT="eighty"/);
      assert.match(error.message, /INGEST_RETRIES="many"/);
      return true;
    },
  );
  assert.throws(
    () => loadConfig({ ALLOWED_ORIGINS: 'example.com', STATCAN_SCHEDULE_TZ: 'Eastern' }),
    /ALLOWED_ORIGINS: "example.com" is not an origin[\s\S]*STATCAN_SCHEDULE_TZ: "Eastern" is not an IANA time zone/,
  );
});

test('DATABASE_READ_URL must be a PostgreSQL URL and needs DATABASE_URL, its primary', () => {
  assert.throws(
    () => loadConfig({ DATABASE_READ_URL: 'mysql://replica/db' }),
    /DATABASE_READ_URL="mysql:\/\/replica\/db"/,
  );
  assert.throws(
    () => loadConfig({ DATABASE_READ_URL: 'postgres://replica/db' }),
    /DATABASE_READ_URL: a read replica needs its primary in DATABASE_URL/,
  );
  const config = loadConfig({ DATABASE_URL: 'postgres://primary/db', DATABASE_READ_URL: 'postgres://replica/db' });
  assert.equal(config.DATABASE_READ_URL, 'postgres://replica/db');
});

test('the ingestion settings come from the same environment as the server configuration', () => {
  const config = loadConfig({ NODE_ENV: 'test', FRED_API_KEY: 'k', SCHEDULER: 'on', INGEST_UPDATE_PERIODS: '6' });
  assert.equal(config.ingest.fredApiKey, 'k');
  assert.equal(config.ingest.scheduler.enabled, true);
  assert.equal(config.ingest.updatePeriods, 6);
  assert.equal(config.ingest.http.allowInsecureLoopback, true, 'NODE_ENV=test allows the loopback replay server');
  assert.equal(loadConfig({ NODE_ENV: 'test' }).ingest.scheduler.enabled, false, 'test apps do not ingest by default');
  assert.equal(loadConfig({ NODE_ENV: 'production' }).ingest.scheduler.enabled, true);
});

test('every variable is documented in .env.example', () => {
  const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
  const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
  const missing = Object.keys(ConfigSchema.properties).filter((name) => !documented.has(name));
  assert.deepEqual(missing, []);
});

test('load shedding is off by default under NODE_ENV=test, on in development and production', () => {
  // A busy test machine is not an overloaded server: shedding there failed unrelated tests.
  const test = loadConfig({ NODE_ENV: 'test' });
  assert.equal(test.MAX_EVENT_LOOP_DELAY_MS, 0);
  assert.equal(test.MAX_RSS_MB, 0);
  for (const NODE_ENV of ['development', 'production']) {
    const config = loadConfig({ NODE_ENV, DATABASE_URL: 'postgres://db/chronos' });
    assert.equal(config.MAX_EVENT_LOOP_DELAY_MS, 1_000);
    assert.equal(config.MAX_RSS_MB, 1_024);
  }
  assert.equal(loadConfig({ NODE_ENV: 'test', MAX_RSS_MB: '512' }).MAX_RSS_MB, 512);
});
