// The built Storybook as a reader opens it: `build-storybook` succeeds, and built stories served from a
// plain static server render in Chromium with no API behind them (recorded answers from the mock service
// worker): a coloured map, values from the page with no API request, the server's refusal shown, a time
// series' lines, a time slider driving a map that loads; and no story's API request missed the mock worker.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { recordMapEvents, waitForClassPixels, waitForLoads } from '@chronos/test-support/map-page';
import { type StaticServer, serveStatic } from './static-server.ts';

const storiesDir = join(import.meta.dirname, '..');
const built = join(storiesDir, 'storybook-static');

/** Everything the built site is made from: the stories package's own files and the builds it reads. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else hash.update(path).update(readFileSync(path));
  };
  for (const input of ['src', '.storybook', 'fixtures', 'public', 'package.json']) visit(join(storiesDir, input));
  // The widgets' and tiles' builds are stamped when they change (scripts/prepare.ts rebuilds them first).
  for (const name of ['@chronos/widgets', '@chronos/tiles']) {
    visit(join(dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`))), 'dist', '.build-stamp'));
  }
  visit(join(storiesDir, '..', 'pnpm-lock.yaml'));
  return hash.digest('hex');
}

/**
 * `pnpm run build-storybook`, skipped when storybook-static was built from the same inputs (a stamp in it
 * holds their hash): the build takes 8 s on a quiet machine and over a minute on a busy one.
 */
function buildStorybook(): void {
  const prepared = spawnSync(process.execPath, ['scripts/prepare.ts'], { cwd: storiesDir, encoding: 'utf8' });
  assert.equal(prepared.status, 0, `building the widgets failed:\n${prepared.stdout}\n${prepared.stderr}`);
  const stamp = join(built, '.inputs-hash');
  const hash = inputsHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    process.stdout.write('  build-storybook: inputs unchanged since the last build, reused\n');
    return;
  }
  const result = spawnSync('pnpm', ['run', 'build-storybook'], { cwd: storiesDir, encoding: 'utf8' });
  assert.equal(result.status, 0, `build-storybook failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(stamp, hash);
}

describe('the built Storybook', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const started = performance.now();
    buildStorybook();
    process.stdout.write(`  build-storybook: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    server = await serveStatic(built);
    browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openStory(id: string): Promise<{ page: Page; apiRequests: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await page.setViewport({ width: 1000, height: 800 });
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.includes('/api/')) apiRequests.push(request.url());
    });
    await recordMapEvents(page);
    await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
    return { page, apiRequests };
  }

  test('lists every story of the choropleth, with args tables from custom-elements.json', () => {
    const index = JSON.parse(readFileSync(join(built, 'index.json'), 'utf8')) as {
      entries: Record<string, { title: string; name: string; type: string }>;
    };
    const names = Object.values(index.entries)
      .filter((entry) => entry.title === 'Elements/Choropleth' && entry.type === 'story')
      .map((entry) => entry.name);
    for (const expected of ['Default', 'Dark', 'Loading', 'Refused: unknown key', 'Data without an API', 'French']) {
      assert.ok(names.includes(expected), `story "${expected}" missing from ${names.join(', ')}`);
    }
    // The args tables read the manifest at run time: its descriptions are in the built preview.
    const assets = readdirSync(join(built, 'assets')).filter((file) => file.endsWith('.js'));
    const manifestShipped = assets.some((file) =>
      readFileSync(join(built, 'assets', file), 'utf8').includes('Height of the map area (default 440px).'),
    );
    assert.ok(manifestShipped, 'custom-elements.json (its --chronos-height description) is in the built preview');
    assert.ok(existsSync(join(built, 'mockServiceWorker.js')), 'the mock service worker is served at the root');
    assert.ok(existsSync(join(built, 'tiles', 'boundaries.pmtiles')), 'the tile archives are served at /tiles');
  });

  test('the default story draws a coloured map from the recorded API', async () => {
    const { page } = await openStory('elements-choropleth--default');
    try {
      await waitForLoads(page, 1);
      const { colours, counts, area } = await waitForClassPixels(page, 'chronos-choropleth', {
        classes: 4,
        share: 0.05,
      });
      assert.equal(colours.length, 5, `five legend classes, got ${colours.join(' ')}`);
      const shown = counts.filter((count) => count > 300).length;
      assert.ok(shown >= 4, `at least four classes coloured on the map, got ${counts.join(', ')} px`);
      const coloured = counts.reduce((sum, count) => sum + count, 0);
      assert.ok(coloured > area * 0.05, `regions coloured: ${coloured} of ${area} px`);
    } finally {
      await page.close();
    }
  });

  test('values from the page draw with no API request at all', async () => {
    const { page, apiRequests } = await openStory('elements-choropleth--data-without-api');
    try {
      await waitForLoads(page, 1);
      const { counts } = await waitForClassPixels(page, 'chronos-choropleth', { classes: 3, share: 0 });
      assert.ok(counts.filter((count) => count > 100).length >= 3, `classes coloured: ${counts.join(', ')} px`);
      assert.deepEqual(apiRequests, []);
    } finally {
      await page.close();
    }
  });

  test('a refused key shows the server’s recorded reason, without a retry button', async () => {
    const { page } = await openStory('elements-choropleth--refused-unknown-key');
    try {
      const error = await page.waitForFunction(() => {
        const events = (window as unknown as { __mapEvents: { errors: { kind: string; code?: string }[] } })
          .__mapEvents;
        return events.errors.find((event) => event.kind === 'access');
      });
      assert.equal(((await error.jsonValue()) as { code: string }).code, 'unknown_key');
      const panel = await page.waitForFunction(
        () => document.querySelector('chronos-choropleth')?.shadowRoot?.querySelector('[part~="error"]')?.textContent,
      );
      assert.match(String(await panel.jsonValue()), /Unknown publishable key pk_00000000…: no such key exists/);
      const retry = await page.evaluate(
        () => !!document.querySelector('chronos-choropleth')!.shadowRoot!.querySelector('[part~="retry-button"]'),
      );
      assert.equal(retry, false);
    } finally {
      await page.close();
    }
  });

  test('the French story formats dates and numbers in French', async () => {
    const { page } = await openStory('elements-choropleth--french');
    try {
      await waitForLoads(page, 1);
      const table = await page.evaluate(
        () => document.querySelector('chronos-choropleth')!.shadowRoot!.querySelector('[part~="table"]')!.textContent,
      );
      assert.match(String(table), /septembre 2025/);
      assert.match(String(table), /\d,\d\s%/, 'values with a decimal comma and a space before %');
    } finally {
      await page.close();
    }
  });

  test('the time series story draws one line per region, through every recorded period', async () => {
    const { page } = await openStory('elements-time-series--several-regions');
    try {
      const lines = await page.waitForFunction(() => {
        const root = document.querySelector('chronos-timeseries')?.shadowRoot;
        const paths = [...(root?.querySelectorAll('path[part~="line"]') ?? [])].map(
          (path) => path.getAttribute('d') ?? '',
        );
        // An error panel ends the wait at once (with its text) instead of after the timeout.
        const error = root?.querySelector('[part~="error"]')?.textContent;
        return paths.length > 0 ? paths : error ? { error } : undefined;
      });
      const paths = (await lines.jsonValue()) as string[] | { error: string };
      assert.ok(Array.isArray(paths), `the chart shows an error instead of lines: ${JSON.stringify(paths)}`);
      assert.equal(paths.length, 4, 'US-CA, US-TX, CA-ON and CA-QC each get a line');
      for (const d of paths) {
        // M x,y then L x,y per further point: the recorded series have 48 monthly values per region.
        const points = d.match(/[ML]-?[\d.]+,-?[\d.]+/g) ?? [];
        assert.equal(points.length, 48, `a line through 48 months, got ${points.length} points in ${d.slice(0, 80)}…`);
      }
      const legend = await page.evaluate(
        () => document.querySelector('chronos-timeseries')!.shadowRoot!.querySelector('[part~="legend"]')!.textContent,
      );
      for (const name of ['California', 'Texas', 'Ontario', 'Quebec']) assert.match(String(legend), new RegExp(name));
    } finally {
      await page.close();
    }
  });

  test('the time slider story renders its range and its map reaches chronos-load', async () => {
    const { page } = await openStory('elements-time-slider--linked-to-a-map');
    try {
      const events = await waitForLoads(page, 1);
      assert.ok(
        events.loads.some((id) => id.startsWith('slider-map-')),
        `the linked map loaded: ${events.loads.join(', ')}`,
      );
      // Until its periods arrive the range's text is a status; then the period's name.
      const range = await page.waitForFunction(() => {
        const input = document
          .querySelector('chronos-time-slider')
          ?.shadowRoot?.querySelector<HTMLInputElement>('input[type="range"]');
        const text = input?.getAttribute('aria-valuetext') ?? '';
        return input && /\d{4}$/.test(text) ? { text, min: input.min, max: input.max, value: input.value } : undefined;
      });
      const { text, min, max, value } = (await range.jsonValue()) as Record<string, string>;
      // The map's periods: October 2021 to September 2025, the slider on the latest, as the map is.
      assert.equal(text, 'September 2025');
      assert.equal(Number(max) - Number(min), 47, 'the slider steps through the 48 recorded months');
      assert.equal(value, max);
    } finally {
      await page.close();
    }
  });

  // Every story above fetched its data from the mock service worker: had a page's first API request gone
  // out before the worker controlled the page, it would have reached the static server (a 404 there). Tiles
  // included: a request the worker lets through (a page closing mid-request) must name a real file.
  test('no story request reached the static server for a file it does not have (no stray 404)', () => {
    assert.deepEqual(
      // The browser asks for /favicon.ico on its own; no story does.
      server.notFound.filter((path) => path !== '/favicon.ico'),
      [],
    );
  });
});
