// `pnpm bench widgets` (this package's bench:widgets): what a Vite user ships and waits for. The packed
// @chronos/widgets in the Vite consumer app (tests/consumers/apps/vite, built as the consumer test builds
// it): gzip size of its entry chunk (MapLibre lazy), and its first coloured paint (navigation to
// `chronos-load`) against the CDN page (the package's own dist/cdn/chronos.js, same origin, same server,
// same markup), rounds alternating, medians compared.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { median, recordFigure } from '@chronos/devkit/bench-record';
import { installApp } from './apps.ts';
import { startHarness } from './harness.ts';
import { freePort, startServer, step } from './processes.ts';
import { buildAndPack, TARBALL_DIR } from './tarballs.ts';

const BENCH = 'widgets';
const ROUNDS = 5;
const KB = 1024;

const tarballs = await buildAndPack(TARBALL_DIR);
const dir = await installApp('vite', join(import.meta.dirname, '..', '.work'), [
  tarballs['@chronos/core'],
  tarballs['@chronos/widgets'],
]);
await step('npm', ['run', 'build'], dir);

const assets = join(dir, 'dist', 'assets');
const entry = readdirSync(assets).find((file) => /^index-.*\.js$/.test(file));
if (!entry) throw new Error(`no entry chunk in ${assets}`);
const entryGzip = gzipSync(readFileSync(join(assets, entry)), { level: 9 }).length;
recordFigure({
  bench: BENCH,
  figure: 'Vite consumer entry chunk gzip (MapLibre lazy)',
  value: entryGzip / KB,
  unit: 'KB',
  goal: '≤ 45 KB',
  pass: entryGzip <= 45 * KB,
});

// The CDN page beside the app: the same markup, the package's CDN build instead of the bundled app.
cpSync(join(dir, 'node_modules', '@chronos', 'widgets', 'dist', 'cdn'), join(dir, 'dist', 'cdn'), { recursive: true });
const appHtml = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
writeFileSync(
  join(dir, 'dist', 'cdn.html'),
  appHtml.replace(
    /<script type="module"[^>]*><\/script>/,
    `<script type="module">
      import '/cdn/chronos.js';
      const map = document.querySelector('chronos-choropleth');
      map.api = new URLSearchParams(location.search).get('api');
    </script>`,
  ),
);

const harness = await startHarness();
const port = await freePort();
const preview = await startServer(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  dir,
  `http://127.0.0.1:${port}/`,
);

/** Milliseconds from navigation to the first `chronos-load` (regions painted with data), cache disabled. */
async function firstPaint(browser: Browser, path: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1000, height: 800 });
    await page.setCacheEnabled(false);
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { loaded: Promise<number> }).loaded = new Promise((resolve) =>
        window.addEventListener('chronos-load', () => resolve(performance.now()), { once: true }),
      );
    });
    await page.goto(harness.pageUrl(`http://127.0.0.1:${port}`, path));
    return (await page.evaluate('window.loaded')) as number;
  } finally {
    await page.close();
  }
}

try {
  await firstPaint(harness.browser, '/');
  await firstPaint(harness.browser, '/cdn.html');
  const vite: number[] = [];
  const cdn: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    vite.push(await firstPaint(harness.browser, '/'));
    cdn.push(await firstPaint(harness.browser, '/cdn.html'));
  }
  const paint = median(vite);
  const paintCdn = median(cdn);
  recordFigure({
    bench: BENCH,
    figure: 'Vite consumer first coloured paint (median)',
    value: paint,
    unit: 'ms',
    baseline: 'CDN page (dist/cdn/chronos.js)',
    baselineValue: paintCdn,
    goal: '≤ 1.1× CDN page',
    pass: paint <= 1.1 * paintCdn,
  });
} finally {
  await preview.stop();
  await harness.close();
}
