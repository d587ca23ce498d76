// Redis killed and back under load, on the machine's real Redis reached through a TCP proxy the test stops
// (every connection cut, nothing listening) and starts again. What a user notices: nothing — every request
// answers 200 throughout (cached, uncached and keyed), rate limits keep being enforced in-process while
// Redis is away, and once it is back the shared cache and shared rate counts are used again (a second
// instance, on Redis directly, sees what the first wrote after the return).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { createKey } from '../../src/security/keys.ts';
import {
  BOUNDARIES_URL,
  buildTestApp,
  DATA_URL,
  poll,
  REDIS_URL,
  startTcpProxy,
  type TcpProxy,
  type TestApp,
  uncachedUrls,
} from '../helpers.ts';

const PARTNER = 'https://news.example.com';
const ENV = { RATE_LIMIT_MAX: '100000' };

let proxy: TcpProxy;
/** Reaches Redis through the proxy. */
let a: TestApp;
/** The same database, Redis reached directly: the other instance of a scaled-out deployment. */
let b: TestApp;
let redis: Redis;

before(async () => {
  const target = new URL(REDIS_URL ?? 'redis://127.0.0.1:6379');
  proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  let databaseUrl = '';
  a = await buildTestApp('postgres', {
    redis: proxy.through(target.toString()),
    env: ENV,
    databaseUrl: (url) => {
      databaseUrl = url;
      return url;
    },
  });
  b = await buildTestApp('postgres', { env: ENV, databaseUrl: () => databaseUrl });
  redis = new Redis(target.toString());
});
after(async () => {
  redis.disconnect();
  await b.close();
  await a.close();
  await proxy.close();
});

const cacheStatus = async (t: TestApp) => (await t.app.inject('/api/health')).json().checks.cache.status as string;

test('Redis killed and back under load: 0 failed requests, local rate limits meanwhile, shared state after', async () => {
  const { key } = await createKey(a.app.db, { label: 'steady', origins: [PARTNER], rateLimit: 100_000 });
  const uncachedUrl = uncachedUrls();
  const keyed = (t: TestApp, k: string) => t.app.inject({ url: `${DATA_URL}&key=${k}`, headers: { origin: PARTNER } });
  assert.equal(await cacheStatus(a), 'ok');

  // A steady stream on instance A: cached, keyed and uncached requests, round after round, until stopped.
  let phase: 'before' | 'outage' | 'after' = 'before';
  const rounds = { before: 0, outage: 0, after: 0 };
  const failures: string[] = [];
  let running = true;
  const load = (async () => {
    while (running) {
      const current = phase;
      const urls = [DATA_URL, BOUNDARIES_URL, uncachedUrl()];
      const responses = await Promise.all([...urls.map((url) => a.app.inject(url)), keyed(a, key)]);
      responses.forEach((response, i) => {
        if (response.statusCode !== 200) failures.push(`${current} ${urls[i] ?? 'keyed'}: ${response.statusCode}`);
      });
      rounds[current]++;
    }
  })();
  const roundsIn = (which: keyof typeof rounds, n: number) =>
    poll(`${n} rounds of load (${which})`, 120, () => (rounds[which] >= n ? true : undefined));

  try {
    await roundsIn('before', 3);

    phase = 'outage';
    await proxy.stop();
    await poll('A to notice Redis is away', 60, async () => ((await cacheStatus(a)) === 'degraded' ? true : undefined));
    await roundsIn('outage', 10);
    // Rate limits still hold with Redis away: a key allowed 5 requests gets its 6th refused, counted here.
    const limited = await createKey(a.app.db, { label: 'limited', origins: [PARTNER], rateLimit: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await keyed(a, limited.key)).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    await roundsIn('outage', 15);

    await proxy.start();
    await poll('A to reconnect to Redis', 60, async () => ((await cacheStatus(a)) === 'ok' ? true : undefined));
    phase = 'after';
    await roundsIn('after', 5);
  } finally {
    running = false;
    await load;
  }
  assert.deepEqual(failures, [], 'every request of the stream answered 200');
  assert.ok(rounds.outage >= 15, `load ran during the outage (${rounds.outage} rounds)`);

  // The shared cache again: an answer A builds now lands in Redis, and B serves it without building it.
  const namespace = `chronos:response:${a.app.catalog.installation}:*`;
  const stored = (await redis.keys(namespace)).length;
  const url = uncachedUrl();
  const fromA = await a.app.inject(url);
  assert.equal(fromA.statusCode, 200);
  await poll("A's answer to reach Redis", 30, async () =>
    (await redis.keys(namespace)).length > stored ? true : undefined,
  );
  const builds = b.app.responseCache.builds;
  const fromB = await b.app.inject(url);
  assert.equal(fromB.statusCode, 200);
  assert.equal(fromB.headers.etag, fromA.headers.etag);
  assert.equal(b.app.responseCache.builds, builds, 'B took the answer from Redis instead of building it');

  // Shared rate counts again: a key allowed 20 spends them all on A; B refuses it well before its own 20.
  const shared = await createKey(a.app.db, { label: 'shared', origins: [PARTNER], rateLimit: 20 });
  for (let i = 0; i < 20; i++) assert.equal((await keyed(a, shared.key)).statusCode, 200);
  let passedOnB = 0;
  await poll('B to refuse the spent key', 60, async () => {
    const status = (await keyed(b, shared.key)).statusCode;
    if (status === 200) passedOnB++;
    return status === 429 ? true : undefined;
  });
  assert.ok(passedOnB < 20, `B let ${passedOnB} requests through; the 20 spent on A were not shared`);
});
