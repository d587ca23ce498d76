// A news site embeds Chronos as the README says: the CDN script tag from the API server and a
// <chronos-choropleth api-key="pk_…">, on its own origin (http://news.example:<port>, not loopback),
// against the real server in production mode on PostgreSQL. It must get a coloured choropleth over a
// basemap; a page that is refused must be able to read why.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { embeddingSuite } from './testing/browser.ts';
import { mapColours, type Rgb } from './testing/pixels.ts';
import type { EmbeddingStack } from './testing/stack.ts';

/** What these tests read of an element's MapLibre map (element.map) inside the page. */
interface PageMap {
  getStyle(): { layers?: { source?: string }[] };
  loaded(): boolean;
  areTilesLoaded(): boolean;
  getCanvas(): HTMLCanvasElement;
  project(lngLat: [number, number]): { x: number; y: number };
}

// Points outside every region (Pacific, Gulf of Mexico, Atlantic, Mexico) and inside some regions.
const OUTSIDE: [number, number][] = [
  [-132, 36],
  [-90, 25.5],
  [-62, 34],
  [-103, 23],
];
const INSIDE: [number, number][] = [
  [-98.5, 38.5], // Kansas
  [-99.5, 31.5], // Texas
  [-106, 54], // Saskatchewan
  [-89.5, 40], // Illinois
];

const close = (a: Rgb, b: Rgb, tolerance = 6) => a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);

describe('a third-party page embedding Chronos with a publishable key', () => {
  let stack: EmbeddingStack;
  let browser: Browser;
  embeddingSuite((started) => {
    ({ stack, browser } = started);
  });

  /** Opens a page, collecting failed requests and the answers for tile archives. */
  async function open(url: string): Promise<{
    page: Page;
    failed: string[];
    tiles: { url: string; status: number }[];
    /** Rejects as soon as a tile archive answers with an error (so a refused basemap fails fast). */
    tileRefused: Promise<never>;
  }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    const failed: string[] = [];
    const tiles: { url: string; status: number }[] = [];
    let refuse: (error: Error) => void = () => {};
    const tileRefused = new Promise<never>((_, reject) => {
      refuse = reject;
    });
    tileRefused.catch(() => {});
    page.on('requestfailed', (request) => {
      failed.push(`${request.method()} ${request.url()} (${request.failure()?.errorText})`);
      if (request.url().includes('/tiles/')) refuse(new Error(`a tile request failed: ${failed.at(-1)}`));
    });
    page.on('response', (response) => {
      if (!response.url().includes('/tiles/')) return;
      tiles.push({ url: response.url(), status: response.status() });
      if (response.status() >= 400) refuse(new Error(`${response.url()} answered ${response.status()}`));
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, failed, tiles, tileRefused };
  }

  test('the basemap and the choropleth both draw: tiles answer 206, basemap pixels outside the regions', async () => {
    const url = stack.page(
      '/keyed.html',
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News</title>
<script type="module" src="${stack.api}/cdn/chronos.js"></script>
<style>chronos-choropleth { display: block; width: 800px; height: 500px; }</style></head>
<body>
<chronos-choropleth id="with" api="${stack.api}" api-key="${stack.key}" metric="unemployment"></chronos-choropleth>
<chronos-choropleth id="without" api="${stack.api}" api-key="${stack.key}" metric="unemployment" basemap="none"></chronos-choropleth>
<script>
  // Set before the module upgrades the elements: readable canvases, and what happened to each map.
  for (const element of document.querySelectorAll('chronos-choropleth')) {
    element.mapOptions = { canvasContextAttributes: { preserveDrawingBuffer: true } };
    element.addEventListener('chronos-load', () => { element.dataset.loaded = 'true'; });
    element.addEventListener('chronos-error', (event) => { element.dataset.error = event.detail.message; });
  }
</script>
</body></html>`,
    );
    const { page, failed, tiles, tileRefused } = await open(url);
    try {
      await page.waitForFunction(() =>
        [...document.querySelectorAll('chronos-choropleth')].every(
          (element) => (element as HTMLElement).dataset.loaded || (element as HTMLElement).dataset.error,
        ),
      );
      const errors = await page.$$eval('chronos-choropleth', (elements) =>
        elements.map((element) => (element as HTMLElement).dataset.error ?? null),
      );
      assert.deepEqual(errors, [null, null], 'no chronos-error');
      // The basemap is added once its archive's header has been read; wait until its layers are drawn.
      const basemapDrawn = page.waitForFunction(() => {
        const map = (document.getElementById('with') as unknown as { map?: PageMap }).map;
        return (
          map !== undefined &&
          (map.getStyle().layers ?? []).some((layer) => layer.source === 'chronos-basemap') &&
          map.loaded() &&
          map.areTilesLoaded()
        );
      });
      await Promise.race([basemapDrawn, tileRefused]);

      const basemapAnswers = tiles.filter((tile) => tile.url.includes('/tiles/basemap.pmtiles'));
      assert.ok(basemapAnswers.length > 0, 'the page asked for basemap tiles');
      assert.ok(
        basemapAnswers.every((tile) => tile.status === 206 || tile.status === 200),
        JSON.stringify(basemapAnswers),
      );
      assert.ok(basemapAnswers.some((tile) => tile.status === 206));
      assert.deepEqual(failed, [], 'no request failed (CORS or otherwise)');

      const points = [...OUTSIDE, ...INSIDE];
      const colours = {
        with: await mapColours(page, 'with', points),
        without: await mapColours(page, 'without', points),
      };
      const outside = OUTSIDE.map((_, i) => ({
        with: colours.with[i]!,
        without: colours.without[i]!,
      }));
      const inside = INSIDE.map((_, i) => ({
        with: colours.with[OUTSIDE.length + i]!,
        without: colours.without[OUTSIDE.length + i]!,
      }));
      const visibleOutside = outside.filter((pair) => pair.with && pair.without);
      assert.ok(visibleOutside.length >= 2, `points outside the regions in view: ${JSON.stringify(outside)}`);
      // Without a basemap every point outside the regions is one flat background colour…
      const flat = visibleOutside[0]!.without!;
      for (const pair of visibleOutside) assert.ok(close(pair.without!, flat), JSON.stringify(outside));
      // …with it, water and land are drawn there.
      const drawn = visibleOutside.filter((pair) => !close(pair.with!, pair.without!));
      assert.equal(drawn.length, visibleOutside.length, `basemap pixels: ${JSON.stringify(outside)}`);

      const visibleInside = inside.filter((pair) => pair.with && pair.without);
      assert.ok(visibleInside.length >= 3, `regions in view: ${JSON.stringify(inside)}`);
      // The choropleth is coloured: regions differ from the background, and not all alike.
      for (const pair of visibleInside) {
        assert.ok(!close(pair.without!, flat), `region coloured: ${JSON.stringify(inside)}`);
        assert.ok(!close(pair.with!, flat));
      }
      const distinct = new Set(visibleInside.map((pair) => pair.without!.join(',')));
      assert.ok(distinct.size >= 2, `several classes shown: ${JSON.stringify(inside)}`);
    } finally {
      await page.close();
    }
  });

  test('refusals are readable from page script: status, code, a message for the site owner, Retry-After', async () => {
    const url = stack.page(
      '/refused.html',
      '<!doctype html><html lang="en"><title>Refused</title><body></body></html>',
    );
    const { page } = await open(url);
    try {
      const answers = await page.evaluate(
        async ({ api, otherSiteKey, limitedKey }) => {
          const data = `${api}/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces`;
          const read = async (target: string) => {
            try {
              // no-store: the second rate-limited request must reach the server, not the HTTP cache.
              const response = await fetch(target, { cache: 'no-store' });
              return {
                status: response.status,
                retryAfter: response.headers.get('retry-after'),
                body: (await response.json()) as { code?: string; message: string; statusCode: number },
              };
            } catch (error) {
              return { failed: String(error) };
            }
          };
          const unknown = `pk_${'z'.repeat(32)}`;
          return {
            noKey: await read(data),
            unknownKey: await read(`${data}&key=${unknown}`),
            otherSite: await read(`${data}&key=${otherSiteKey}`),
            limitedFirst: await read(`${data}&key=${limitedKey}`),
            limitedSecond: await read(`${data}&key=${limitedKey}`),
          };
        },
        { api: stack.api, otherSiteKey: stack.otherSiteKey, limitedKey: stack.limitedKey },
      );
      const origin = stack.pageOrigin.replaceAll('.', '\\.');
      assert.equal(answers.noKey.status, 403, JSON.stringify(answers.noKey));
      assert.equal(answers.noKey.body?.code, 'key_required');
      assert.match(
        answers.noKey.body!.message,
        new RegExp(`Origin ${origin} is not allowed without a publishable key`),
      );
      assert.equal(answers.unknownKey.status, 403, JSON.stringify(answers.unknownKey));
      assert.equal(answers.unknownKey.body?.code, 'unknown_key');
      assert.match(answers.unknownKey.body!.message, /^Unknown publishable key pk_zzzzzzzz…/);
      assert.equal(answers.otherSite.status, 403, JSON.stringify(answers.otherSite));
      assert.equal(answers.otherSite.body?.code, 'origin_not_allowed');
      assert.match(
        answers.otherSite.body!.message,
        new RegExp(`is not allowed on ${origin}: it is bound to https://other-site\\.example`),
      );
      assert.equal(answers.limitedFirst.status, 200, JSON.stringify(answers.limitedFirst));
      assert.equal(answers.limitedSecond.status, 429, JSON.stringify(answers.limitedSecond));
      assert.equal(answers.limitedSecond.body?.code, 'rate_limited');
      assert.ok(Number(answers.limitedSecond.retryAfter) > 0, 'Retry-After is readable');
      assert.match(answers.limitedSecond.body!.message, new RegExp(`retry in ${answers.limitedSecond.retryAfter} s`));
    } finally {
      await page.close();
    }
  });

  /** A page with one map using `key`; the page records every chronos-error detail. */
  function mapPage(path: string, key: string): string {
    return stack.page(
      path,
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Refused map</title>
<script type="module" src="${stack.api}/cdn/chronos.js"></script></head>
<body>
<chronos-choropleth api="${stack.api}" api-key="${key}" metric="unemployment" style="display:block;width:400px;height:300px"></chronos-choropleth>
<script>
  window.chronosErrors = [];
  document.addEventListener('chronos-error', (event) => { window.chronosErrors.push(event.detail); });
</script>
</body></html>`,
    );
  }

  /** The first chronos-error detail, and what the element shows: headline, message, Retry button. */
  async function refusal(page: Page): Promise<{
    detail: { kind: string; status?: number; code?: string; retryAfter?: number; message: string };
    headline: string | null;
    text: string;
    retry: boolean;
  }> {
    await page.waitForFunction(() => (window as unknown as { chronosErrors: unknown[] }).chronosErrors.length > 0);
    await page.waitForFunction(() =>
      document.querySelector('chronos-choropleth')!.shadowRoot!.querySelector('[part="error"]'),
    );
    return page.evaluate(() => {
      const root = document.querySelector('chronos-choropleth')!.shadowRoot!;
      return {
        detail: (window as unknown as { chronosErrors: never[] }).chronosErrors[0]!,
        headline: root.querySelector('[part="error-headline"]')?.textContent ?? null,
        text: root.querySelector('[part="error"]')!.textContent!,
        retry: root.querySelector('[part="retry-button"]') !== null,
      };
    });
  }

  test("a map with another site's key says so in the element and in chronos-error, with no Retry button", async () => {
    const { page } = await open(mapPage('/wrong-key.html', stack.otherSiteKey));
    try {
      const shown = await refusal(page);
      const origin = stack.pageOrigin.replaceAll('.', '\\.');
      assert.equal(shown.detail.kind, 'access', JSON.stringify(shown.detail));
      assert.equal(shown.detail.code, 'origin_not_allowed');
      assert.equal(shown.detail.status, 403);
      assert.match(shown.detail.message, new RegExp(`is not allowed on ${origin}`));
      assert.doesNotMatch(shown.detail.message, /Failed to fetch|could not reach/);
      assert.equal(shown.headline, `This key is not allowed on ${stack.pageOrigin}.`);
      assert.match(shown.text, /it is bound to https:\/\/other-site\.example/);
      assert.equal(shown.retry, false, 'retrying cannot help a key bound to another site');
    } finally {
      await page.close();
    }
  });

  test('an unknown key is named as such in the element', async () => {
    const { page } = await open(mapPage('/unknown-key.html', `pk_${'q'.repeat(32)}`));
    try {
      const shown = await refusal(page);
      assert.equal(shown.detail.kind, 'access', JSON.stringify(shown.detail));
      assert.equal(shown.detail.code, 'unknown_key');
      assert.match(shown.headline ?? '', /^Unknown key/);
      assert.equal(shown.retry, false);
    } finally {
      await page.close();
    }
  });

  test('a rate-limited key: "Rate limited: retrying in N s" in the element, Retry offered', async () => {
    // One request a minute: the map needs two (boundaries and values), so one is refused whatever ran before.
    const { page } = await open(mapPage('/limited.html', stack.limitedKey));
    try {
      const shown = await refusal(page);
      assert.equal(shown.detail.kind, 'rate-limit', JSON.stringify(shown.detail));
      assert.equal(shown.detail.code, 'rate_limited');
      assert.ok((shown.detail.retryAfter ?? 0) > 10, JSON.stringify(shown.detail));
      assert.match(shown.headline ?? '', /^Rate limited: retrying in \d+ s\.$/);
      assert.equal(shown.retry, true);
    } finally {
      await page.close();
    }
  });
});
