// The OpenNext build of the flagship in workerd (`wrangler dev`, the npm-shipped runtime) serves the
// geospatial and region pages from the real server's data, and the map draws in Chromium from it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Backend, startBackend } from '@chronos/test-support/backend';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, mapSettled, regionsColoured, watched, watchedPage } from './browser.ts';
import { ensureWorkerBuilt, startWorker } from './cloudflare.ts';
import type { RunningProcess } from './site.ts';

let backend: Backend | undefined;
let worker: RunningProcess | undefined;
let browser: Browser | undefined;

before(async () => {
  const seconds = await ensureWorkerBuilt();
  process.stdout.write(
    `Cloudflare toolchain install ${seconds.install.toFixed(1)} s, next build ${seconds.nextBuild.toFixed(1)} s, OpenNext bundle ${seconds.bundle.toFixed(1)} s (0: cached)\n`,
  );
  backend = await startBackend();
  worker = await startWorker(backend.url);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await worker?.stop();
  await backend?.close();
});

test('workerd serves the geospatial page, rendered from the API, with the security headers', async () => {
  const response = await fetch(`${worker!.url}/analytics/geospatial?metric=unemployment&region=US-CA`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<h1>Unemployment rate/);
  // The map is the client's (it loads after the first paint): the HTML holds its reserved box.
  assert.match(html, /<div class="map-frame">/);
  assert.match(html, /data-region="US-CA"/);
  assert.ok((html.match(/<tr data-region="/g) ?? []).length > 50, 'the values table has a row per region');
  assert.match(response.headers.get('content-security-policy') ?? '', new RegExp(`connect-src 'self' ${backend!.url}`));
  assert.equal(response.headers.get('x-frame-options'), 'DENY');
});

test('workerd serves a region page', async () => {
  const response = await fetch(`${worker!.url}/analytics/geospatial/unemployment/CA-ON`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /<h1>Unemployment rate[^<]*(<!-- -->)?: (<!-- -->)?Ontario<\/h1>/);
});

test('the page served by workerd draws a coloured map in Chromium', async () => {
  const { page, pageErrors } = await watchedPage(browser!);
  try {
    await page.goto(`${worker!.url}/analytics/geospatial?metric=unemployment`, { waitUntil: 'load', timeout: 120_000 });
    const events = await mapSettled(page);
    assert.deepEqual(
      events.map((event) => event.type),
      ['chronos-load'],
      JSON.stringify(events),
    );
    const coloured = await regionsColoured(page);
    assert.ok(coloured.ok, `regions are not in the legend's colours: ${coloured.seen}`);
    assert.deepEqual((await watched(page)).cspViolations, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});
