// A news site with a strict Content-Security-Policy embeds Chronos from the CDN build, with exactly the
// policy the widgets README gives (plus a nonce for the page's own inline script, and a report endpoint):
// it must get a coloured map over the basemap and no violation at all. With a policy that blocks MapLibre's
// worker, the element must show its error state and fire chronos-error, not sit blank with a legend.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { embeddingSuite } from './testing/browser.ts';
import { mapColours } from './testing/pixels.ts';
import type { EmbeddingStack } from './testing/stack.ts';

/** The policy the widgets README documents for the CDN build, for a page whose API, tiles and CDN are `api`. */
function cdnPolicy(api: string): string[] {
  return [`script-src ${api}`, `worker-src blob: ${api}`, `connect-src ${api}`, `img-src data:`];
}

const NONCE = 'page-own-script';
/** Inside Kansas, Texas, Saskatchewan and Illinois. */
const INSIDE: [number, number][] = [
  [-98.5, 38.5],
  [-99.5, 31.5],
  [-106, 54],
  [-89.5, 40],
];

interface Outcome {
  loaded: boolean;
  errors: { kind: string; message: string }[];
  violations: { directive: string; blocked: string }[];
  status: { error: string | null; legend: boolean };
  /** The legend's class colours (r,g,b). */
  swatches: number[][];
  basemapLayers: number;
}

describe('a third-party page with a strict Content-Security-Policy', () => {
  let stack: EmbeddingStack;
  let browser: Browser;
  embeddingSuite((started) => {
    ({ stack, browser } = started);
  });

  /** A page with one map under `policy` (+ the page's nonce and report-uri), served as a response header. */
  function policyPage(path: string, policy: string[]): string {
    const header = [
      "default-src 'none'",
      ...policy.map((directive) => (directive.startsWith('script-src ') ? `${directive} 'nonce-${NONCE}'` : directive)),
      `report-uri ${stack.reportUri}`,
    ].join('; ');
    return stack.page(
      path,
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict news</title>
<script type="module" src="${stack.api}/cdn/chronos.js"></script></head>
<body>
<chronos-choropleth id="map" api="${stack.api}" api-key="${stack.key}" metric="unemployment"></chronos-choropleth>
<script nonce="${NONCE}">
  window.outcome = { loaded: false, errors: [], violations: [] };
  document.addEventListener('securitypolicyviolation', (event) => {
    window.outcome.violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  });
  const element = document.getElementById('map');
  // Sized through the CSSOM: a style attribute would need style-src 'unsafe-inline'.
  element.style.display = 'block';
  element.style.width = '800px';
  element.style.height = '500px';
  element.mapOptions = { canvasContextAttributes: { preserveDrawingBuffer: true } };
  element.addEventListener('chronos-load', () => { window.outcome.loaded = true; });
  element.addEventListener('chronos-error', (event) => {
    window.outcome.errors.push({ kind: event.detail.kind, message: event.detail.message });
  });
</script>
</body></html>`,
      { 'content-security-policy': header },
    );
  }

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** What the page saw: events, violations, what the element shows. */
  function outcome(page: Page): Promise<Outcome> {
    return page.evaluate(() => {
      const seen = (window as unknown as { outcome: Omit<Outcome, 'status' | 'swatches' | 'basemapLayers'> }).outcome;
      const element = document.getElementById('map') as HTMLElement & {
        map?: { getStyle(): { layers?: { source?: string }[] } };
      };
      const root = element.shadowRoot!;
      const swatches = [
        ...root.querySelectorAll<HTMLElement>(
          '[part="legend-item"]:not([data-class="no-data"]) [part="legend-swatch"]',
        ),
      ].map((swatch) => getComputedStyle(swatch).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
      const map = element.map;
      return {
        ...seen,
        status: {
          error: root.querySelector('[part="error"]')?.textContent ?? null,
          legend: root.querySelector('[part="legend"]') !== null,
        },
        swatches,
        basemapLayers: map
          ? (map.getStyle().layers ?? []).filter((layer) => layer.source === 'chronos-basemap').length
          : 0,
      };
    });
  }

  test('the documented CDN policy: a coloured map over the basemap, and no violation reported', async () => {
    const page = await open(policyPage('/strict.html', cdnPolicy(stack.api)));
    try {
      await page.waitForFunction(() => {
        const seen = (window as unknown as { outcome: { loaded: boolean; errors: unknown[] } }).outcome;
        return seen.loaded || seen.errors.length > 0;
      });
      // The basemap is added after its archive's header was read: wait for its layers too.
      await page.waitForFunction(() => {
        const map = (
          document.getElementById('map') as unknown as {
            map?: { getStyle(): { layers?: { source?: string }[] }; loaded(): boolean };
          }
        ).map;
        const seen = (window as unknown as { outcome: { errors: unknown[]; violations: unknown[] } }).outcome;
        if (seen.errors.length > 0 || seen.violations.length > 0) return true;
        return (map?.getStyle().layers ?? []).some((layer) => layer.source === 'chronos-basemap') && map!.loaded();
      });
      const seen = await outcome(page);
      assert.deepEqual(seen.errors, [], 'no chronos-error');
      assert.equal(seen.loaded, true);
      assert.deepEqual(seen.violations, [], 'no securitypolicyviolation in the page');
      assert.ok(seen.basemapLayers > 0, 'the basemap is drawn');
      assert.equal(seen.status.error, null);
      // Every region pixel is one of the legend's class colours, and more than one class shows.
      const close = (a: number[], b: number[]) => a.every((value, i) => Math.abs(value - b[i]!) <= 6);
      const inside = (await mapColours(page, 'map', INSIDE)).filter((pixel) => pixel !== null);
      assert.equal(inside.length, INSIDE.length, 'the regions are in view');
      for (const pixel of inside) {
        assert.ok(
          seen.swatches.some((swatch) => close(pixel, swatch)),
          `region pixel ${pixel} among legend colours ${JSON.stringify(seen.swatches)}`,
        );
      }
      assert.ok(new Set(inside.map(String)).size >= 2, `several classes: ${JSON.stringify(inside)}`);
      // The in-page event above is synchronous with the violation; the endpoint gets the same reports (the
      // blocked-worker test below shows they arrive).
      assert.deepEqual(
        stack.reports().filter((report) => JSON.stringify(report).includes('/strict.html')),
        [],
        'no report at the report-uri',
      );
    } finally {
      await page.close();
    }
  });

  test("a policy that blocks MapLibre's worker: the element's error state and chronos-error kind 'map'", async () => {
    const blocking = cdnPolicy(stack.api).map((directive) =>
      directive.startsWith('worker-src ') ? "worker-src 'none'" : directive,
    );
    const page = await open(policyPage('/worker-blocked.html', blocking));
    try {
      const started = Date.now();
      await page.waitForFunction(
        () => (window as unknown as { outcome: { errors: unknown[] } }).outcome.errors.length > 0,
      );
      const seconds = (Date.now() - started) / 1000;
      const seen = await outcome(page);
      assert.equal(seen.errors[0]!.kind, 'map', JSON.stringify(seen.errors));
      assert.match(seen.errors[0]!.message, /Content-Security-Policy blocked the map's worker/);
      assert.equal(seen.loaded, false, 'no chronos-load');
      assert.match(seen.status.error ?? '', /Content-Security-Policy/, 'the error panel shows');
      assert.equal(seen.status.legend, false, 'no legend over a blank map');
      assert.ok(seen.violations.some((violation) => violation.directive === 'worker-src'));
      console.log(`worker blocked by CSP: chronos-error after ${seconds.toFixed(1)} s`);
      // The report endpoint receives the violation (so the empty list in the test above means something).
      const deadline = Date.now() + 30_000;
      while (!stack.reports().some((report) => JSON.stringify(report).includes('worker-blocked.html'))) {
        assert.ok(Date.now() < deadline, `no report at the report-uri: ${JSON.stringify(stack.reports())}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await page.close();
    }
  });
});
