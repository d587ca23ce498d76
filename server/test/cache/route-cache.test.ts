// The route cache (src/cache/route-cache.ts) on a real Fastify app and a real in-process response cache:
// keys follow the versions a body depends on, a repeated URL is answered without running the handler again,
// and a new version is never answered from an earlier resolution.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { ResponseCache } from '../../src/cache/response-cache.ts';
import { RouteCache } from '../../src/cache/route-cache.ts';
import { DATA_CACHE_CONTROL, JSON_TYPE } from '../../src/cache/send.ts';
import type { Versions } from '../../src/db/versions.ts';
import { collectGarbage } from '../helpers.ts';

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

test('remembered URLs stay within a few megabytes however long the URLs a client sends', async () => {
  const versions: Versions = { data: 1, boundaries: 1 };
  const routeCache = new RouteCache(new ResponseCache({ maxMemoryBytes: 1 << 20, ttlSeconds: 60 }), () => versions);
  const spec = {
    route: 'thing',
    dependsOn: 'data' as const,
    params: ['1'],
    cacheControl: DATA_CACHE_CONTROL,
    contentType: JSON_TYPE,
    build: async () => '{"n":1}',
  };
  // What reply() reads of a request and writes to a reply (app.inject's own responses are not measured:
  // it holds ~10 kB per Buffer body sent until the app closes, a real socket does not).
  const answer = async (url: string) => {
    let status = 200;
    const reply = {
      header: () => reply,
      getHeader: () => undefined,
      code: (code: number) => {
        status = code;
        return reply;
      },
      send: () => reply,
    };
    const request = { url, headers: {}, matchedRoute: '/thing', routeOptions: { config: {} } };
    await routeCache.reply(request as unknown as FastifyRequest, reply as unknown as FastifyReply, spec);
    return status;
  };
  // Parameters a route does not read are dropped by its schema, so a client can make any URL it likes
  // resolve to a cached body: up to the 16 kB header limit, each a new URL to remember. As Node parses
  // them: flat, distinct strings.
  const padding = 'x'.repeat(12_000);
  await answer('/thing?n=1');
  await collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 2_000; i++) {
    assert.equal(await answer(Buffer.from(`/thing?n=1&pad=${padding}${i}`).toString('latin1')), 200);
  }
  await collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 8 * 2 ** 20, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB`);
  // A short URL is still remembered.
  assert.ok(routeCache.hit('/thing?n=1'));
});
