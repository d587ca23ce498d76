// Browser tests of @chronos/widgets: real Chromium (SwiftShader WebGL) against a Chronos API that the
// dev server proxies under the same origin (/api, /tiles), counting every request so tests can assert
// what reached the server. The API is the server's embedded-store test server when it exists
// (server/src/testing/test-server.ts), else test/fixture-server.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from '../../scripts/lib/wtr-summary-reporter.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

const realServer = `${repo}server/src/testing/test-server.ts`;
let backend;
async function startBackend() {
  if (existsSync(realServer)) {
    const { startTestServer } = await import(realServer);
    backend = await startTestServer();
    await addSecondMetric(backend.app);
  } else {
    const { startFixtureServer } = await import('./test/fixture-server.ts');
    backend = await startFixtureServer();
  }
  return backend;
}

/**
 * The embedded store is seeded with one sample metric; metric-switch tests need a second. It is derived
 * from the first in SQL (schema of SHARED_CONTRACTS.md), then the catalog is refreshed.
 */
async function addSecondMetric(app) {
  await app.db.query(
    `insert into metrics (id, title, description, units, frequency, higher_is_better, sources, is_sample, updated_at)
     select 'median-income', 'Median household income (test data)', 'Derived from the sample metric for widget tests',
            'USD', frequency, true, sources, true, now()
     from metrics where id = 'unemployment' on conflict (id) do nothing`,
  );
  await app.db.query(
    `insert into observations (metric, region, time, value, status, source)
     select 'median-income', region, time, round(value * 9000 + 20000), status, source
     from observations where metric = 'unemployment' on conflict do nothing`,
  );
  await app.db.query(
    `insert into data_versions (scope, version, updated_at) values ('data', 1, now())
     on conflict (scope) do update set version = data_versions.version + 1, updated_at = now()`,
  );
  await app.catalog.refresh(true);
}

/** Requests that reached the API since the last reset: "METHOD path?query". */
let requests = [];

/** The boundary file as static GeoJSON, for tests of pages that use no API at all. */
let staticBoundaries;
async function boundariesFile() {
  if (!staticBoundaries) {
    const { loadRegions } = await import('./test/fixture-server.ts');
    staticBoundaries = JSON.stringify({ type: 'FeatureCollection', features: loadRegions() });
  }
  return staticBoundaries;
}

const testApi = {
  name: 'chronos-test-api',
  async serverStart() {
    await startBackend();
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
  if (context.path === '/__chronos/boundaries.geojson') {
    context.body = await boundariesFile();
    context.type = 'json';
    return;
  }
  if (!context.path.startsWith('/api/') && !context.path.startsWith('/tiles/')) return next();
  requests.push(`${context.method} ${context.url}`);
  const headers = {};
  for (const name of ['range', 'accept', 'if-none-match']) if (context.get(name)) headers[name] = context.get(name);
  const response = await fetch(`${backend.url}${context.url}`, { method: context.method, headers });
  context.status = response.status;
  for (const name of ['content-type', 'content-range', 'accept-ranges', 'etag', 'cache-control']) {
    const value = response.headers.get(name);
    if (value) context.set(name, value);
  }
  context.body = Buffer.from(await response.arrayBuffer());
}

export default {
  rootDir: repo,
  files: [`${here}src/**/*.test.ts`],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 30_000 } },
  middleware: [apiProxy],
  plugins: [testApi, cssInline, esbuildPlugin({ ts: true, tsconfig: `${here}tsconfig.json`, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--use-angle=swiftshader',
          '--enable-unsafe-swiftshader',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
