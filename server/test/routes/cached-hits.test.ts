// The cached-hit fast path (src/plugins/app/cached-hits.ts) answers exactly as the normal path: the same
// app built twice, with and without it, gets the same requests in the same order, and every answer is
// compared whole (status, every header but the request id and date, body bytes) — 200 in each encoding,
// 304, 403 for a foreign origin or a bad key, a key's own limit and the per-address limit (429 with their
// headers), 503 while shedding load — and the /metrics counts agree. A spy shows the fast path answered.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyReply } from 'fastify';
import type { RouteCache } from '../../src/cache/route-cache.ts';
import { createKey } from '../../src/security/keys.ts';
import { buildTestApp, DATA_URL, poll, REDIS_URL, type TestApp } from '../helpers.ts';

const OURS = 'https://chronos.example.org';
const PARTNER = 'https://news.example.com';
/** Per request: they differ between any two answers. */
const UNIQUE = new Set(['x-request-id', 'date']);

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;
type Request = { url: string; headers?: Record<string, string> };

/** What a client could tell apart: status, headers (bar per-request ones, in order), body bytes. */
function observed(response: Response) {
  return {
    status: response.statusCode,
    headers: Object.entries(response.headers).filter(([name]) => !UNIQUE.has(name)),
    body: response.rawPayload.toString('base64'),
  };
}

/** Counts the answers the fast path gave (its caller is cached-hits.ts, not the route's preParsing hook). */
function spyOnFastPath(routeCache: RouteCache): { answered: number } {
  const spy = { answered: 0 };
  const answer = routeCache.answer.bind(routeCache);
  routeCache.answer = (request, reply, hit): FastifyReply => {
    if (new Error().stack?.includes('cached-hits.ts')) spy.answered++;
    return answer(request, reply, hit);
  };
  return spy;
}

// Rate limits are counted in @fastify/rate-limit's LocalStore without Redis, in SharedCounterStore with it.
for (const redis of [false, REDIS_URL] as const) {
  describe(`the cached-hit fast path answers as the normal path does (${redis === false ? 'no Redis' : 'Redis'})`, () => {
    const env = { ALLOWED_ORIGINS: OURS, RATE_LIMIT_MAX: '40' };
    let fast: TestApp;
    let normal: TestApp;
    let spy: { answered: number };
    before(async () => {
      [fast, normal] = await Promise.all([
        buildTestApp('postgres', { redis, env }),
        buildTestApp('postgres', { redis, env, cachedHitFastPath: false }),
      ]);
      spy = spyOnFastPath(fast.app.routeCache);
    });
    after(() => Promise.all([fast.close(), normal.close()]));

    /** Sends the same request to both apps and asserts the same answer; returns the fast path's. */
    async function same(request: Request, why: string): Promise<Response> {
      const [a, b] = [await fast.app.inject(request), await normal.app.inject(request)];
      assert.deepEqual(observed(a), observed(b), why);
      return a;
    }

    test('200 in every encoding, with and without Origin, then 304 on its ETag', async () => {
      const url = `${DATA_URL}&time=latest`;
      await same({ url, headers: { origin: OURS } }, 'first request (a miss in both)');
      const before = spy.answered;
      for (const encoding of ['br', 'gzip', 'identity', 'gzip, deflate, br']) {
        for (const origin of [OURS, undefined]) {
          const headers = { 'accept-encoding': encoding, ...(origin ? { origin } : {}) };
          const response = await same({ url, headers }, `${encoding}, origin ${origin}`);
          assert.equal(response.statusCode, 200);
          if (origin) assert.equal(response.headers['access-control-allow-origin'], origin);
          const etag = response.headers.etag as string;
          const revalidated = await same({ url, headers: { ...headers, 'if-none-match': etag } }, `304, ${encoding}`);
          assert.equal(revalidated.statusCode, 304);
        }
      }
      assert.equal(spy.answered - before, 16, 'every repeat was answered by the fast path');
    });

    test('403 for a foreign origin, a malformed or unknown key, a key on the wrong origin', async () => {
      const url = `${DATA_URL}&time=2025-01`;
      await same({ url, headers: { origin: OURS } }, 'remembered');
      const { key } = await createKey(fast.app.db, { label: 'news', origins: [PARTNER], rateLimit: 1000 });
      const { key: otherKey } = await createKey(normal.app.db, { label: 'news', origins: [PARTNER], rateLimit: 1000 });
      const before = spy.answered;
      const refused = await same({ url, headers: { origin: PARTNER } }, 'foreign origin without a key');
      assert.equal(refused.statusCode, 403);
      for (const bad of ['pk_short', `pk_${'x'.repeat(32)}`]) {
        const response = await same({ url: `${url}&key=${bad}`, headers: { origin: PARTNER } }, `key ${bad}`);
        assert.equal(response.statusCode, 403);
      }
      // Each app has its own key (its own database): same answers, so compare each to its own first answer.
      for (const [app, presented] of [
        [fast, key],
        [normal, otherKey],
      ] as const) {
        const keyed = `${url}&key=${presented}`;
        const first = await app.app.inject({ url: keyed, headers: { origin: PARTNER } });
        const again = await app.app.inject({ url: keyed, headers: { origin: PARTNER } });
        assert.equal(first.statusCode, 200);
        assert.deepEqual(observed(again), observed(first));
        const elsewhere = await app.app.inject({ url: keyed, headers: { origin: 'https://other.example.net' } });
        assert.equal(elsewhere.statusCode, 403);
        assert.equal(elsewhere.json().code, 'origin_not_allowed');
      }
      assert.equal(spy.answered - before, 1, 'only the allowed repeat was answered by the fast path');
    });

    test("a key's own limit and the per-address limit: the same 200s, then the same 429s with their headers", async () => {
      const url = `${DATA_URL}&time=2025-02`;
      const limitedKey = async (app: TestApp) =>
        (await createKey(app.app.db, { label: 'tiny', origins: [PARTNER], rateLimit: 3 })).key;
      const keys = [await limitedKey(fast), await limitedKey(normal)];
      const statuses: number[][] = [[], []];
      for (let i = 0; i < 5; i++) {
        const answers: Response[] = [];
        for (const [index, app] of [fast, normal].entries()) {
          const response = await app.app.inject({ url: `${url}&key=${keys[index]}`, headers: { origin: PARTNER } });
          statuses[index]!.push(response.statusCode);
          answers.push(response);
        }
        // The seconds left in the window may differ by one between the two apps' answers.
        const [a, b] = answers.map((response) => ({
          ...observed(response),
          headers: observed(response).headers.filter(([name]) => !['x-ratelimit-reset', 'retry-after'].includes(name)),
          body: response.statusCode === 429 ? response.json().message.replace(/\d+ s\.$/, '') : observed(response).body,
        }));
        assert.deepEqual(a, b, `keyed request ${i + 1}`);
      }
      assert.deepEqual(statuses, [
        [200, 200, 200, 429, 429],
        [200, 200, 200, 429, 429],
      ]);
      // The address limit (RATE_LIMIT_MAX 40, counted across this file's requests): both reach it together.
      const addressUrl = `${DATA_URL}&time=2025-03`;
      let limited: Response | undefined;
      for (let i = 0; i < 60 && !limited; i++) {
        const response = await same({ url: addressUrl, headers: { origin: OURS } }, `address request ${i + 1}`);
        if (response.statusCode === 429) limited = response;
      }
      assert.ok(limited, 'the address limit was reached');
      assert.equal(limited.json().code, 'rate_limited');
      assert.equal(limited.headers['x-ratelimit-limit'], '40');
      assert.equal(limited.headers['x-ratelimit-remaining'], '0');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(limited.headers['access-control-allow-origin'], OURS);
    });
  });
}

describe('the cached-hit fast path: the variants of a request that change its headers, each answered as the normal path does', () => {
  const SECOND = 'https://maps.chronos.example.org';
  let fast: TestApp;
  let normal: TestApp;
  before(async () => {
    // A limit no test here reaches: every request is answered from the cache.
    const env = { ALLOWED_ORIGINS: `${OURS},${SECOND}`, RATE_LIMIT_MAX: '10000' };
    [fast, normal] = await Promise.all([
      buildTestApp('postgres', { redis: false, env }),
      buildTestApp('postgres', { redis: false, env, cachedHitFastPath: false }),
    ]);
  });
  after(() => Promise.all([fast.close(), normal.close()]));

  async function same(request: Request & { method?: 'GET' | 'HEAD' }, why: string): Promise<Response> {
    const [a, b] = [await fast.app.inject(request), await normal.app.inject(request)];
    assert.deepEqual(observed(a), observed(b), why);
    return a;
  }

  test('origins (two allowed, one refused after them, none), encodings, If-None-Match forms, HEAD', async () => {
    const spy = spyOnFastPath(fast.app.routeCache);
    const url = `${DATA_URL}&time=2025-04`;
    const first = await same({ url, headers: { origin: OURS, 'accept-encoding': 'gzip' } }, 'a miss in both');
    const etag = first.headers.etag as string;
    const before = spy.answered;
    let allowed = 0;
    for (const origin of [OURS, SECOND, `${OURS}/`, PARTNER, undefined]) {
      for (const encoding of [undefined, 'identity', 'br;q=0, gzip', 'gzip;q=0, br', 'br;q=0, gzip;q=0', '*', 'GZIP']) {
        for (const ifNoneMatch of [undefined, `W/${etag}`, `"other", ${etag}`, '*', '"other"']) {
          const headers = {
            ...(origin ? { origin } : {}),
            ...(encoding ? { 'accept-encoding': encoding } : {}),
            ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
          };
          const why = `origin ${origin}, accept-encoding ${encoding}, if-none-match ${ifNoneMatch}`;
          const response = await same({ url, headers }, why);
          if (origin === PARTNER) {
            assert.equal(response.statusCode, 403, why);
            continue;
          }
          allowed++;
          assert.equal(response.statusCode, ifNoneMatch && ifNoneMatch !== '"other"' ? 304 : 200, why);
          assert.equal(response.headers['access-control-allow-origin'], origin, why);
          // The Date of this answer, not one recorded with the list.
          assert.ok(Math.abs(Date.parse(response.headers.date as string) - Date.now()) < 60_000, why);
        }
      }
    }
    assert.equal(spy.answered - before, allowed, 'every allowed repeat was answered by the fast path');
    for (const origin of [OURS, SECOND, undefined]) {
      const head = await same({ method: 'HEAD', url, headers: origin ? { origin } : {} }, `HEAD, origin ${origin}`);
      assert.equal(head.statusCode, 200);
    }
  });

  test('a new data version: a new ETag at once, the old one no longer revalidates, then fast hits again', async () => {
    const spy = spyOnFastPath(fast.app.routeCache);
    const url = `${DATA_URL}&time=2025-09`;
    const headers = { origin: OURS, 'accept-encoding': 'br' };
    await same({ url, headers }, 'a miss in both');
    const old = await same({ url, headers }, 'a hit in both');
    const before = spy.answered;
    for (const app of [fast, normal]) {
      await app.app.db.query(
        "update observations set value = 42.5, status = 'revised' where region = 'US-CA' and time = '2025-09-01'",
      );
      await app.app.db.query("update data_versions set version = version + 1 where scope = 'data'");
      await app.app.catalog.refresh();
    }
    const rebuilt = await same({ url, headers }, 'rebuilt in both');
    assert.equal(spy.answered, before, 'the new version was not answered from the old entry');
    assert.notEqual(rebuilt.headers.etag, old.headers.etag);
    const stale = await same({ url, headers: { ...headers, 'if-none-match': old.headers.etag as string } }, 'old ETag');
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.headers.etag, rebuilt.headers.etag);
    const fresh = await same({ url, headers: { ...headers, 'if-none-match': rebuilt.headers.etag as string } }, 'new');
    assert.equal(fresh.statusCode, 304);
    assert.equal(spy.answered - before, 2, 'the new entry is answered by the fast path');
  });
});

describe('the cached-hit fast path and load shedding', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp('postgres', { redis: false, env: { MAX_EVENT_LOOP_DELAY_MS: '300' } });
  });
  after(() => t.close());

  test('while shedding, a remembered URL gets the same 503 as any other request', async () => {
    const spy = spyOnFastPath(t.app.routeCache);
    const remembered = `${DATA_URL}&time=latest`;
    const fresh = `${DATA_URL}&time=2024`;
    // Start-up (seeding) may have blocked the loop: wait for the first 200, then one from the fast path.
    await poll('a 200 once start-up is over', 10, async () =>
      (await t.app.inject(remembered)).statusCode === 200 ? true : undefined,
    );
    await poll('a fast-path answer', 10, async () => {
      const answered = spy.answered;
      return (await t.app.inject(remembered)).statusCode === 200 && spy.answered === answered + 1 ? true : undefined;
    });
    // Block the event loop well past the limit. under-pressure sheds when the mean delay of its last
    // one-second sample is over the limit: a block right after a sample is taken weighs fully, one late in
    // a sample is averaged with the ticks before it, so the first attempt may not shed; the next starts
    // right after a sample (taken as the previous block ended) and does.
    let shed: [Response, Response] | undefined;
    let answeredWhileShedding = 0;
    for (let attempt = 0; attempt < 4 && !shed; attempt++) {
      const until = Date.now() + 1_500;
      while (Date.now() < until);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const answered = spy.answered;
      const pair: [Response, Response] = [await t.app.inject(remembered), await t.app.inject(fresh)];
      if (pair[0].statusCode === 503 && pair[1].statusCode === 503) {
        shed = pair;
        answeredWhileShedding = spy.answered - answered;
      }
    }
    assert.ok(shed, 'load was shed');
    const [a, b] = shed.map(observed);
    assert.deepEqual(a, b);
    assert.equal(answeredWhileShedding, 0, 'not answered from the cache while shedding');
    assert.equal(shed[0].headers['retry-after'], '10');
  });
});

describe('the cached-hit fast path and /metrics', () => {
  test('request counts per route and status, and cache hits, are the same with and without it', async () => {
    const [fast, normal] = await Promise.all([
      buildTestApp('postgres', { redis: false }),
      buildTestApp('postgres', { redis: false, cachedHitFastPath: false }),
    ]);
    try {
      const counts = async (app: TestApp) => {
        for (let i = 0; i < 5; i++) await app.app.inject(DATA_URL);
        await app.app.inject({ url: DATA_URL, headers: { origin: PARTNER } });
        const text = (await app.app.inject('/metrics')).payload;
        return text
          .split('\n')
          .filter(
            (line) =>
              line.startsWith('chronos_response_cache_lookups_total') ||
              (line.startsWith('http_request_duration_seconds_count') && line.includes('/api/geo/choropleth')),
          );
      };
      const [a, b] = [await counts(fast), await counts(normal)];
      assert.deepEqual(a, b);
      assert.ok(a.some((line) => line.includes('status_code="200"') && line.endsWith(' 5')));
      assert.ok(a.some((line) => line.includes('status_code="403"') && line.endsWith(' 1')));
      assert.ok(a.includes('chronos_response_cache_lookups_total{result="hit"} 4'));
    } finally {
      await Promise.all([fast.close(), normal.close()]);
    }
  });
});
