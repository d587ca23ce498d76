// Database faults under load, on a real PostgreSQL reached through a TCP proxy the test stops and starts:
// connections killed, the database unreachable, a slow database, a server started before its database.
// What a user notices: cached answers keep flowing (keyed ones too), uncached ones get 503 + Retry-After
// (never 500), /api/health says 503, and everything comes back by itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { createKey } from '../../src/security/keys.ts';
import {
  BOUNDARIES_URL,
  buildTestApp,
  closedPort,
  createTestDatabase,
  DATA_URL,
  poll,
  spawnServe,
  startTcpProxy,
  type TcpProxy,
  type TestApp,
  uncachedUrls,
} from '../helpers.ts';

const PARTNER = 'https://news.example.com';
const POOL_MAX = 4;

let proxy: TcpProxy;
let t: TestApp;
let key: string;
let databaseUrl: string;

before(async () => {
  proxy = await startTcpProxy();
  t = await buildTestApp('postgres', {
    databaseUrl: (url) => {
      databaseUrl = url;
      return proxy.through(url);
    },
    env: {
      // A key verdict is re-read after 1 s: the outage below outlasts it, so keys are served stale.
      KEY_CACHE_SECONDS: '1',
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      DATABASE_POOL_MAX: String(POOL_MAX),
      RATE_LIMIT_MAX: '100000',
    },
  });
  ({ key } = await createKey(t.app.db, { label: 'partner', origins: [PARTNER], rateLimit: 100_000 }));
});
after(async () => {
  await t.close();
  await proxy.close();
});

const KEYED_URL = () => `${DATA_URL}&key=${key}`;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
const keyed = () => get(KEYED_URL(), { origin: PARTNER });
const uncachedUrl = uncachedUrls();

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function warm(): Promise<void> {
  for (const response of [await get(DATA_URL), await get(BOUNDARIES_URL), await keyed()]) {
    assert.equal(response.statusCode, 200);
  }
}

function assertUnavailable(response: Awaited<ReturnType<typeof get>>, what: string): void {
  assert.equal(response.statusCode, 503, `${what}: ${response.body}`);
  assert.ok(Number(response.headers['retry-after']) > 0, `${what}: Retry-After`);
  assert.match(response.json().message, /database is unavailable/, what);
}

test('connections killed (pg_terminate_backend): cached answers flow, the pool reconnects alone', async () => {
  await warm();
  assert.equal((await get(uncachedUrl())).statusCode, 200);
  const killed = await withAdmin(async (admin) => {
    const { rows } = await admin.query(
      'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return rows[0].n as number;
  });
  assert.ok(killed > 0, 'the app held connections');
  for (const response of [await get(DATA_URL), await keyed()]) assert.equal(response.statusCode, 200);
  // A statement on a killed connection may fail (503, never 500); the pool then reconnects by itself.
  const first = await get(uncachedUrl());
  assert.ok([200, 503].includes(first.statusCode), first.body);
  await poll('the pool to reconnect', 60, async () => (await get(uncachedUrl())).statusCode === 200 || undefined);
});

test('database unreachable while load runs: cached (keyed too) 200, uncached 503 + Retry-After, then recovery', async () => {
  await warm();
  await proxy.stop();
  try {
    // Past KEY_CACHE_SECONDS: the key's verdict is now stale and cannot be re-read.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const statuses = { cached: new Map<number, number>(), uncached: new Map<number, number>() };
    const count = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);
    for (let round = 0; round < 20; round++) {
      const cached = await Promise.all([get(DATA_URL), get(BOUNDARIES_URL), keyed(), keyed()]);
      for (const response of cached) count(statuses.cached, response.statusCode);
      const uncached = await Promise.all([get(uncachedUrl()), get(uncachedUrl())]);
      for (const response of uncached) {
        count(statuses.uncached, response.statusCode);
        assertUnavailable(response, 'uncached');
      }
    }
    assert.deepEqual([...statuses.cached], [[200, 80]]);
    assert.deepEqual([...statuses.uncached], [[503, 40]]);
    // A key never seen before cannot be verified: 503 the page can read, not 500.
    const unseen = await get(`${DATA_URL}&key=pk_${'b'.repeat(32)}`, { origin: PARTNER });
    assertUnavailable(unseen, 'unseen key');
    assert.equal(unseen.headers['access-control-allow-origin'], PARTNER);
    const health = await get('/api/health');
    assert.equal(health.statusCode, 503);
    assert.equal(health.json().checks.database.status, 'down');
  } finally {
    await proxy.start();
  }
  await poll(
    'uncached answers after recovery',
    60,
    async () => (await get(uncachedUrl())).statusCode === 200 || undefined,
  );
  assert.equal((await get('/api/health')).statusCode, 200);
});

test('a slow database: statements time out as 503s, in flight bounded by the pool', async () => {
  await warm();
  await withAdmin(async (admin) => {
    // Every series read now waits on this lock: the database is "slow" for as long as the test holds it.
    await admin.query('begin');
    await admin.query('lock table observations in access exclusive mode');
    try {
      let peak = 0;
      const watching = { on: true };
      const watcher = (async () => {
        while (watching.on) {
          const { rows } = await admin.query(
            `select count(*)::int as n from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`,
          );
          peak = Math.max(peak, rows[0].n as number);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const responses = await Promise.all(Array.from({ length: 3 * POOL_MAX }, () => get(uncachedUrl())));
      watching.on = false;
      await watcher;
      for (const response of responses) assertUnavailable(response, 'slow');
      assert.ok(peak <= POOL_MAX, `at most ${POOL_MAX} statements in flight, saw ${peak}`);
      // Cached answers never waited on the database.
      assert.equal((await keyed()).statusCode, 200);
    } finally {
      await admin.query('rollback');
    }
  });
  await poll(
    'answers once the database is fast',
    60,
    async () => (await get(uncachedUrl())).statusCode === 200 || undefined,
  );
});

test('started with the database down: retries with a one-line message, serves once it is up', async () => {
  const database = await createTestDatabase();
  const gate = await startTcpProxy();
  await gate.stop();
  const port = await closedPort();
  const server = await spawnServe(port, {
    DATABASE_URL: gate.through(database.url),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  });
  try {
    await poll('the retry message', 120, () => /unreachable.*retrying in/.test(server.output()) || undefined);
    const output = server.output();
    assert.match(output, new RegExp(`database at 127\\.0\\.0\\.1:${gate.port}/${database.name} unreachable`));
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
    await gate.start();
    await poll('the server to serve once the database is up', 180, async () => (await server.healthy()) || undefined);
  } finally {
    await server.stop();
    await gate.close();
    await database.drop();
  }
});
