// The demo page (examples/html) as `npm start` serves it at / (the real server, production mode): one
// script tag, two maps with different metrics and themes that both draw in colour, the time slider and the
// legend linked to them, and the copy-paste snippet that a reader copies with one click.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordMapEvents, waitForClassPixels, waitForLoads } from '@chronos/test-support/map-page';
import type { Browser } from 'puppeteer-core';
import { embeddingSuite } from './testing/browser.ts';
import type { EmbeddingStack } from './testing/stack.ts';

describe('the demo page at /', () => {
  let stack: EmbeddingStack;
  let browser: Browser;
  embeddingSuite((started) => {
    ({ stack, browser } = started);
  });

  test('both maps reach chronos-load and colour their regions; the snippet copies with this server in it', async () => {
    const context = await browser.createBrowserContext();
    await context.overridePermissions(stack.local, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    await page.setViewport({ width: 1280, height: 1000 });
    try {
      await recordMapEvents(page);
      await page.goto(`${stack.local}/`, { waitUntil: 'load' });
      const scripts = await page.$$eval('script[src]', (elements) =>
        elements.map((element) => element.getAttribute('src')),
      );
      assert.deepEqual(
        scripts.filter((src) => src?.includes('chronos')),
        ['/cdn/chronos.js'],
        'one script tag',
      );

      await waitForLoads(page, 2);
      // Both maps (the time series under the first may report its own load too).
      await page.waitForFunction(() => {
        const { loads } = (window as unknown as { __mapEvents: { loads: string[] } }).__mapEvents;
        return loads.includes('unemployment') && loads.includes('employment');
      });
      const metrics = await page.$$eval('chronos-choropleth', (maps) =>
        maps.map((map) => `${map.getAttribute('metric')} ${map.getAttribute('theme')}`),
      );
      assert.deepEqual(metrics, ['unemployment light', 'employment-rate dark']);
      for (const id of ['unemployment', 'employment']) {
        const { counts, area } = await waitForClassPixels(page, `#${id}`, { classes: 4, share: 0.05 });
        const coloured = counts.reduce((sum, count) => sum + count, 0);
        assert.ok(
          counts.filter((count) => count > 300).length >= 4,
          `#${id}: classes on the map ${counts.join(', ')} px`,
        );
        assert.ok(coloured > area * 0.05, `#${id}: ${coloured} of ${area} px coloured`);
      }

      // The time slider took the first map's months and its month; the keyboard on it moves the map back one.
      const mapTime = () => page.$eval('#unemployment', (map) => (map as unknown as { time: string }).time);
      // (The map's `time` is `latest` until then: the slider shows the period the map's data is for.)
      const handle = await page.waitForFunction(() => {
        const map = document.querySelector('#unemployment') as unknown as { loadedData?: { time: string } };
        const slider = document.querySelector('chronos-time-slider[for="unemployment"]') as unknown as {
          value?: string;
        };
        return slider?.value && map.loadedData?.time.startsWith(slider.value) ? slider.value : false;
      });
      const latest = (await handle.jsonValue()) as string;
      await page.focus('chronos-time-slider >>> input[type="range"]');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(
        (time) => {
          const map = document.querySelector('#unemployment') as unknown as { time: string };
          return map.time !== 'latest' && map.time !== time;
        },
        {},
        latest,
      );
      assert.ok((await mapTime()) < latest, `the map went back from ${latest} to ${await mapTime()}`);
      // The dark map's legend outside it lists its classes.
      const entries = await page.$eval(
        'chronos-legend[for="employment"]',
        (legend) => legend.shadowRoot!.querySelectorAll('[part~="item"]').length,
      );
      assert.ok(entries >= 4, `${entries} entries in the linked legend`);

      await page.click('#copy');
      await page.waitForFunction(() => document.querySelector('#copy')?.textContent === 'Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(
        copied,
        `<script type="module" src="${stack.local}/cdn/chronos.js"></script>\n<chronos-choropleth metric="unemployment"></chronos-choropleth>`,
      );
    } finally {
      await context.close();
    }
  });
});
