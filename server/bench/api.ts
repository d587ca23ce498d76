// bench:api — the API's cached paths against (a) a bare Fastify route returning the same bytes and
// (b) the seed-style path (query the database and serialize on every request, no cache), plus payload
// sizes and the process's peak RSS. Everything runs in this one process: the app in its production
// configuration (PostgreSQL + PostGIS in a fresh database, Redis, request logging off as at
// LOG_LEVEL=warn), the baselines, and autocannon (50 connections, browser-like Accept-Encoding).
// DATABASE_URL (admin) and REDIS_URL default to the local services; BENCH_NO_REDIS=1 runs without Redis
// (in-process cache and rate limits), BENCH_SECONDS / BENCH_ROUNDS set the run length. The embedded store (PGlite) is not
// used here: its WASM heap alone is ~370 MB RSS, which the 300 MB goal for a server does not allow for.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { recordFigure } from '../../scripts/lib/bench-record.ts';
import { loadConfig } from '../src/config.ts';
import { buildData } from '../src/responses/choropleth.ts';
import { createServer } from '../src/server.ts';
import { createTestDatabase, REDIS_URL } from '../test/helpers.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const HEADERS = { 'accept-encoding': 'gzip, deflate, br', origin: 'http://localhost:8787' };
const BOUNDARIES = '/api/geo/choropleth?metric=unemployment&mode=boundaries&geo=us-states,ca-provinces';
const DATA = '/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces&time=latest';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Alternating rounds (ours, baseline, ours, …) so a busy machine's swings hit both sides alike; the
 * median round of each side is reported. */
async function compare(ours: string, baseline: string, rounds = ROUNDS) {
  const a: { rps: number; p99: number }[] = [];
  const b: { rps: number; p99: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await load(ours));
    b.push(await load(baseline));
  }
  const median = (runs: { rps: number; p99: number }[]) => ({
    rps: runs.map((r) => r.rps).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!,
    p99: runs.map((r) => r.p99).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!,
  });
  return { ours: median(a), baseline: median(b) };
}

async function load(url: string): Promise<{ rps: number; p99: number }> {
  // The load generator runs in a worker thread so it does not take the server's event loop.
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: HEADERS, workers: 1 });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const database = await createTestDatabase();
// Migrate and seed in a separate process, as an operator would (`chronos-server seed`): the server
// process then never holds the boundary simplification's working memory.
const seeded = spawnSync(process.execPath, [join(import.meta.dirname, '../src/cli.ts'), 'seed'], {
  env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
  encoding: 'utf8',
});
if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
const serverEnv = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: database.url,
  ALLOWED_ORIGINS: HEADERS.origin,
  ...(process.env.BENCH_NO_REDIS ? {} : { REDIS_URL }),
  RATE_LIMIT_MAX: '100000000',
  DATA_VERSION_POLL_MS: '0',
};
const config = loadConfig(serverEnv);
const app = await createServer({ config, logger: { level: 'warn' } });
const appUrl = await listen(app);

// The bytes the cached routes send for these requests, for the bare baseline.
const sample = async (path: string) => {
  const response = await app.inject({ url: path, headers: HEADERS });
  return { body: response.rawPayload, headers: response.headers };
};
const cached = { data: await sample(DATA), boundaries: await sample(BOUNDARIES) };

// Baseline (a): a bare Fastify route returning the same bytes: the same body and the same response
// headers (content, caching, CORS and security headers alike), with none of the work behind them.
const bare = Fastify();
const HOP_BY_HOP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
for (const [path, { body, headers }] of [
  ['/data', cached.data],
  ['/boundaries', cached.boundaries],
] as const) {
  const replay = Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  bare.get(path, async (_request, reply) => reply.headers(replay).send(body));
}
const bareUrl = await listen(bare);

// Baseline (b): the seed's way — query PostGIS and serialize on every request (ST_AsGeoJSON of the
// stored geometry for boundaries, as the seed did), no cache, no compression.
const seedStyle = Fastify();
const sets = ['ca-provinces', 'us-states'];
const regionsInSets = [...app.catalog.regions.values()].filter((r) => sets.includes(r.set)).map((r) => r.code);
seedStyle.get('/data', async (_request, reply) =>
  reply
    .type('application/json')
    .send(await buildData(app.db, { metric: 'unemployment', sets, regionsInSets, time: 'latest' })),
);
seedStyle.get('/boundaries', async (_request, reply) => {
  const { rows } = await app.db.query<{
    code: string;
    name: string;
    name_fr: string;
    country: string;
    geometry: string;
  }>(
    `select code, name, name_fr, country, ST_AsGeoJSON(geom) as geometry
     from regions where set_id = any($1::text[]) order by code`,
    [sets],
  );
  const features = rows.map(
    (row) =>
      `{"type":"Feature","id":${JSON.stringify(row.code)},"properties":${JSON.stringify({ code: row.code, name: row.name, name_fr: row.name_fr, country: row.country })},"geometry":${row.geometry}}`,
  );
  return reply.type('application/geo+json').send(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
});
const seedUrl = await listen(seedStyle);

const bench = 'api';
for (const [name, path] of [
  ['data', DATA],
  ['boundaries', BOUNDARIES],
] as const) {
  process.stdout.write(`mode=${name}: measuring (${ROUNDS} alternating rounds of ${DURATION} s)…\n`);
  await load(`${appUrl}${path}`); // warm-up: JIT, connections
  const { ours, baseline } = await compare(`${appUrl}${path}`, `${bareUrl}/${name}`);
  const uncached = (await compare(`${appUrl}${path}`, `${seedUrl}/${name}`, 1)).baseline;
  recordFigure({
    bench,
    figure: `cached mode=${name} throughput`,
    value: ours.rps,
    unit: 'req/s',
    baseline: 'bare Fastify route, same bytes',
    baselineValue: baseline.rps,
    goal: '≥ 0.8× baseline',
    pass: ours.rps >= 0.8 * baseline.rps,
  });
  recordFigure({
    bench,
    figure: `cached mode=${name} p99 latency (50 conn.)`,
    value: ours.p99,
    unit: 'ms',
    baseline: 'bare Fastify route, same bytes',
    baselineValue: baseline.p99,
    goal: '≤ 1.5× baseline',
    pass: ours.p99 <= 1.5 * Math.max(baseline.p99, 1),
  });
  const needed = name === 'data' ? 5 : 20;
  recordFigure({
    bench,
    figure: `cached mode=${name} vs seed-style`,
    value: ours.rps,
    unit: 'req/s',
    baseline: 'query + serialize per request',
    baselineValue: uncached.rps,
    goal: `≥ ${needed}× baseline`,
    pass: ours.rps >= needed * uncached.rps,
  });
}

// Payload sizes (the bytes on the wire with gzip, as the goals are stated).
const gzipSize = async (path: string) =>
  (await app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } })).rawPayload.length;
const geojsonGzip = await gzipSize(`${BOUNDARIES}&detail=medium`);
const topojsonGzip = await gzipSize(`${BOUNDARIES}&detail=medium&format=topojson`);
const dataGzip = await gzipSize(DATA);
recordFigure({
  bench,
  figure: 'boundaries (medium, US + CA) GeoJSON gzip',
  value: geojsonGzip / 1024,
  unit: 'KB',
  goal: '≤ 120 KB',
  pass: geojsonGzip <= 120 * 1024,
});
recordFigure({
  bench,
  figure: 'boundaries (medium, US + CA) TopoJSON gzip',
  value: topojsonGzip / 1024,
  unit: 'KB',
  baseline: 'GeoJSON gzip',
  baselineValue: geojsonGzip / 1024,
  goal: '< GeoJSON',
  pass: topojsonGzip < geojsonGzip,
});
recordFigure({
  bench,
  figure: 'mode=data (65 regions) gzip',
  value: dataGzip / 1024,
  unit: 'KB',
  goal: '≤ 4 KB',
  pass: dataGzip <= 4 * 1024,
});
// Server RSS under load: the real server (`chronos-server serve`, same database, Redis) in its own
// process, so the figure is the server's alone (the load generator's memory is not in it), sampled from
// /proc while autocannon loads it with data and boundaries requests.
const port = 20_000 + Math.floor(Math.random() * 20_000);
const child = spawn(process.execPath, [join(import.meta.dirname, '../src/cli.ts'), 'serve'], {
  env: { ...process.env, ...serverEnv, PORT: String(port) },
  stdio: 'ignore',
});
const childUrl = `http://127.0.0.1:${port}`;
for (let i = 0; i < 120; i++) {
  if (
    await fetch(`${childUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
let peakRss = 0;
const sampler = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    peakRss = Math.max(peakRss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
  } catch {}
}, 50);
await load(`${childUrl}${DATA}`);
await load(`${childUrl}${BOUNDARIES}`);
await load(`${childUrl}${BOUNDARIES}&format=topojson`);
clearInterval(sampler);
child.kill('SIGTERM');
recordFigure({
  bench,
  figure: 'server peak RSS under load (PostgreSQL + Redis)',
  value: peakRss / 1024 / 1024,
  unit: 'MB',
  goal: '< 300 MB',
  pass: peakRss > 0 && peakRss < 300 * 1024 * 1024,
});

await Promise.all([app.close(), bare.close(), seedStyle.close()]);
await database.drop();
