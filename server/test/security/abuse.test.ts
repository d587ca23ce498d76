// Abuse the access layer must absorb: invented keys (each unknown one costs a database lookup, so they are
// limited per address) and a client-written X-Forwarded-For (trusted only through TRUST_PROXY hops).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { createKey } from '../../src/security/keys.ts';
import { buildTestApp, DATA_URL, STORES } from '../helpers.ts';

const PARTNER = 'https://news.example.com';
const invented = () => `pk_${randomBytes(24).toString('base64url')}`;

for (const store of STORES) {
  test(`unknown keys are limited per address, with Retry-After, on ${store}`, async () => {
    const t = await buildTestApp(store, { redis: false, env: { UNKNOWN_KEY_MAX: '3' } });
    try {
      const ask = (key: string, remoteAddress = '198.51.100.7') =>
        t.app.inject({ url: `${DATA_URL}&key=${key}`, headers: { origin: PARTNER }, remoteAddress });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await ask(invented())).statusCode);
      assert.deepEqual(statuses, [403, 403, 403, 429, 429]);
      const limited = await ask('sk_not_even_a_key');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'rate_limited');
      assert.match(limited.json().message, /too many unknown or malformed publishable keys from this address/);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(limited.headers['access-control-allow-origin'], PARTNER, 'readable by the page');
      // Another address is not affected, and a real key from the limited address still works.
      assert.equal((await ask(invented(), '198.51.100.8')).statusCode, 403);
      const key = await createKey(t.app.db, { label: 'real', origins: [PARTNER], rateLimit: 1000 });
      // A key never seen is looked up once (it costs a query, so it is counted); once known it is free.
      assert.equal((await ask(key.key, '198.51.100.9')).statusCode, 200);
      for (let i = 0; i < 5; i++) assert.equal((await ask(key.key, '198.51.100.9')).statusCode, 200);
    } finally {
      await t.close();
    }
  });
}

test('X-Forwarded-For is ignored unless TRUST_PROXY names the hops in front', async () => {
  const direct = await buildTestApp('pglite', { redis: false, env: { RATE_LIMIT_MAX: '2' } });
  try {
    // A client writing a new X-Forwarded-For each time is still one address.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await direct.app.inject({
        url: '/api/health',
        remoteAddress: '198.51.100.7',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 429]);
  } finally {
    await direct.close();
  }
  const proxied = await buildTestApp('pglite', { redis: false, env: { RATE_LIMIT_MAX: '2', TRUST_PROXY: '1' } });
  try {
    // Behind one proxy: the client is the address the proxy appended (rightmost); what the client wrote
    // to the left of it is not believed.
    const through = (written: string, client: string) =>
      proxied.app.inject({
        url: '/api/health',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': `${written}, ${client}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await through(`192.0.2.${i}`, '203.0.113.50')).statusCode);
    assert.deepEqual(statuses, [200, 200, 429]);
    assert.equal((await through('192.0.2.1', '203.0.113.51')).statusCode, 200, 'another client is counted apart');
  } finally {
    await proxied.close();
  }
  // The setting is a count: the old `true` (which trusted every hop, the hole) now means one proxy.
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, 1);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY, 0);
  assert.throws(() => loadConfig({ TRUST_PROXY: 'all' }), /TRUST_PROXY/);
});
