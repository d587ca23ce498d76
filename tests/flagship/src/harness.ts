// One backend (the seeded test server with tiles, `@chronos/test-support/backend`), the built flagship
// site pointed at it, and one Chromium, for the tests of a file: started before them, closed after them.
import { after, before } from 'node:test';
import { type Backend, startBackend } from '@chronos/test-support/backend';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './browser.ts';
import { ensureSiteBuilt, type RunningProcess, startSite } from './site.ts';

export interface Harness {
  backend: Backend;
  site: RunningProcess;
  browser: Browser;
}

export function flagshipSuite(started: (harness: Harness) => void): void {
  let backend: Backend | undefined;
  let site: RunningProcess | undefined;
  let browser: Browser | undefined;
  before(async () => {
    const seconds = await ensureSiteBuilt();
    process.stdout.write(seconds ? `built the site in ${seconds.toFixed(1)} s\n` : 'site build cached\n');
    backend = await startBackend();
    site = await startSite(backend.url);
    browser = await launchBrowser();
    started({ backend, site, browser });
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
    await backend?.close();
  });
}
