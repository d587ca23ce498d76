// The demo page at /, the CDN bundle at /cdn/*, and the OpenAPI document and UI at /docs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildTestApp, type TestApp } from '../helpers.ts';

// Big enough to be worth compressing (precompress.ts skips files under 1 KB).
const ENTRY = `export const version = "1";\n${'export const padding = "chronos entry module";\n'.repeat(100)}`;
const CHUNK = `${'export function draw() { return "a content-hashed chunk"; }\n'.repeat(200)}`;

describe('site and docs', () => {
  let dir: string;
  let built: TestApp;
  let bare: TestApp;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chronos-site-'));
    mkdirSync(join(dir, 'html', 'node_modules'), { recursive: true });
    mkdirSync(join(dir, 'cdn'));
    writeFileSync(join(dir, 'html', 'index.html'), '<!doctype html><title>Demo</title><chronos-choropleth>');
    writeFileSync(join(dir, 'html', 'package.json'), '{"private":true}');
    writeFileSync(join(dir, 'cdn', 'chronos.js'), ENTRY);
    mkdirSync(join(dir, 'cdn', 'chunks'));
    writeFileSync(join(dir, 'cdn', 'chunks', 'maplibre-runtime-DjITfJxH.js'), CHUNK);
    built = await buildTestApp('pglite', {
      redis: false,
      env: { DEMO_PAGE: join(dir, 'html', 'index.html'), CDN_DIR: join(dir, 'cdn') },
    });
    bare = await buildTestApp('pglite', {
      redis: false,
      env: { DEMO_PAGE: join(dir, 'missing.html'), CDN_DIR: join(dir, 'missing') },
    });
  });
  after(async () => {
    await built.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/ serves the demo page and /cdn/* the widget bundle', async () => {
    const page = await built.app.inject('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /<chronos-choropleth>/);
    assert.match(page.headers['content-security-policy'] as string, /worker-src 'self' blob:/);
    assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN');
    // A page on another site loads the bundle as a module script: that fetch is CORS.
    const bundle = await built.app.inject({ url: '/cdn/chronos.js', headers: { origin: 'https://news.example.com' } });
    assert.equal(bundle.statusCode, 200);
    assert.match(bundle.headers['content-type'] as string, /javascript/);
    assert.equal(bundle.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(bundle.headers['access-control-allow-origin'], '*');
  });

  test('/cdn/* like a CDN: brotli or gzip copies, immutable hashed chunks, a short-lived entry with an ETag', async () => {
    const chunkUrl = '/cdn/chunks/maplibre-runtime-DjITfJxH.js';
    const brotli = await built.app.inject({ url: chunkUrl, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(brotli.statusCode, 200);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(brotli.headers['content-type'] as string, /javascript/);
    assert.match(brotli.headers.vary as string, /accept-encoding/i);
    assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(brotliDecompressSync(brotli.rawPayload).toString(), CHUNK);
    assert.ok(brotli.rawPayload.length < CHUNK.length / 10, `${brotli.rawPayload.length} bytes on the wire`);
    // Public like the CDN: one cached copy for every embedding site.
    const foreign = await built.app.inject({ url: chunkUrl, headers: { origin: 'https://news.example.com' } });
    assert.equal(foreign.headers['access-control-allow-origin'], '*');
    assert.doesNotMatch(String(foreign.headers.vary ?? ''), /Origin/);

    const gzipped = await built.app.inject({ url: chunkUrl, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzipped.rawPayload).toString(), CHUNK);
    const plain = await built.app.inject({ url: chunkUrl, headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, CHUNK);

    const entry = await built.app.inject({ url: '/cdn/chronos.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(entry.headers['content-encoding'], 'br');
    assert.equal(entry.headers['cache-control'], 'public, max-age=300, must-revalidate');
    assert.ok(entry.headers.etag);
    const revalidated = await built.app.inject({
      url: '/cdn/chronos.js',
      headers: { 'accept-encoding': 'br', 'if-none-match': entry.headers.etag as string },
    });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.rawPayload.length, 0);
  });

  test('JSON responses carry no document-only headers', async () => {
    const response = await built.app.inject('/api/metrics');
    assert.equal(response.headers['content-security-policy'], undefined);
    assert.equal(response.headers['x-frame-options'], undefined);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('workspace internals beside the demo page are not served', async () => {
    assert.equal((await built.app.inject('/package.json')).statusCode, 404);
    assert.equal((await built.app.inject('/node_modules/')).statusCode, 404);
  });

  test('before anything is built: a placeholder page and a 404 that says to build', async () => {
    const page = await bare.app.inject('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The API is running/);
    assert.match(page.body, /href="\/docs"/);
    const bundle = await bare.app.inject('/cdn/chronos.js');
    assert.equal(bundle.statusCode, 404);
    assert.match(bundle.json().message, /run pnpm build/);
  });

  test('/docs/json is an OpenAPI document of every API route, /docs the UI', async () => {
    const response = await bare.app.inject('/docs/json');
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.match(document.openapi, /^3\./);
    for (const path of [
      '/api/health/',
      '/api/metrics/',
      '/api/metrics/{metric}',
      '/api/geo/choropleth',
      '/tiles/{file}',
    ]) {
      assert.ok(document.paths[path] ?? document.paths[path.replace(/\/$/, '')], `${path} documented`);
    }
    const choropleth = document.paths['/api/geo/choropleth'].get;
    const mode = choropleth.parameters.find((p: { name: string }) => p.name === 'mode');
    assert.deepEqual(mode.schema.enum, ['boundaries', 'data']);
    const ui = await bare.app.inject('/docs');
    assert.ok([200, 302].includes(ui.statusCode));
    const page = await bare.app.inject(ui.statusCode === 302 ? (ui.headers.location as string) : '/docs');
    assert.match(page.body, /swagger/i);
  });

  test('unknown routes: JSON 404 naming the API', async () => {
    const response = await bare.app.inject('/api/nothing');
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /\/api\/geo\/choropleth/);
  });
});
