// A new user's Next.js App Router app with @chronos/react installed from the packed tarballs: `next build`
// (Turbopack, the default, then webpack) type-checks it (typed props and callbacks, JSX types of the raw
// tag), `next start` server-renders the tag, and Chromium shows a coloured map from the real server.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { installApp } from './apps.ts';
import { assertColouredMap, inspectMap } from './browser.ts';
import { type Harness, since, startHarness } from './harness.ts';
import { freePort, startServer, step } from './processes.ts';
import { packedTarballs } from './tarballs.ts';

const workDir = join(import.meta.dirname, '..', '.work');
let dir: string;
let harness: Harness;

before(async () => {
  const tarballs = packedTarballs();
  dir = await installApp('next', workDir, [
    tarballs['@chronos/core'],
    tarballs['@chronos/widgets'],
    tarballs['@chronos/react'],
  ]);
  harness = await startHarness();
});

after(async () => {
  await harness?.close();
});

const env = { NEXT_TELEMETRY_DISABLED: '1' };

for (const bundler of ['turbopack', 'webpack'] as const) {
  describe(`Next.js App Router with @chronos/react (${bundler})`, () => {
    test('next build, next start: the tag is server-rendered and the map is coloured in Chromium', async () => {
      let started = performance.now();
      await step('npx', ['next', 'build', ...(bundler === 'webpack' ? ['--webpack'] : [])], dir, env);
      process.stdout.write(`next build (${bundler}): ${since(started)}\n`);
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const server = await startServer(
        'npx',
        ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)],
        dir,
        `${origin}/`,
      );
      try {
        const html = await (await fetch(harness.pageUrl(origin))).text();
        // The API and metric are attributes in the HTML: the element upgrades with them before hydration.
        assert.match(html, /<chronos-choropleth[^>]* api="[^"]+"[^>]*metric="unemployment"/);
        started = performance.now();
        assertColouredMap(await inspectMap(harness.browser, harness.pageUrl(origin)));
        process.stdout.write(`next start (${bundler}): page to chronos-load and pixels ${since(started)}\n`);
      } finally {
        await server.stop();
      }
    });
  });
}
