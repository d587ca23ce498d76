// `pnpm bench embedding`: bytes on the wire for the demo page's first load (examples/html/index.html,
// served at / by the real server in production mode, as `npm start` serves it): a fresh Chromium profile
// loads the page, every map in view draws, the network goes quiet; the encoded (compressed) body and header bytes
// of every response are summed from the DevTools protocol. Broken down by kind, with how many times the
// page fetched region geometry (once per page is the goal; the widget side owns that).
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
import { recordFigure } from '@chronos/devkit/bench-record';
import puppeteer from 'puppeteer-core';
import { HOST_RESOLVER_RULES, startEmbeddingStack } from '../src/testing/stack.ts';

const KB = 1024;
const GOAL_KB = 450;

const stack = await startEmbeddingStack();
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: [...CHROMIUM_ARGS, HOST_RESOLVER_RULES],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(180_000);
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => bytes.set(event.requestId, event.encodedDataLength));
  await page.goto(`${stack.local}/`, { waitUntil: 'load' });
  // Every map in view drew, then nothing more arrives for a while. Maps start when they come near the
  // viewport: those further down are not part of a first load until the reader scrolls.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('chronos-choropleth')].every((element) => {
      const rect = element.getBoundingClientRect();
      if (rect.bottom <= 0 || rect.top >= innerHeight) return true;
      const map = (element as unknown as { map?: { loaded(): boolean } }).map;
      return map?.loaded() ?? false;
    }),
  );
  await page.waitForNetworkIdle({ idleTime: 2_000 });

  const kinds = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  let geometryRequests = 0;
  for (const [id, length] of bytes) {
    const url = new URL(urls.get(id) ?? 'about:blank');
    const kind = url.pathname.startsWith('/cdn/')
      ? 'CDN bundle'
      : url.pathname.startsWith('/tiles/')
        ? 'tiles'
        : url.pathname.startsWith('/api/')
          ? 'API'
          : 'page';
    if (url.searchParams.get('mode') === 'boundaries') geometryRequests++;
    const entry = kinds.get(kind) ?? { bytes: 0, count: 0 };
    entry.bytes += length;
    entry.count++;
    kinds.set(kind, entry);
    total += length;
  }
  for (const [kind, entry] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes)) {
    process.stdout.write(`  ${kind}: ${(entry.bytes / KB).toFixed(1)} KB in ${entry.count} responses\n`);
  }
  process.stdout.write(`  region geometry fetched ${geometryRequests} time(s)\n`);
  recordFigure({
    bench: 'embedding',
    figure: 'demo page first load, bytes on the wire (all responses, compressed)',
    value: total / KB,
    unit: 'KB',
    goal: `≤ ${GOAL_KB} KB`,
    pass: total <= GOAL_KB * KB,
  });
  const cdn = kinds.get('CDN bundle')?.bytes ?? 0;
  recordFigure({
    bench: 'embedding',
    figure: 'demo page first load, CDN bundle bytes on the wire',
    value: cdn / KB,
    unit: 'KB',
    goal: '≤ 300 KB',
    pass: cdn <= 300 * KB,
  });
} finally {
  await browser.close();
  await stack.close();
}
