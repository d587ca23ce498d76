// `pnpm bench:widgets`: sizes of the CDN bundle and of our own code, then real Chromium (SwiftShader
// WebGL) loading two pages side by side against the same API: the CDN bundle's <chronos-choropleth>,
// and a hand-written minimal MapLibre page doing the seed's flow (fetch GeoJSON boundaries and data,
// merge values into feature properties, setData). Measures first choropleth paint and metric/time
// switches to a repainted map. Rounds alternate between the pages; medians are reported. Then pages of
// 1 and 12 maps: time to the first coloured map, and to every map in view coloured (lazy maps below the
// fold must not slow the ones on screen). Then <chronos-time-slider> playing twelve months at 1 step/s:
// every frame's time, and prefetching against fetching each frame (bench/time-slider-play.ts). The pages
// are in bench/choropleth-pages.ts. Bytes on the wire of the demo page's first load are measured by
// `pnpm bench embedding` (tests/embedding), which serves it from the real server in production mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build, type Rolldown } from 'vite';
import { format, median, recordFigure } from '@chronos/devkit/bench-record';
import { startBackend } from '@chronos/test-support/backend';
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
import { cdnCodeSplitting, cdnPlugins } from '../scripts/cdn-plugins.ts';
import { baselinePage, manyPage, oursPage } from './choropleth-pages.ts';
import { PLAY_LATENCY_MS, PLAY_STEPS, playPage, SLOW_API_PREFIX } from './time-slider-play.ts';

const here = join(import.meta.dirname, '..');
const cdnDir = join(here, 'dist', 'cdn');
const require = createRequire(join(here, 'package.json'));
const maplibreDir = dirname(require.resolve('maplibre-gl/dist/maplibre-gl.mjs'));
const BENCH = 'widgets';
const ROUNDS = 5;
const KB = 1024;

const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

// --- sizes ------------------------------------------------------------------------------------

process.stdout.write('building @chronos/widgets (npm + CDN)…\n');
const built = spawnSync('pnpm', ['run', 'build'], { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);

/** The entry plus every chunk it imports statically: what a page downloads before any map is drawn. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only (`import … from "./x.js"` / `import "./x.js"`, and the entry's `export {…} from
  // "./chunks/shared-….js"`); dynamic import() chunks are lazy.
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    staticClosure(join(dirname(file), match[1]!), seen);
  }
  return seen;
}
const entryFiles = [...staticClosure(join(cdnDir, 'chronos.js'))];
const entryGzip = entryFiles.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0);
// Every file of the CDN bundle (the entry's static imports first), so a change shows where the bytes went.
const cdnChunks = readdirSync(join(cdnDir, 'chunks'))
  .filter((name) => /\.m?js$/.test(name))
  .map((name) => join(cdnDir, 'chunks', name));
for (const file of [...entryFiles, ...cdnChunks.filter((file) => !entryFiles.includes(file))]) {
  const kind = entryFiles.includes(file) ? 'entry' : 'lazy';
  process.stdout.write(
    `    ${kind} ${file.slice(cdnDir.length + 1)}: ${format(gzipSize(readFileSync(file)) / KB)} KB gzip\n`,
  );
}
recordFigure({
  bench: BENCH,
  figure: `CDN entry gzip without MapLibre chunks (${entryFiles.length} files)`,
  value: entryGzip / KB,
  unit: 'KB',
  goal: '≤ 40 KB',
  pass: entryGzip <= 40 * KB,
});

/** @chronos/widgets + @chronos/core alone, minified, transformed and split into chunks as in the CDN build (its
 * plugins and chunking), every third-party module left out. */
async function ownCodeGzip(): Promise<number> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: here,
    plugins: cdnPlugins,
    define: { __CHRONOS_VERSION__: '"bench"' },
    resolve: { conditions: ['source', 'module', 'browser', 'production'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: {
        input: join(here, 'src', 'chronos.ts'),
        preserveEntrySignatures: 'exports-only',
        external: (id) => /^[@a-z]/i.test(id) && !id.startsWith('@chronos/'),
        output: { codeSplitting: cdnCodeSplitting },
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  let total = 0;
  for (const out of outputs) for (const chunk of out.output) if (chunk.type === 'chunk') total += gzipSize(chunk.code);
  return total;
}
const own = await ownCodeGzip();
recordFigure({
  bench: BENCH,
  figure: '@chronos/widgets + @chronos/core own code gzip',
  value: own / KB,
  unit: 'KB',
  goal: '≤ 30 KB',
  pass: own <= 30 * KB,
});

// --- pages (choropleth-pages.ts, time-slider-play.ts) --------------------------------------------

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html',
};

function serveFile(response: ServerResponse, root: string, path: string): void {
  const file = normalize(join(root, path));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
}

const backend = await startBackend();
const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/many.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(manyPage(Number(url.searchParams.get('count') ?? '1')));
  } else if (url.pathname === '/ours.html' || url.pathname === '/baseline.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(url.pathname === '/ours.html' ? oursPage : baselinePage);
  } else if (url.pathname === '/play.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(playPage(Number(url.searchParams.get('prefetch') ?? '3')));
  } else if (url.pathname.startsWith(`${SLOW_API_PREFIX}/api/`)) {
    await new Promise((resolve) => setTimeout(resolve, PLAY_LATENCY_MS));
    const upstream = await fetch(`${backend.url}${url.pathname.slice(SLOW_API_PREFIX.length)}${url.search}`);
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  } else if (url.pathname.startsWith('/cdn/')) {
    serveFile(response, cdnDir, url.pathname.slice('/cdn/'.length));
  } else if (url.pathname.startsWith('/vendor/maplibre-gl/')) {
    serveFile(response, maplibreDir, url.pathname.slice('/vendor/maplibre-gl/'.length));
  } else if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/tiles/')) {
    const upstream = await fetch(`${backend.url}${url.pathname}${url.search}`);
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  } else {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
process.stdout.write(`pages at ${origin} against the Chronos test server at ${backend.url}\n`);

const browser: Browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});

/** Distinct (metric, month) pairs, so no response is ever served from a cache on either page. */
const switches = Array.from({ length: 8 }, (_, i) => ({
  metric: i % 2 === 0 ? 'median-income' : 'unemployment',
  time: `2024-${String(i + 1).padStart(2, '0')}`,
}));

/** Opens `path` in a fresh page (1000×700, no HTTP cache), runs `body` on it, fails on any page error. */
async function onPage<T>(path: string, body: (page: Page) => Promise<T>): Promise<T> {
  const page: Page = await browser.newPage();
  try {
    await page.setViewport({ width: 1000, height: 700 });
    await page.setCacheEnabled(false);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${origin}${path}`);
    const result = await body(page);
    if (errors.length > 0) throw new Error(`${path}: ${errors.join('; ')}`);
    return result;
  } finally {
    await page.close();
  }
}

function measure(path: string): Promise<{ firstPaint: number; switches: number[] }> {
  return onPage(path, async (page) => {
    const firstPaint = await page.evaluate('window.firstPaint');
    const times: number[] = [];
    for (const { metric, time } of switches) {
      // A pause like a person's between two clicks, so each switch starts from a settled page (back-to-back
      // switches would measure the compositor's backlog from the previous one instead).
      await new Promise((resolve) => setTimeout(resolve, 250));
      times.push(
        (await page.evaluate(`window.switchTo(${JSON.stringify(metric)}, ${JSON.stringify(time)})`)) as number,
      );
    }
    return { firstPaint: firstPaint as number, switches: times };
  });
}

/** Time to the first coloured map and to every map in view coloured, on a page of `count` maps. */
function measureMany(count: number): Promise<{ first: number; all: number }> {
  return onPage(`/many.html?count=${count}`, async (page) => ({
    first: (await page.evaluate('window.firstColoured')) as number,
    all: (await page.evaluate('window.allInView')) as number,
  }));
}

/** ROUNDS rounds, each running every measurement once in turn, so a slow spell of the machine hits all alike. */
async function alternate<R, K extends string>(runs: Record<K, () => Promise<R>>): Promise<Record<K, R[]>> {
  const keys = Object.keys(runs) as K[];
  const results = Object.fromEntries(keys.map((key) => [key, [] as R[]])) as Record<K, R[]>;
  for (let round = 0; round < ROUNDS; round++) for (const key of keys) results[key].push(await runs[key]());
  return results;
}

/** Median times against a baseline's median from the same run; the goal is at most `maxRatio` times it. */
function recordRatio(figure: string, values: number[], baseline: string, baselineValues: number[], maxRatio: number) {
  const value = median(values);
  const baselineValue = median(baselineValues);
  recordFigure({
    bench: BENCH,
    figure,
    value,
    unit: 'ms',
    baseline,
    baselineValue,
    goal: `≤ ${maxRatio}× baseline`,
    pass: value <= maxRatio * baselineValue,
  });
}

try {
  // One warm-up of each (Chromium's own compile caches), then alternating measured rounds.
  await measure('/ours.html');
  await measure('/baseline.html');
  const pages = await alternate({ ours: () => measure('/ours.html'), baseline: () => measure('/baseline.html') });
  recordRatio(
    'first choropleth paint (median)',
    pages.ours.map((result) => result.firstPaint),
    'minimal MapLibre page (fetch GeoJSON + data, merge, setData)',
    pages.baseline.map((result) => result.firstPaint),
    1.3,
  );
  const switchTime = median(pages.ours.flatMap((result) => result.switches));
  const switchBaseline = median(pages.baseline.flatMap((result) => result.switches));
  recordFigure({
    bench: BENCH,
    figure: 'metric/time switch to repainted map (median)',
    value: switchTime,
    unit: 'ms',
    baseline: 'same page: fetch, merge, setData',
    baselineValue: switchBaseline,
    goal: '≤ 50 ms and ≥ 3× faster (≤ 0.33×)',
    pass: switchTime <= 50 && switchTime * 3 <= switchBaseline,
  });

  await measureMany(12);
  const many = await alternate({ one: () => measureMany(1), twelve: () => measureMany(12) });
  const ofMany = (key: 'one' | 'twelve', time: 'first' | 'all') => many[key].map((result) => result[time]);
  recordRatio(
    'first coloured map, page of 12 maps (median)',
    ofMany('twelve', 'first'),
    'page of 1 map',
    ofMany('one', 'first'),
    1.5,
  );
  recordRatio(
    'every map in view coloured, page of 12 maps (median)',
    ofMany('twelve', 'all'),
    'page of 1 map',
    ofMany('one', 'all'),
    3,
  );

  // Time slider playing 12 months at 1 step/s, prefetching vs fetching each frame (3 rounds: 12 s each).
  const play = (prefetch: number) =>
    onPage(`/play.html?prefetch=${prefetch}`, async (page) => (await page.evaluate('window.play()')) as number[]);
  const played = { ours: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < 3; round++) {
    played.ours.push(...(await play(3)));
    played.baseline.push(...(await play(0)));
  }
  const slowest = Math.max(...played.ours);
  recordFigure({
    bench: BENCH,
    figure: `time-slider play at 1 step/s, slowest of ${played.ours.length} frames (API round trip ${PLAY_LATENCY_MS} ms)`,
    value: slowest,
    unit: 'ms',
    goal: '≤ 100 ms every step',
    pass: slowest <= 100,
  });
  const frame = median(played.ours);
  const refetch = median(played.baseline);
  recordFigure({
    bench: BENCH,
    figure: `time-slider play frame (median of ${played.ours.length}), prefetch 3 ahead`,
    value: frame,
    unit: 'ms',
    baseline: 'same page, prefetch off: each frame fetches',
    baselineValue: refetch,
    goal: '≥ 3× faster (≤ 0.33×)',
    pass: frame * 3 <= refetch,
  });
  process.stdout.write(
    `    (${PLAY_STEPS} steps a round; baseline slowest frame ${format(Math.max(...played.baseline))} ms)\n`,
  );
} finally {
  await browser.close();
  server.close();
  await backend.close();
}
