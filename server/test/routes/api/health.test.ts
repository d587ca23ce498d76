// GET /api/health: ok on both stores; degraded (but every request served) when Redis is unreachable;
// 503 when the database is gone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BOUNDARIES_URL, buildTestApp, closedPort, DATA_URL, STORES } from '../../helpers.ts';

for (const store of STORES) {
  describe(`/api/health on ${store}`, () => {
    test('ok with the database and Redis up', async () => {
      const t = await buildTestApp(store);
      try {
        const response = await t.app.inject('/api/health');
        assert.equal(response.statusCode, 200);
        const body = response.json();
        assert.equal(body.status, 'ok');
        assert.deepEqual(body.checks.database, { status: 'ok', store });
        assert.deepEqual(body.checks.cache, { status: 'ok', store: 'redis' });
        assert.equal(typeof body.version, 'string');
        assert.equal(response.headers['cache-control'], 'no-store');
      } finally {
        await t.close();
      }
    });

    test('Redis on a closed port: requests still succeed, health says degraded', async () => {
      const t = await buildTestApp(store, { redis: `redis://127.0.0.1:${await closedPort()}` });
      try {
        const started = performance.now();
        for (const url of [DATA_URL, BOUNDARIES_URL, '/api/metrics', DATA_URL]) {
          const response = await t.app.inject(url);
          assert.equal(response.statusCode, 200, url);
        }
        assert.ok(performance.now() - started < 5_000, 'Redis failures fail fast');
        const health = await t.app.inject('/api/health');
        assert.equal(health.statusCode, 200);
        assert.equal(health.json().status, 'degraded');
        assert.equal(health.json().checks.cache.status, 'degraded');
        assert.match(health.json().checks.cache.error, /Redis unavailable/);
      } finally {
        await t.close();
      }
    });
  });
}

test('without Redis configured the in-process cache is ok', async () => {
  const t = await buildTestApp('pglite', { redis: false });
  try {
    const body = (await t.app.inject('/api/health')).json();
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.checks.cache, { status: 'ok', store: 'memory' });
  } finally {
    await t.close();
  }
});

test('database gone: 503 with status down', async () => {
  const t = await buildTestApp('postgres', { redis: false });
  try {
    await t.app.db.close();
    const response = await t.app.inject('/api/health');
    assert.equal(response.statusCode, 503);
    assert.equal(response.json().status, 'down');
    assert.equal(response.json().checks.database.status, 'down');
  } finally {
    await t.close().catch(() => {});
  }
});
