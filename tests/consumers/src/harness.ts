// What the browser checks of the consumer apps share: the real Chronos server (the widgets' browser-test
// backend, @chronos/test-support/backend: `@chronos/server/testing` on the embedded store with tiles built
// by chronos-tiles; it admits loopback origins on any port without a key, as in development) and one Chromium.
import type { Browser } from 'puppeteer-core';
import { type Backend, startBackend } from '@chronos/test-support/backend';
import { launchBrowser } from './browser.ts';

export interface Harness {
  backend: Backend;
  browser: Browser;
  /** `path` on `origin` with the API in the query string, as the apps read it. */
  pageUrl(origin: string, path?: string): string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const backend = await startBackend();
  const browser = await launchBrowser();
  return {
    backend,
    browser,
    pageUrl: (origin, path = '/') => `${origin}${path}?api=${encodeURIComponent(backend.url)}`,
    close: async () => {
      await browser.close();
      await backend.close();
    },
  };
}

/** Seconds since `started` (a performance.now() value), for the timings the suite prints. */
export const since = (started: number): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
