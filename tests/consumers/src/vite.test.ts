// A new user's Vite + TypeScript app (Vite 8, and the same app on Vite 7) with @chronos/widgets installed
// from the packed tarballs and the README's import line, no configuration: it type-checks, builds, keeps
// MapLibre out of the entry chunk, and draws a coloured map in Chromium from `vite preview` and from the
// dev server. A worker that cannot load ends in the element's error state.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { type AppVariant, installApp } from './apps.ts';
import { assertColouredMap, inspectMap } from './browser.ts';
import { type Harness, since, startHarness } from './harness.ts';
import { freePort, type RunningServer, startServer, step } from './processes.ts';
import { packedTarballs } from './tarballs.ts';

const workDir = join(import.meta.dirname, '..', '.work');
let harness: Harness;

before(async () => {
  harness = await startHarness();
});

after(async () => {
  await harness?.close();
});

const versions: { label: string; variant?: AppVariant }[] = [
  { label: 'Vite 8' },
  { label: 'Vite 7', variant: { name: 'vite7', devDependencies: { vite: '^7.3.8' } } },
];

for (const { label, variant } of versions) {
  describe(`${label} app (vanilla TypeScript)`, () => {
    let dir: string;
    let preview: RunningServer | undefined;

    before(async () => {
      const tarballs = packedTarballs();
      dir = await installApp('vite', workDir, [tarballs['@chronos/core'], tarballs['@chronos/widgets']], variant);
      const started = performance.now();
      await step('npm', ['run', 'build'], dir);
      process.stdout.write(`${label} app: tsc + vite build ${since(started)}\n`);
    });

    after(async () => {
      await preview?.stop();
    });

    test('MapLibre stays out of the entry chunk; its worker is emitted as a file', () => {
      const assets = readdirSync(join(dir, 'dist', 'assets'));
      const entry = assets.find((file) => /^index-.*\.js$/.test(file));
      assert.ok(entry, `no entry chunk in ${assets.join(', ')}`);
      const code = readFileSync(join(dir, 'dist', 'assets', entry));
      const gzip = gzipSync(code, { level: 9 }).length;
      process.stdout.write(`${label} app: entry chunk ${(gzip / 1024).toFixed(1)} KB gzip\n`);
      // MapLibre alone is ~295 KB gzip; one of its error messages marks its code wherever it is bundled.
      assert.doesNotMatch(code.toString(), /Style is not done loading/);
      assert.ok(gzip < 100 * 1024, `entry chunk is ${(gzip / 1024).toFixed(1)} KB gzip`);
      assert.ok(assets.some((file) => file.startsWith('maplibre-gl-worker')));
      const runtime = assets.filter((file) => file.endsWith('.js') && file !== entry);
      assert.ok(
        runtime.some((file) =>
          readFileSync(join(dir, 'dist', 'assets', file), 'utf8').includes('Style is not done loading'),
        ),
        'no lazy chunk holds MapLibre',
      );
    });

    test('vite preview: the built app draws a coloured map from the real server', async () => {
      const port = await freePort();
      preview = await startServer(
        'npx',
        ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
        dir,
        `http://127.0.0.1:${port}/`,
      );
      const started = performance.now();
      assertColouredMap(await inspectMap(harness.browser, harness.pageUrl(preview.url.replace(/\/$/, ''))));
      process.stdout.write(`${label} preview: page to chronos-load and pixels ${since(started)}\n`);
    });

    test('a MapLibre worker that cannot load ends in the error state with chronos-error', async () => {
      assert.ok(preview, 'vite preview is not running');
      const report = await inspectMap(harness.browser, harness.pageUrl(preview.url.replace(/\/$/, '')), {
        blockWorker: true,
      });
      assert.deepEqual(report.pageErrors, []);
      assert.deepEqual(
        report.events.map((event) => [event.type, event.detail.kind]),
        [['chronos-error', 'map']],
      );
      assert.match(report.events[0]!.detail.message ?? '', /worker could not be loaded .*maplibre-gl-worker.*HTTP 404/);
      assert.match(report.errorText, /worker could not be loaded/);
    });

    test("the built app under the widgets README's npm-build Content-Security-Policy: coloured, no violation", async () => {
      // The README's policy for the npm build, with API = TILES = the test server. The app's own inline
      // <style> is allowed by its hash (what the app needs, not the widget: style-src adds nothing else).
      const html = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
      const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
        (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
      );
      const api = new URL(harness.backend.url).origin;
      const policy = [
        "default-src 'none'",
        "script-src 'self'",
        "worker-src 'self'",
        `connect-src 'self' ${api}`,
        'img-src data:',
        `style-src ${styleHashes.join(' ') || "'none'"}`,
      ].join('; ');
      const server = await serveWithPolicy(join(dir, 'dist'), policy);
      try {
        const { port } = server.address() as { port: number };
        const report = await inspectMap(harness.browser, harness.pageUrl(`http://127.0.0.1:${port}`));
        assertColouredMap(report);
      } finally {
        server.close();
      }
    });

    test('vite dev server: the app draws a coloured map with no configuration', async () => {
      const port = await freePort();
      const started = performance.now();
      const dev = await startServer(
        'npx',
        ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
        dir,
        `http://127.0.0.1:${port}/`,
      );
      try {
        assertColouredMap(await inspectMap(harness.browser, harness.pageUrl(`http://127.0.0.1:${port}`)));
        process.stdout.write(`${label} dev: start, page to chronos-load and pixels ${since(started)}\n`);
      } finally {
        await dev.stop();
      }
    });
  });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** The built app's files with a Content-Security-Policy header on every answer (what a site would send). */
async function serveWithPolicy(root: string, policy: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) {
      response.writeHead(400).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': policy,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-security-policy': policy }).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
