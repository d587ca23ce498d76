// Browser tests of @chronos/widgets: real Chromium (SwiftShader WebGL) against a Chronos API that the
// dev server proxies under the same origin (/api, /tiles), counting every request so tests can assert
// what reached the server. The API is the server's test server, started by @chronos/test-support/backend
// (tests/support).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from '@chronos/devkit/wtr-summary-reporter';
import { startBackend } from '@chronos/test-support/backend';
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
import { root } from '@chronos/devkit/run';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

let backend;

/** Requests that reached the API since the last reset: "METHOD path?query". */
let requests = [];

/** Path prefixes the dev server refuses (503) while a test blocks them: a lazy chunk that cannot be fetched. */
let blocked = [];

/** Path prefixes whose requests wait while a test holds them (a lazy chunk or an answer on its way); `count`: how
 * many have been held since, `release` lets them through. */
let held = { prefixes: [], count: 0, release: () => undefined, gate: Promise.resolve() };

const testApi = {
  name: 'chronos-test-api',
  async serverStart() {
    backend = await startBackend();
    console.log(`browser tests run against the Chronos test server at ${backend.url}`);
  },
  async serverStop() {
    await backend?.close();
  },
};

/** `import css from 'x.css?inline'` (a Vite feature) as a JS string module. */
const cssInline = {
  name: 'css-inline',
  resolveImport({ source }) {
    if (source.endsWith('.css?inline')) return `/__css-inline/${source.slice(0, -'?inline'.length)}`;
  },
  serve(context) {
    if (!context.path.startsWith('/__css-inline/')) return;
    const file = require.resolve(context.path.slice('/__css-inline/'.length));
    return { body: `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`, type: 'js' };
  },
};

async function apiProxy(context, next) {
  if (context.path === '/__chronos/requests') {
    if (context.method === 'POST') requests = [];
    context.body = JSON.stringify(requests);
    context.type = 'json';
    return;
  }
  if (context.path === '/__chronos/blocked') {
    if (context.method === 'POST') blocked = [].concat(context.query.path ?? []);
    context.body = JSON.stringify(blocked);
    context.type = 'json';
    return;
  }
  if (context.path === '/__chronos/held') {
    if (context.method === 'POST') {
      held.release();
      let release;
      const gate = new Promise((resolve) => {
        release = resolve;
      });
      held = { prefixes: [].concat(context.query.path ?? []), count: 0, release, gate };
    }
    context.body = JSON.stringify({ paths: held.prefixes, count: held.count });
    context.type = 'json';
    return;
  }
  if (held.prefixes.some((prefix) => context.path.startsWith(prefix))) {
    held.count++;
    await held.gate;
  }
  if (blocked.some((prefix) => context.path.startsWith(prefix))) {
    // The connection dropped, as when the page went offline: the browser sees a network error.
    context.respond = false;
    context.req.socket.destroy();
    return;
  }
  if (context.path === '/__chronos/backend') {
    context.body = JSON.stringify({ apiKey: backend.apiKey, limitedKey: backend.limitedKey });
    context.type = 'json';
    return;
  }
  if (context.path === '/__chronos/boundaries.geojson') {
    context.body = await backend.boundariesGeoJSON();
    context.type = 'json';
    return;
  }
  if (!context.path.startsWith('/api/') && !context.path.startsWith('/tiles/')) return next();
  requests.push(`${context.method} ${context.url}`);
  const headers = {};
  for (const name of ['range', 'accept']) if (context.get(name)) headers[name] = context.get(name);
  const response = await fetch(`${backend.url}${context.url}`, { method: context.method, headers });
  context.status = response.status;
  for (const name of ['content-type', 'content-range', 'accept-ranges', 'retry-after']) {
    const value = response.headers.get(name);
    if (value) context.set(name, value);
  }
  // The server lets browsers cache boundaries for long; here every request must reach it to be counted,
  // so that the tests measure what the element itself shares and re-uses.
  context.set('cache-control', 'no-store');
  context.body = Buffer.from(await response.arrayBuffer());
}

export default {
  // The workspace root: pnpm keeps every package's dependencies under its node_modules/.pnpm.
  rootDir: root,
  files: [`${here}src/**/*.test.ts`],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 30_000 } },
  middleware: [apiProxy],
  plugins: [testApi, cssInline, esbuildPlugin({ ts: true, tsconfig: `${here}tsconfig.json`, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
