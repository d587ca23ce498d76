// The embedding policy: our origins and (in development / embedded) loopback pages need no key; other
// origins need a publishable key bound to them; refused requests get a 403 that says why, with a code,
// readable by the refused page (its origin echoed, never credentials) and granting nothing; keys are
// hashed, revocable and carry their own rate limit (429 rate_limited with Retry-After, readable too).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createKey, listKeys, revokeKey } from '../../src/security/keys.ts';
import { buildTestApp, DATA_URL, poll, STORES, type TestApp } from '../helpers.ts';

const OURS = 'https://chronos.example.org';
const PARTNER = 'https://news.example.com';

for (const store of STORES) {
  describe(`embedding access on ${store}`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(store, { env: { ALLOWED_ORIGINS: `${OURS},https://www.chronos.example.org` } });
    });
    after(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

    test('no Origin (server-to-server, same-origin navigation): allowed without CORS headers', async () => {
      const response = await get(DATA_URL);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['access-control-allow-origin'], undefined);
    });

    test('one of our origins: allowed, the origin echoed back, Vary: Origin', async () => {
      const response = await get(DATA_URL, { origin: OURS });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['access-control-allow-origin'], OURS);
      assert.match(response.headers.vary as string, /Origin/);
    });

    /** A refusal the refused page can read: its own origin echoed, never credentials, Retry-After exposed. */
    const assertReadableRefusal = (response: Awaited<ReturnType<typeof get>>, origin: string) => {
      assert.equal(response.headers['access-control-allow-origin'], origin);
      assert.equal(response.headers['access-control-allow-credentials'], undefined);
      assert.match(response.headers['access-control-expose-headers'] as string, /Retry-After/);
      assert.match(response.headers.vary as string, /Origin/);
      assert.match(response.headers['content-type'] as string, /application\/json/);
    };

    test('a foreign origin without a key: 403 key_required saying why, readable by that page', async () => {
      const response = await get(DATA_URL, { origin: PARTNER });
      assert.equal(response.statusCode, 403);
      assertReadableRefusal(response, PARTNER);
      assert.equal(response.json().code, 'key_required');
      assert.equal(response.json().error, 'Forbidden');
      assert.match(
        response.json().message,
        /Origin https:\/\/news\.example\.com is not allowed without a publishable key/,
      );
      assert.match(response.json().message, /keys create --origin https:\/\/news\.example\.com/);
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: DATA_URL,
        headers: { origin: PARTNER, 'access-control-request-method': 'GET' },
      });
      // A refused preflight is not a grant: a non-2xx status fails it whatever the headers.
      assert.equal(preflight.statusCode, 403);
      assert.equal(preflight.headers['access-control-allow-methods'], undefined);
    });

    test('loopback origins need a key when the server runs PostgreSQL outside development', async () => {
      const response = await get(DATA_URL, { origin: 'http://localhost:3000' });
      assert.equal(response.statusCode, store === 'pglite' ? 200 : 403);
    });

    test('a publishable key bound to the origin: allowed; from another origin or revoked: 403', async () => {
      const { key, record } = await createKey(t.app.db, { label: 'news', origins: [PARTNER], rateLimit: 1000 });
      assert.match(key, /^pk_[A-Za-z0-9_-]{32}$/);
      const { rows } = await t.app.db.query<{ key_hash: string }>('select key_hash from api_keys where id = $1', [
        record.id,
      ]);
      assert.notEqual(rows[0]!.key_hash, key, 'stored hashed');
      assert.ok(!rows[0]!.key_hash.includes(key.slice(3)));

      const allowed = await get(`${DATA_URL}&key=${key}`, { origin: PARTNER });
      assert.equal(allowed.statusCode, 200);
      assert.equal(allowed.headers['access-control-allow-origin'], PARTNER);
      const elsewhere = await get(`${DATA_URL}&key=${key}`, { origin: 'https://copycat.example.net' });
      assert.equal(elsewhere.statusCode, 403);
      assert.equal(elsewhere.json().code, 'origin_not_allowed');
      assert.match(
        elsewhere.json().message,
        /is not allowed on https:\/\/copycat\.example\.net: it is bound to https:\/\/news\.example\.com/,
      );
      assert.ok(!elsewhere.body.includes(key), 'the refusal never repeats the whole key');
      assertReadableRefusal(elsewhere, 'https://copycat.example.net');

      assert.ok((await listKeys(t.app.db)).some((k) => k.id === record.id && !k.revokedAt));
      await revokeKey(t.app.db, record.prefix);
      t.app.keyStore.forget();
      const revoked = await get(`${DATA_URL}&key=${key}`, { origin: PARTNER });
      assert.equal(revoked.statusCode, 403);
      assert.equal(revoked.json().code, 'key_revoked');
      assert.match(revoked.json().message, /was revoked on \d{4}-\d{2}-\d{2}/);
      assertReadableRefusal(revoked, PARTNER);
    });

    test('an unknown or malformed key: 403 unknown_key / malformed_key, readable by the page', async () => {
      const unknown = await get(`${DATA_URL}&key=pk_${'a'.repeat(32)}`, { origin: PARTNER });
      assert.equal(unknown.statusCode, 403);
      assert.equal(unknown.json().code, 'unknown_key');
      assert.match(unknown.json().message, /^Unknown publishable key pk_aaaaaaaa…/);
      assertReadableRefusal(unknown, PARTNER);
      const malformed = await get(`${DATA_URL}&key=sk_secret`, { origin: PARTNER });
      assert.equal(malformed.statusCode, 403);
      assert.equal(malformed.json().code, 'malformed_key');
      assert.match(
        malformed.json().message,
        /not valid: it is malformed\. Keys look like pk_ followed by 32 characters/,
      );
      assertReadableRefusal(malformed, PARTNER);
    });

    test('tiles are public: any origin, no key, Access-Control-Allow-Origin: * without Vary: Origin', async () => {
      // No archives are built here: the 404 still shows the route is reached (not refused) and granted to all.
      const response = await get('/tiles/basemap.pmtiles', { origin: 'https://anyone.example.net' });
      assert.notEqual(response.statusCode, 403);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.doesNotMatch(String(response.headers.vary ?? ''), /Origin/);
    });

    test('wildcard key origins match subdomains only', async () => {
      const { key } = await createKey(t.app.db, {
        label: 'group',
        origins: ['https://*.example.com'],
        rateLimit: 1000,
      });
      assert.equal((await get(`${DATA_URL}&key=${key}`, { origin: 'https://blog.example.com' })).statusCode, 200);
      assert.equal((await get(`${DATA_URL}&key=${key}`, { origin: 'https://example.com.evil.net' })).statusCode, 403);
    });

    test("a key's own rate limit: 429 with Retry-After once exhausted", async () => {
      const { key } = await createKey(t.app.db, { label: 'tiny', origins: [PARTNER], rateLimit: 3 });
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof get>> | undefined;
      for (let i = 0; i < 5; i++) {
        last = await get(`${DATA_URL}&key=${key}`, { origin: PARTNER });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const retryAfter = Number(last!.headers['retry-after']);
      assert.ok(retryAfter > 0);
      assert.equal(last!.json().code, 'rate_limited');
      assert.equal(last!.json().statusCode, 429);
      assert.match(last!.json().message, /^Rate limited \(3 requests per minute for this key\), retry in \d+ s\.$/);
      assert.match(last!.json().message, new RegExp(`retry in ${retryAfter} s`));
      assertReadableRefusal(last!, PARTNER);
      // Another key (or an anonymous caller) is not affected.
      assert.equal((await get(DATA_URL, { origin: OURS })).statusCode, 200);
    });

    test('a percent-encoded path is the same route under the same policy (no key bypass)', async () => {
      // The router decodes `%61` to `a`: access must be decided on that route, not on the raw URL.
      for (const url of ['/%61pi/metrics', '/api/%6Detrics', `/%61pi/geo/choropleth?mode=data&geo=us-states`]) {
        const response = await get(url, { origin: PARTNER });
        assert.equal(response.statusCode, 403, url);
        assert.equal(response.json().code, 'key_required', url);
        const preflight = await t.app.inject({
          method: 'OPTIONS',
          url,
          headers: { origin: PARTNER, 'access-control-request-method': 'GET' },
        });
        assert.equal(preflight.statusCode, 403, `preflight ${url}`);
        assert.equal(preflight.headers['access-control-allow-methods'], undefined, `preflight ${url}`);
      }
      // Our own origin still reaches the encoded path (it is the same route), tiles stay public.
      assert.equal((await get('/%61pi/metrics', { origin: OURS })).statusCode, 200);
      const tiles = await get('/%74iles/basemap.pmtiles', { origin: 'https://anyone.example.net' });
      assert.notEqual(tiles.statusCode, 403);
    });

    test('Origin: null (sandboxed frames, file:// pages) never matches a key bound to origins', async () => {
      const { key } = await createKey(t.app.db, { label: 'null', origins: [PARTNER], rateLimit: 1000 });
      const response = await get(`${DATA_URL}&key=${key}`, { origin: 'null' });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, 'origin_not_allowed');
      assert.match(response.json().message, /not allowed on null/);
    });

    test('security headers suit an embeddable API', async () => {
      const response = await get(DATA_URL, { origin: OURS });
      assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.equal(response.headers['cross-origin-embedder-policy'], undefined);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.match(response.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
    });
  });
}

test('load shedding: over the memory limit every request gets 503 with Retry-After', async () => {
  const t = await buildTestApp('pglite', { redis: false, env: { MAX_RSS_MB: '1' } });
  try {
    // under-pressure samples periodically (every second, later on a busy machine): wait until it has.
    const response = await poll('load shedding', 60, async () => {
      const answer = await t.app.inject(DATA_URL);
      return answer.statusCode === 503 ? answer : undefined;
    });
    assert.ok(response.headers['retry-after']);
    assert.match(response.json().message, /under too much load/);
    // The health check too: the error body, readable, not a 500 from a body its schema did not declare.
    const health = await t.app.inject('/api/health');
    assert.equal(health.statusCode, 503);
    assert.ok(health.headers['retry-after']);
    assert.match(health.json().message, /under too much load/);
  } finally {
    await t.close();
  }
});

test('rate limit per IP: the API answers 429 with Retry-After past RATE_LIMIT_MAX; the API docs are not limited', async () => {
  const t = await buildTestApp('pglite', { redis: false, env: { RATE_LIMIT_MAX: '3' } });
  try {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.app.inject('/api/health')).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const limited = await t.app.inject('/api/health');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.json().message, /Rate limited \(3 requests per minute from this address\)/);
    assert.equal(limited.json().code, 'rate_limited');
    for (let i = 0; i < 6; i++) assert.equal((await t.app.inject('/docs/json')).statusCode, 200);
  } finally {
    await t.close();
  }
});
