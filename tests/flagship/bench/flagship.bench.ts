// `pnpm bench flagship`: the flagship's geospatial page (built Next.js site, `next start`) against the plain
// html example (the page `npm start` serves at /, one script tag), both on the same test server, each load
// in a fresh browser context (cold cache), rounds alternating, medians compared: first contentful paint and
// first coloured map (`chronos-load`: the regions are on the canvas); the flagship's cumulative layout
// shift; and the JavaScript (gzip) the flagship ships before the map starts (the MapLibre chunk's request).
import { gzipSync } from 'node:zlib';
import { median, recordFigure } from '@chronos/devkit/bench-record';
import { startBackend } from '@chronos/test-support/backend';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, mapSettled, regionsColoured, watched, watchedPage } from '../src/browser.ts';
import { ensureSiteBuilt, startSite } from '../src/site.ts';

const BENCH = 'flagship';
const ROUNDS = 5;
const KB = 1024;

interface Load {
  fcp: number;
  mapLoaded: number;
  layoutShift: number;
  /** gzip bytes of the scripts whose response arrived before MapLibre was requested. */
  jsBeforeMap: number;
}

async function measure(browser: Browser, url: string): Promise<Load> {
  const context = await browser.createBrowserContext();
  const { page } = await watchedPage(context);
  try {
    const scripts: Promise<number>[] = [];
    let mapStarted = false;
    page.on('request', (request) => {
      if (/maplibre/i.test(request.url()) && request.resourceType() === 'script') mapStarted = true;
    });
    page.on('response', (response) => {
      if (mapStarted || response.request().resourceType() !== 'script') return;
      scripts.push(
        response
          .buffer()
          .then((body) => gzipSync(body, { level: 9 }).length)
          .catch(() => 0),
      );
    });
    await page.evaluateOnNewDocument(() => {
      window.addEventListener('chronos-load', () => {
        (window as unknown as { mapLoadedAt: number }).mapLoadedAt ??= performance.now();
      });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const events = await mapSettled(page);
    if (events[0]?.type !== 'chronos-load') throw new Error(`${url}: ${JSON.stringify(events)}`);
    const coloured = await regionsColoured(page);
    if (!coloured.ok) throw new Error(`${url}: the map is not coloured: ${coloured.seen}`);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      mapLoaded: (window as unknown as { mapLoadedAt: number }).mapLoadedAt,
    }));
    const { layoutShift } = await watched(page);
    return { ...timing, layoutShift, jsBeforeMap: (await Promise.all(scripts)).reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

await ensureSiteBuilt();
const backend = await startBackend();
const site = await startSite(backend.url);
const browser = await launchBrowser();
try {
  const flagshipUrl = `${site.url}/analytics/geospatial?metric=unemployment`;
  const htmlUrl = `${backend.url}/`;
  // One warm-up load of each (server-side caches, Next's first render), not counted.
  await measure(browser, flagshipUrl);
  await measure(browser, htmlUrl);
  const flagship: Load[] = [];
  const html: Load[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    flagship.push(await measure(browser, flagshipUrl));
    html.push(await measure(browser, htmlUrl));
  }
  const med = (loads: Load[], key: keyof Load) => median(loads.map((load) => load[key]));
  for (const [key, figure] of [
    ['fcp', 'geospatial page first contentful paint'],
    ['mapLoaded', 'geospatial page first coloured map (chronos-load)'],
  ] as const) {
    const value = med(flagship, key);
    const baselineValue = med(html, key);
    recordFigure({
      bench: BENCH,
      figure,
      value,
      unit: 'ms',
      baseline: 'html example',
      baselineValue,
      goal: '≤ 1.2× html example',
      pass: value <= 1.2 * baselineValue,
    });
  }
  const shift = Math.max(...flagship.map((load) => load.layoutShift));
  recordFigure({
    bench: BENCH,
    figure: 'geospatial page cumulative layout shift (worst load)',
    value: shift,
    unit: '',
    goal: '< 0.02',
    pass: shift < 0.02,
  });
  const js = med(flagship, 'jsBeforeMap') / KB;
  recordFigure({
    bench: BENCH,
    figure: 'geospatial page JS before the map starts (gzip)',
    value: js,
    unit: 'KB',
    baseline: 'html example',
    baselineValue: med(html, 'jsBeforeMap') / KB,
    goal: '≤ 250 KB',
    pass: js <= 250,
  });
} finally {
  await browser.close();
  await site.stop();
  await backend.close();
}
