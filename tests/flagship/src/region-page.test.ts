// The region pages and the geospatial page read without JavaScript: the values are in the HTML the
// server sends (as search engines and readers without scripts get it), with security headers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagshipSuite, type Harness } from './harness.ts';

let harness: Harness;
flagshipSuite((started) => {
  harness = started;
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
