// One embedding stack and one headless Chromium (with the test host names mapped to this machine) for the
// tests of a suite: started before them, closed after them.
import { after, before } from 'node:test';
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { type EmbeddingStack, HOST_RESOLVER_RULES, startEmbeddingStack } from './stack.ts';

/** Registers the suite's before/after hooks; `started` receives the stack and the browser. */
export function embeddingSuite(started: (suite: { stack: EmbeddingStack; browser: Browser }) => void): void {
  let stack: EmbeddingStack | undefined;
  let browser: Browser | undefined;
  before(async () => {
    stack = await startEmbeddingStack();
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, HOST_RESOLVER_RULES],
    });
    started({ stack, browser });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });
}
