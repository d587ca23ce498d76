// Real browser test: Chromium (WebGL through SwiftShader) renders the built archives with MapLibre and
// the Protomaps light style through pmtiles://, served with HTTP Range; assertions are on pixels.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { RangeServer } from '../testing/range-server.ts';
import { CHROMIUM_ARGS, chromiumPath, startRenderServer } from '../testing/render-server.ts';
import { build } from './build.ts';
import { serverBoundariesFile } from '../testing/boundaries.ts';

type Rgba = [number, number, number, number];
/** What the test page exposes (src/testing/render-page.html); evaluated in the page as globalThis.chronosTest. */
interface TestPage {
  chronosTest: {
    ready: Promise<{ errors: string[] }>;
    pixel(lon: number, lat: number, dx?: number, dy?: number): Rgba;
    strip(lon: number, lat: number, axis: 'x' | 'y', reach: number): Rgba[];
    setLayerVisible(id: string, visible: boolean): Promise<void>;
    view(lon: number, lat: number, zoom: number): Promise<void>;
    highlight(code: string, on: boolean): Promise<void>;
    renderedCodes(): string[];
    showLabels(): Promise<string[]>;
    errors(): string[];
  };
}

// Colours of the @protomaps/basemaps light flavor, and of the test page's own layers.
const EARTH: Rgba = [0xe2, 0xdf, 0xda, 255];
const WATER: Rgba = [0x80, 0xde, 0xea, 255];
const HIGHLIGHT: Rgba = [0, 0, 255, 255];

function near(actual: Rgba, expected: Rgba, tolerance = 6): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);
}
const isRed = ([r, g, b]: Rgba) => r > 180 && g < 120 && b < 120;

const dir = mkdtempSync(join(tmpdir(), 'chronos-tiles-render-'));
let server: RangeServer;
let browser: Browser;
let page: Page;
let ready: { errors: string[] };

before(async () => {
  await build({ boundaries: serverBoundariesFile, outDir: dir, log: null });
  server = await startRenderServer(dir);
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/`);
  ready = await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.ready);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('basemap.pmtiles + boundaries.pmtiles in MapLibre (Chromium, pmtiles://, Protomaps light)', () => {
  test('loads through Range requests without errors', () => {
    assert.deepEqual(ready.errors, []);
    assert.ok((server.counts.get('/archives/basemap.pmtiles') ?? 0) >= 2, 'basemap was read');
    assert.ok((server.counts.get('/archives/boundaries.pmtiles') ?? 0) >= 2, 'boundaries were read');
  });

  test('land is drawn in the earth colour and the sea in the water colour', async () => {
    const at = (lon: number, lat: number) =>
      page.evaluate(([x, y]) => (globalThis as unknown as TestPage).chronosTest.pixel(x!, y!), [lon, lat]);
    for (const [name, lon, lat] of [
      ['Kansas', -99.5, 38.5],
      ['Saskatchewan', -106, 54],
      ['Quebec', -72, 52],
    ] as const)
      assert.ok(near(await at(lon, lat), EARTH), `${name} is land: ${await at(lon, lat)}`);
    for (const [name, lon, lat] of [
      ['the Pacific', -135, 35],
      ['the Gulf of Mexico', -90, 25],
      ['Hudson Bay', -86, 59],
      ['the Atlantic', -60, 35],
    ] as const)
      assert.ok(near(await at(lon, lat), WATER), `${name} is water: ${await at(lon, lat)}`);
  });

  test('region borders from boundaries.pmtiles are drawn where states and provinces meet', async () => {
    const strip = (lon: number, lat: number, axis: 'x' | 'y') =>
      page.evaluate(
        ([x, y, a]) =>
          (globalThis as unknown as TestPage).chronosTest.strip(x as number, y as number, a as 'x' | 'y', 5),
        [lon, lat, axis],
      );
    for (const [name, lon, lat, axis] of [
      ['Kansas–Colorado', -102.05, 38.5, 'x'],
      ['Kansas–Nebraska', -99, 40, 'y'],
      ['Ontario–Manitoba', -95.15, 52, 'x'],
      ['Saskatchewan–Alberta', -110, 54, 'x'],
    ] as const) {
      const pixels = await strip(lon, lat, axis);
      assert.ok(pixels.some(isRed), `${name} border is drawn: ${JSON.stringify(pixels)}`);
    }
    const inside = await page.evaluate(() =>
      (globalThis as unknown as TestPage).chronosTest.strip(-98.5, 38.7, 'x', 5),
    );
    assert.ok(!inside.some(isRed), 'no border line in the middle of Kansas');
    const codes = await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.renderedCodes());
    for (const code of ['US-KS', 'US-CA', 'CA-ON', 'CA-QC']) assert.ok(codes.includes(code), `${code} is rendered`);
  });

  test("the basemap's own country border (Protomaps boundaries layer) is drawn on the 49th parallel", async () => {
    await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.setLayerVisible('region-borders', false));
    try {
      const pixels = await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.strip(-100, 49, 'y', 5));
      assert.ok(
        pixels.some((rgba) => rgba[0] < EARTH[0] - 15 && rgba[1] < EARTH[1] - 15 && !isRed(rgba)),
        `a grey border line crosses: ${JSON.stringify(pixels)}`,
      );
      const plain = await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.pixel(-100, 47.5));
      assert.ok(near(plain, EARTH), 'away from the border it is plain land');
    } finally {
      await page.evaluate(() =>
        (globalThis as unknown as TestPage).chronosTest.setLayerVisible('region-borders', true),
      );
    }
  });

  test("feature-state addresses a region by its code (promoteId: 'code')", async () => {
    await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.highlight('US-KS', true));
    assert.ok(
      near(await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.pixel(-98.5, 38.5)), HIGHLIGHT, 2),
      'Kansas turns blue',
    );
    assert.ok(
      near(await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.pixel(-99.5, 41.5)), EARTH),
      'Nebraska does not',
    );
    await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.highlight('US-KS', false));
    assert.ok(
      near(await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.pixel(-98.5, 38.5)), EARTH),
    );
  });

  test('at z2 the far north is whole: no bands of sea across land or of land across the sea, and land east of 50°W', async () => {
    // Land rings that stepped across the antimeridian wrapped a strip round the world at 64–71°N, and
    // bounds from z7 alone (North America) left everything east of 47.8°W without tiles.
    const view = (lon: number, lat: number, zoom: number) =>
      page.evaluate(([x, y, z]) => (globalThis as unknown as TestPage).chronosTest.view(x!, y!, z!), [lon, lat, zoom]);
    const at = (lon: number, lat: number) =>
      page.evaluate(([x, y]) => (globalThis as unknown as TestPage).chronosTest.pixel(x!, y!), [lon, lat]);
    await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.setLayerVisible('region-borders', false));
    try {
      for (const [center, land, sea] of [
        [
          [-100, 60],
          [
            ['Anchorage', -149.9, 61.2],
            ['Whitehorse', -135.1, 60.7],
            ['Winnipeg', -97.1, 49.9],
            ['Inuvik', -133.7, 68.4],
            ['the Greenland ice sheet inland from Nuuk', -49, 64.5],
            ['eastern Chukotka', -175, 66.5],
          ],
          [
            ['the Gulf of Alaska', -145, 57],
            ['the Bering Sea', -175, 58],
            ['the Beaufort Sea', -140, 71],
            ['the Davis Strait', -57, 66],
            ['the Labrador Sea', -55, 60],
          ],
        ],
        [
          [10, 60],
          [
            ['Oslo', 10.7, 59.9],
            ['Rovaniemi', 25.7, 66.5],
          ],
          [
            ['the Norwegian Sea', 0, 66],
            ['the Labrador Sea', -55, 60],
          ],
        ],
      ] as const) {
        await view(center[0], center[1], 2);
        for (const [name, lon, lat] of land)
          assert.ok(near(await at(lon, lat), EARTH), `${name} is land at z2: ${await at(lon, lat)}`);
        for (const [name, lon, lat] of sea)
          assert.ok(near(await at(lon, lat), WATER), `${name} is water at z2: ${await at(lon, lat)}`);
      }
    } finally {
      await view(-98, 45, 3); // the page's starting view, which the other tests use
      await page.evaluate(() =>
        (globalThis as unknown as TestPage).chronosTest.setLayerVisible('region-borders', true),
      );
    }
  });

  test('labels render without glyph files: country and state names are placed from local fonts', async () => {
    const placed = await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.showLabels());
    for (const name of ['Texas', 'California', 'Ontario', 'Quebec', 'Canada', 'United States of America'])
      assert.ok(placed.includes(name), `${name} label is placed: ${placed.join(', ')}`);
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as TestPage).chronosTest.errors()), []);
  });
});
