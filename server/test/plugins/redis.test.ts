// Redis as an external plugin (src/plugins/external/redis.ts): one client for the response cache and the rate
// limit, which declare it as a dependency; absent without REDIS_URL; an unreachable Redis never stops start-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { loadConfig } from '../../src/config.ts';
import cachePlugin from '../../src/plugins/app/cache.ts';
import redisPlugin from '../../src/plugins/external/redis.ts';
import { buildTestApp, closedPort, DATA_URL } from '../helpers.ts';

test('the cache plugin refuses to load without the Redis plugin, naming it', async () => {
  const app = Fastify({ logger: false });
  // Stands in for the catalog plugin (same name and decorator), which the cache needs as well.
  await app.register(
    fp(
      async (fastify) => {
        fastify.decorate('catalog', {} as never);
      },
      { name: 'catalog' },
    ),
  );
  await assert.rejects(async () => {
    await app.register(cachePlugin, { config: loadConfig({ NODE_ENV: 'test' }) });
    await app.ready();
  }, /dependency 'redis'/);
  await app.close();
});

test('without REDIS_URL there is no client; the cache is in-process', async () => {
  const app = Fastify({ logger: false });
  await app.register(redisPlugin, { config: loadConfig({ NODE_ENV: 'test' }) });
  await app.ready();
  assert.equal(app.redis, null);
  await app.close();
});

test('an unreachable Redis: the app starts, serves from the in-process cache and reports degraded', async () => {
  const t = await buildTestApp('postgres', { redis: `redis://127.0.0.1:${await closedPort()}` });
  try {
    assert.ok(t.app.redis, 'the shared client exists and keeps reconnecting');
    const first = await t.app.inject(DATA_URL);
    const second = await t.app.inject(DATA_URL);
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal((await t.app.inject('/api/health')).json().checks.cache.status, 'degraded');
  } finally {
    await t.close();
  }
});
