// The flagship site against the real server, one site and backend for every test of the file. The
// geospatial page in Chromium: a coloured map, the metric list changing map and URL without a reload, a
// region click filling the history, back restoring the previous view, no layout shift, no CSP violation, the
// map's PNG and CSV downloads.
// Without JavaScript: the region pages and the geospatial page are HTML with the values (as search
// engines and readers without scripts get them), with security headers; the sitemap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { mapSettled, regionsColoured, watched, watchedPage } from './browser.ts';
import { flagshipSuite, type Harness } from './harness.ts';

let harness: Harness;
flagshipSuite((started) => {
  harness = started;
});

interface MapElement extends HTMLElement {
  metric: string;
  time: string;
  selected?: string;
  map: { project(lngLat: [number, number]): { x: number; y: number } };
}

/** What the page shows of its view: the URL's query, the heading, the map's properties, the history. */
function pageState(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('chronos-choropleth') as unknown as MapElement;
    return {
      search: location.search,
      heading: document.querySelector('h1')?.textContent ?? '',
      metric: map.metric,
      selected: map.selected ?? null,
      historyRegion: document.querySelector('.history figure')?.getAttribute('data-region') ?? null,
      historyRows: document.querySelectorAll('.history tbody tr').length,
      marker: (window as unknown as { sameDocument?: boolean }).sameDocument ?? false,
    };
  });
}

async function openGeospatial(query: string): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await watchedPage(harness.browser);
  const response = await opened.page.goto(`${harness.site.url}/analytics/geospatial${query}`, {
    waitUntil: 'load',
    timeout: 120_000,
  });
  assert.equal(response?.status(), 200);
  const events = await mapSettled(opened.page);
  assert.deepEqual(
    events.map((event) => event.type),
    ['chronos-load'],
    JSON.stringify(events),
  );
  // Set after load: still there after a navigation only if the page did not reload.
  await opened.page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  return opened;
}

test('the geospatial page shows a coloured map with the server-rendered text, no layout shift and no CSP violation', async () => {
  const { page, pageErrors } = await openGeospatial('?metric=unemployment');
  try {
    const coloured = await regionsColoured(page);
    assert.ok(coloured.ok, `regions are not in the legend's colours: ${coloured.seen}`);
    const seen = await watched(page);
    assert.deepEqual(seen.cspViolations, []);
    assert.deepEqual(pageErrors, []);
    assert.ok(seen.layoutShift < 0.02, `cumulative layout shift ${seen.layoutShift}`);
    assert.ok((seen.chronosEvents[0]?.detail.regionsWithData ?? 0) > 50);
    const text = await page.evaluate(() => document.body.textContent);
    assert.match(text, /Unemployment/);
    assert.match(text, /Monthly/);
    assert.match(text, /Median household income \(test data\)/, 'the metric list comes from /api/metrics');
    assert.match(text, /California/);
  } finally {
    await page.close();
  }
});

test('choosing a metric updates the URL and the map without a reload; back restores the previous metric', async () => {
  const { page } = await openGeospatial('?metric=unemployment');
  try {
    await page.click('a[data-metric="median-income"]');
    await page.waitForFunction(() => location.search.includes('metric=median-income'), { timeout: 60_000 });
    await page.waitForFunction(
      () => (document.querySelector('chronos-choropleth') as unknown as MapElement).metric === 'median-income',
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Median household income'), {
      timeout: 60_000,
    });
    let state = await pageState(page);
    assert.equal(state.marker, true, 'the page reloaded');
    // The map shows the new metric's values: its table (in the shadow root) lists dollar amounts.
    await page.waitForFunction(
      () => /\$\d/.test((document.querySelector('chronos-choropleth') as HTMLElement).shadowRoot?.textContent ?? ''),
      { timeout: 60_000 },
    );
    const coloured = await regionsColoured(page);
    assert.ok(coloured.ok, `regions are not in the legend's colours: ${coloured.seen}`);

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('median-income'), { timeout: 60_000 });
    await page.waitForFunction(
      () => (document.querySelector('chronos-choropleth') as unknown as MapElement).metric === 'unemployment',
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Unemployment'), {
      timeout: 60_000,
    });
    state = await pageState(page);
    assert.equal(state.marker, true, 'going back reloaded the page');
    assert.equal(state.search, '?metric=unemployment');
  } finally {
    await page.close();
  }
});

test('clicking a region fills its history beside the map; back empties it again', async () => {
  const { page } = await openGeospatial('?metric=unemployment');
  try {
    assert.equal((await pageState(page)).historyRegion, null);
    // The middle of Nevada, where the map draws it.
    const point = await page.evaluate(() => {
      const map = document.querySelector('chronos-choropleth') as unknown as MapElement;
      const rect = map.getBoundingClientRect();
      const projected = map.map.project([-116.9, 39.3]);
      return { x: rect.x + projected.x, y: rect.y + projected.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => location.search.includes('region=US-NV'), { timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('.history figure')?.getAttribute('data-region') === 'US-NV',
      {
        timeout: 60_000,
      },
    );
    let state = await pageState(page);
    assert.equal(state.marker, true, 'the page reloaded');
    assert.equal(state.selected, 'US-NV');
    assert.ok(state.historyRows >= 6, `${state.historyRows} rows of history`);
    assert.match(await page.evaluate(() => document.querySelector('.history')?.textContent ?? ''), /Nevada/);
    // The time series beside the map (`for` the map) draws the clicked region.
    await page.waitForFunction(
      () => /Nevada/.test(document.querySelector('chronos-timeseries')?.shadowRoot?.textContent ?? ''),
      { timeout: 60_000 },
    );

    await page.goBack();
    await page.waitForFunction(() => document.querySelector('.history figure') === null, { timeout: 60_000 });
    state = await pageState(page);
    assert.equal(state.search, '?metric=unemployment');
    assert.equal(state.selected, null);
    assert.equal(state.marker, true);
  } finally {
    await page.close();
  }
});

test('moving the time slider with the keyboard updates the URL, the map and the period shown', async () => {
  const { page } = await openGeospatial('?metric=unemployment');
  try {
    const mapTime = () =>
      page.evaluate(() => (document.querySelector('chronos-choropleth') as unknown as MapElement).time);
    // The slider has taken the map's periods and the one it shows (the map's `time` is `latest` here).
    const handle = await page.waitForFunction(
      () => {
        const map = document.querySelector('chronos-choropleth') as unknown as { loadedData?: { time: string } };
        const value = (document.querySelector('chronos-time-slider') as unknown as { value?: string }).value;
        return value && map.loadedData?.time.startsWith(value) ? value : false;
      },
      { timeout: 60_000 },
    );
    const before = (await handle.jsonValue()) as string;
    await page.focus('chronos-time-slider >>> input[type="range"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (time) => {
        const now = new URLSearchParams(location.search).get('time');
        return now !== null && now !== time;
      },
      { timeout: 60_000 },
      before,
    );
    const time = await page.evaluate(() => new URLSearchParams(location.search).get('time') ?? '');
    assert.ok(time < before, `the slider went back from ${before} to ${time}`);
    assert.equal(await mapTime(), time);
    // The server half follows the URL: the period shown above the map is the slider's.
    await page.waitForFunction(
      (period) => document.querySelector('.metric-facts strong')?.getAttribute('data-period')?.startsWith(period),
      { timeout: 60_000 },
      time,
    );
    assert.equal((await pageState(page)).marker, true, 'the page reloaded');
  } finally {
    await page.close();
  }
});

test('the embed code is the CDN snippet for the current view', async () => {
  const { page } = await openGeospatial('?metric=median-income&region=US-TX');
  try {
    const snippet = await page.evaluate(() => document.querySelector('.embed-code code')?.textContent ?? '');
    assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/cdn\/chronos\.js"><\/script>/);
    assert.match(snippet, /<chronos-choropleth [^>]*metric="median-income"[^>]*selected="US-TX"/);
  } finally {
    await page.close();
  }
});

test('the map’s Download menu saves the values shown as CSV and the map as PNG, under the site’s CSP', async () => {
  const { page, pageErrors } = await openGeospatial('?metric=unemployment');
  try {
    /** Opens the menu, clicks one entry and reads back what the element offered as a download. */
    const save = (format: 'png' | 'csv') =>
      page.evaluate(async (part) => {
        const root = document.querySelector('chronos-choropleth')!.shadowRoot!;
        // The blob behind the link the element clicks (the page's CSP rightly keeps fetch() off blob: URLs).
        const offered = new Promise<{ name: string; blob: Blob | undefined }>((resolve) => {
          const { createObjectURL } = URL;
          const click = HTMLAnchorElement.prototype.click;
          let last: Blob | undefined;
          URL.createObjectURL = (object: Blob | MediaSource) => {
            if (object instanceof Blob) last = object;
            return createObjectURL(object);
          };
          HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
            URL.createObjectURL = createObjectURL;
            HTMLAnchorElement.prototype.click = click;
            resolve({ name: this.download, blob: last });
          };
        });
        root.querySelector<HTMLButtonElement>('[part~="download-button"]')!.click();
        root.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
        const { name, blob } = await offered;
        const bytes = new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0));
        return { name, size: bytes.length, head: [...bytes.slice(0, 8)], text: new TextDecoder().decode(bytes) };
      }, `download-${format}`);
    const csv = await save('csv');
    assert.match(csv.name, /\.csv$/);
    assert.match(csv.text, /US-CA/);
    assert.match(csv.text, /CA-ON/);
    const png = await save('png');
    assert.match(png.name, /\.png$/);
    assert.deepEqual(png.head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.size > 10_000, `a ${png.size}-byte PNG holds no map`);
    assert.deepEqual((await watched(page)).cspViolations, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

/** The region's latest value as the API serves it. */
async function latestFromApi(region: string): Promise<{ time: string; value: number }> {
  const response = await fetch(`${harness.backend.url}/api/metrics/unemployment?region=${region}`);
  const body = (await response.json()) as { series: { points: [string, number | null][] }[] };
  const last = body.series[0]!.points.findLast(([, value]) => value !== null)!;
  return { time: last[0], value: last[1]! };
}

test('a region page is server-rendered HTML with the latest value, rank, history and sources', async () => {
  const response = await fetch(`${harness.site.url}/analytics/geospatial/unemployment/US-CA`);
  assert.equal(response.status, 200);
  const html = await response.text();
  const latest = await latestFromApi('US-CA');
  // Unemployment is in percent: 5.5 is shown as "5.5%".
  const shown = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(
    latest.value / 100,
  );
  assert.match(html, /<h1>Unemployment[^<]*<!-- -->: <!-- -->California<\/h1>|<h1>Unemployment[^<]*: California<\/h1>/);
  assert.ok(html.includes(`data-value="${latest.value}"`), 'the latest value is in the HTML');
  assert.ok(html.includes(`>${shown}</strong>`), `the HTML shows ${shown}`);
  assert.match(html, /rank <span class="rank">\d+<\/span> of/);
  assert.match(html, /<table>.*<tbody><tr/s);
  assert.match(html, /<h2>Sources<\/h2>/);
  assert.match(response.headers.get('content-security-policy') ?? '', /worker-src 'self' blob:/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
});

test('an unknown region or metric is a 404 page', async () => {
  assert.equal((await fetch(`${harness.site.url}/analytics/geospatial/unemployment/US-XX`)).status, 404);
  assert.equal((await fetch(`${harness.site.url}/analytics/geospatial/no-such-metric/US-CA`)).status, 404);
});

test('without JavaScript the geospatial page shows the values table and the selected region history', async () => {
  const page = await harness.browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.goto(`${harness.site.url}/analytics/geospatial?metric=unemployment&region=US-CA`, { waitUntil: 'load' });
    const text = await page.evaluate(() => document.body.textContent);
    const latest = await latestFromApi('US-CA');
    const shown = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(
      latest.value / 100,
    );
    assert.match(text, /California/);
    assert.ok(text.includes(shown), `the page shows California's ${shown}`);
    const rows = await page.evaluate(() => document.querySelectorAll('.values-table tbody tr').length);
    assert.ok(rows > 50, `${rows} regions in the values table`);
    assert.equal(
      await page.evaluate(() => document.querySelector('.history figure')?.getAttribute('data-region')),
      'US-CA',
    );
  } finally {
    await page.close();
  }
});

test('the sitemap lists the region pages', async () => {
  const response = await fetch(`${harness.site.url}/sitemap.xml`);
  assert.equal(response.status, 200);
  const xml = await response.text();
  assert.ok(xml.includes(`${harness.site.url}/analytics/geospatial/unemployment/US-CA</loc>`));
  assert.ok(xml.includes(`${harness.site.url}/analytics/geospatial/median-income/CA-ON</loc>`));
});
