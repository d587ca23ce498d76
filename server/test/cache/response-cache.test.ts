// The response cache: single flight, compression, Redis sharing, and Redis failure as a miss.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { etagMatches, negotiateEncoding, ResponseCache } from '../../src/cache/response-cache.ts';
import { closedPort, collectGarbage, poll, REDIS_URL } from '../helpers.ts';

const body = JSON.stringify({ values: Array.from({ length: 200 }, (_, i) => ({ region: `R${i}`, value: i / 10 })) });

test('concurrent misses for one key build once; all callers get the same bytes', async () => {
  const cache = new ResponseCache({ maxMemoryBytes: 1 << 20, ttlSeconds: 60 });
  let builds = 0;
  const build = async () => {
    builds++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { body, contentType: 'application/json' };
  };
  const results = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', build)));
  assert.equal(builds, 1);
  assert.ok(results.every((entry) => entry === results[0]));
  assert.equal(gunzipSync(results[0]!.gzip).toString(), body);
  assert.equal(brotliDecompressSync(results[0]!.br).toString(), body);
  assert.ok(results[0]!.gzip.length < results[0]!.identity.length / 3);
});

test('memory is counted in real bytes: 20,000 small entries stay within the cap', async (context) => {
  // Small bodies are where slices pinned whole pool slabs and zlib chunks (~15x what was counted).
  const cap = 4 << 20;
  const cache = new ResponseCache({ maxMemoryBytes: cap, ttlSeconds: 60 });
  await collectGarbage();
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 20_000; i++) {
    const small = JSON.stringify({ metric: 'unemployment', region: `R${i}`, values: [i, i / 3, i / 7] });
    await cache.get(`series|d1.b1|unemployment|R${i}`, async () => ({ body: small, contentType: 'application/json' }));
  }
  await collectGarbage();
  const grown = process.memoryUsage().arrayBuffers - before;
  context.diagnostic(`array buffers grew ${(grown / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(grown < cap * 1.5, `array buffers grew ${(grown / 2 ** 20).toFixed(1)} MiB for a 4 MiB cache`);
  // Still a cache: the most recent entries are held.
  assert.ok(cache.peek('series|d1.b1|unemployment|R19999'));
});

test('a failed build is not cached: the next request tries again', async () => {
  const cache = new ResponseCache({ maxMemoryBytes: 1 << 20, ttlSeconds: 60 });
  await assert.rejects(Promise.resolve(cache.get('k', async () => Promise.reject(new Error('db down')))), /db down/);
  const entry = await cache.get('k', async () => ({ body, contentType: 'application/json' }));
  assert.equal(entry.identity.toString(), body);
});

test('Redis shares one build between instances', async () => {
  const namespace = randomUUID();
  const a = new Redis(REDIS_URL, { enableOfflineQueue: true });
  const b = new Redis(REDIS_URL, { enableOfflineQueue: true });
  try {
    const first = new ResponseCache({ redis: a, maxMemoryBytes: 1 << 20, ttlSeconds: 60, namespace });
    const second = new ResponseCache({ redis: b, maxMemoryBytes: 1 << 20, ttlSeconds: 60, namespace });
    await first.get('shared', async () => ({ body, contentType: 'application/json' }));
    // The Redis write is fire-and-forget: wait until it has landed (a fixed wait is a guess on a busy machine).
    await poll(
      'the entry in Redis',
      30,
      async () => (await a.exists(`chronos:response:${namespace}:shared`)) || undefined,
    );
    let built = false;
    const entry = await second.get('shared', async () => {
      built = true;
      return { body: 'other', contentType: 'text/plain' };
    });
    assert.equal(built, false, 'the second instance found it in Redis');
    assert.equal(entry.identity.toString(), body);
    assert.equal(entry.contentType, 'application/json');
    assert.deepEqual(await first.status(), { store: 'redis', status: 'ok' });
  } finally {
    a.disconnect();
    b.disconnect();
  }
});

test('Redis unreachable: a miss that builds, reported degraded, quickly', async () => {
  const redis = new Redis(`redis://127.0.0.1:${await closedPort()}`, {
    enableOfflineQueue: false,
    commandTimeout: 200,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 1000,
  });
  redis.on('error', () => {});
  try {
    const cache = new ResponseCache({ redis, maxMemoryBytes: 1 << 20, ttlSeconds: 60 });
    const started = performance.now();
    const entry = await cache.get('k', async () => ({ body, contentType: 'application/json' }));
    assert.equal(entry.identity.toString(), body);
    assert.ok(performance.now() - started < 1_000);
    const status = await cache.status();
    assert.equal(status.status, 'degraded');
  } finally {
    redis.disconnect();
  }
});

test('encoding negotiation and If-None-Match comparison', () => {
  assert.equal(negotiateEncoding('gzip, deflate, br'), 'br');
  assert.equal(negotiateEncoding('gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('identity'), 'identity');
  assert.equal(negotiateEncoding(undefined), 'identity');
  assert.ok(etagMatches('"abc-br"', 'abc'));
  assert.ok(etagMatches('W/"abc", "x"', 'abc'));
  assert.ok(etagMatches('*', 'abc'));
  assert.ok(!etagMatches('"abd"', 'abc'));
});
