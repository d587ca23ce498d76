// The route cache (src/cache/route-cache.ts) on a real Fastify app and a real in-process response cache:
// keys follow the versions a body depends on, a repeated URL is answered without running the handler again,
// and a new version is never answered from an earlier resolution.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { ResponseCache } from '../../src/cache/response-cache.ts';
import { RouteCache } from '../../src/cache/route-cache.ts';
import { DATA_CACHE_CONTROL, JSON_TYPE } from '../../src/cache/send.ts';
import type { Versions } from '../../src/db/versions.ts';

function setup() {
  const versions: Versions = { data: 1, boundaries: 1 };
  const routeCache = new RouteCache(new ResponseCache({ maxMemoryBytes: 1 << 20, ttlSeconds: 60 }), () => versions);
  const app = Fastify({ logger: false });
  let handled = 0;
  app.get<{ Querystring: { n?: string } }>('/thing', { preParsing: routeCache.repeat }, async (request, reply) => {
    handled++;
    const n = request.query.n ?? '0';
    return routeCache.reply(request, reply, {
      route: 'thing',
      dependsOn: 'data',
      params: [n],
      cacheControl: DATA_CACHE_CONTROL,
      contentType: JSON_TYPE,
      build: async () => JSON.stringify({ n, data: versions.data }),
    });
  });
  return { app, versions, routeCache, handled: () => handled };
}

test('keys name the route, the versions the body depends on and its parameters', () => {
  const { versions, routeCache } = setup();
  const data = routeCache.key('series', 'data', ['unemployment', null]);
  const boundaries = routeCache.key('boundaries', 'boundaries', ['us-states', 'low', 'geojson']);
  assert.notEqual(routeCache.key('series', 'data', ['unemployment', '2024-01']), data);
  versions.data++;
  assert.notEqual(routeCache.key('series', 'data', ['unemployment', null]), data, 'new data: new key');
  assert.equal(routeCache.key('boundaries', 'boundaries', ['us-states', 'low', 'geojson']), boundaries);
  versions.boundaries++;
  assert.notEqual(routeCache.key('boundaries', 'boundaries', ['us-states', 'low', 'geojson']), boundaries);
});

test('a repeated URL is answered from the cache without the handler; a new version runs it again', async () => {
  const { app, versions, handled } = setup();
  try {
    const first = await app.inject('/thing?n=1');
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.json(), { n: '1', data: 1 });
    assert.equal(first.headers['cache-control'], DATA_CACHE_CONTROL);
    const again = await app.inject('/thing?n=1');
    assert.equal(handled(), 1, 'the repeat skipped the handler');
    assert.deepEqual(again.rawPayload, first.rawPayload);
    assert.equal(again.headers.etag, first.headers.etag);
    const revalidated = await app.inject({ url: '/thing?n=1', headers: { 'if-none-match': first.headers.etag } });
    assert.equal(revalidated.statusCode, 304);
    await app.inject('/thing?n=2');
    assert.equal(handled(), 2, 'another URL is handled');
    versions.data++;
    const fresh = await app.inject('/thing?n=1');
    assert.equal(handled(), 3, 'a new data version is not answered from the earlier resolution');
    assert.deepEqual(fresh.json(), { n: '1', data: 2 });
    assert.notEqual(fresh.headers.etag, first.headers.etag);
  } finally {
    await app.close();
  }
});
