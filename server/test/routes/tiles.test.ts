// GET /tiles/{name}.pmtiles: whole archive, byte ranges (first bytes, suffix), 416, validators, public CORS.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, STORES, type TestApp } from '../helpers.ts';

const archive = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

for (const store of STORES) {
  describe(`/tiles on ${store}`, () => {
    let t: TestApp;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'chronos-tiles-'));
      writeFileSync(join(dir, 'basemap.pmtiles'), archive);
      writeFileSync(join(dir, 'notes.txt'), 'not an archive');
      t = await buildTestApp(store, { env: { TILES_DIR: dir, ALLOWED_ORIGINS: 'https://maps.example.org' } });
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the whole archive with Accept-Ranges, a strong ETag and a long Cache-Control', async () => {
      const response = await t.app.inject('/tiles/basemap.pmtiles');
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.rawPayload, archive);
      assert.equal(response.headers['accept-ranges'], 'bytes');
      assert.match(response.headers.etag as string, /^"[0-9a-f]+-[0-9a-f]+"$/);
      assert.match(response.headers['cache-control'] as string, /max-age=86400/);
      assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
    });

    test('Range: the first bytes (what a PMTiles client asks for first) → 206', async () => {
      const response = await t.app.inject({ url: '/tiles/basemap.pmtiles', headers: { range: 'bytes=0-126' } });
      assert.equal(response.statusCode, 206);
      assert.equal(response.headers['content-range'], 'bytes 0-126/4096');
      assert.equal(response.headers['content-length'], '127');
      assert.deepEqual(response.rawPayload, archive.subarray(0, 127));
    });

    test('Range: a middle slice, a suffix range and an open-ended range', async () => {
      const middle = await t.app.inject({ url: '/tiles/basemap.pmtiles', headers: { range: 'bytes=1000-1999' } });
      assert.equal(middle.statusCode, 206);
      assert.deepEqual(middle.rawPayload, archive.subarray(1000, 2000));
      const suffix = await t.app.inject({ url: '/tiles/basemap.pmtiles', headers: { range: 'bytes=-100' } });
      assert.equal(suffix.statusCode, 206);
      assert.equal(suffix.headers['content-range'], 'bytes 3996-4095/4096');
      assert.deepEqual(suffix.rawPayload, archive.subarray(3996));
      const open = await t.app.inject({ url: '/tiles/basemap.pmtiles', headers: { range: 'bytes=4000-' } });
      assert.equal(open.statusCode, 206);
      assert.deepEqual(open.rawPayload, archive.subarray(4000));
    });

    test('an unsatisfiable range → 416 with Content-Range bytes */size', async () => {
      const response = await t.app.inject({ url: '/tiles/basemap.pmtiles', headers: { range: 'bytes=5000-6000' } });
      assert.equal(response.statusCode, 416);
      assert.equal(response.headers['content-range'], 'bytes */4096');
      assert.match(response.json().message, /outside the archive \(4096 bytes\)/);
    });

    test('If-None-Match → 304; If-Range with another ETag → the whole archive', async () => {
      const { etag } = (await t.app.inject('/tiles/basemap.pmtiles')).headers;
      const cached = await t.app.inject({ url: '/tiles/basemap.pmtiles', headers: { 'if-none-match': etag } });
      assert.equal(cached.statusCode, 304);
      const stale = await t.app.inject({
        url: '/tiles/basemap.pmtiles',
        headers: { range: 'bytes=0-9', 'if-range': '"other"' },
      });
      assert.equal(stale.statusCode, 200);
      assert.equal(stale.rawPayload.length, 4096);
    });

    test('public like the R2 bucket: any origin, no key, Allow-Origin * without Vary: Origin, ranges readable', async () => {
      for (const origin of ['https://maps.example.org', 'https://news.example.com']) {
        const response = await t.app.inject({
          url: '/tiles/basemap.pmtiles',
          headers: { origin, range: 'bytes=0-9' },
        });
        assert.equal(response.statusCode, 206, origin);
        assert.equal(response.headers['access-control-allow-origin'], '*');
        assert.equal(response.headers['access-control-allow-credentials'], undefined);
        assert.doesNotMatch(String(response.headers.vary ?? ''), /Origin/);
        for (const header of ['Content-Range', 'ETag', 'Content-Length', 'Accept-Ranges']) {
          assert.match(response.headers['access-control-expose-headers'] as string, new RegExp(header));
        }
      }
      // A page's key on the URL is accepted and ignored.
      const keyed = await t.app.inject({
        url: `/tiles/basemap.pmtiles?key=pk_${'b'.repeat(32)}`,
        headers: { origin: 'https://news.example.com', range: 'bytes=0-9' },
      });
      assert.equal(keyed.statusCode, 206);
      // A preflight (If-None-Match / If-Match are not CORS-safelisted) from a foreign origin is granted.
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/tiles/basemap.pmtiles',
        headers: {
          origin: 'https://news.example.com',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'range,if-none-match',
        },
      });
      assert.equal(preflight.statusCode, 204);
      assert.match(preflight.headers['access-control-allow-headers'] as string, /Range.*If-None-Match/);
    });

    test('unknown archive → 404 naming the available ones; other names → 400', async () => {
      const missing = await t.app.inject('/tiles/world.pmtiles');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().message, /Available: basemap\.pmtiles/);
      for (const url of ['/tiles/notes.txt', '/tiles/..%2F..%2Fetc%2Fpasswd', '/tiles/.hidden.pmtiles']) {
        const response = await t.app.inject(url);
        assert.equal(response.statusCode, 400, url);
        assert.match(response.json().message, /tile archive name/);
      }
    });
  });
}
