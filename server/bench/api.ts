// bench:api — the API's cached paths against (a) a bare Fastify route returning the same bytes and
// (b) the seed-style path (query the database and serialize on every request, no cache), plus payload
// sizes and the server's peak RSS. Each server runs in its own process, as in production: the app
// (`chronos-server serve` in its production configuration: PostgreSQL + PostGIS in a fresh database,
// Redis, LOG_LEVEL=warn) and both baselines (bench/baseline-server.ts); autocannon (50 connections,
// browser-like Accept-Encoding) loads them from this process, so no server shares an event loop or a
// heap with the load generator. Boundaries throughput and latency use undici instead, as autocannon cannot
// read 80 KB bodies fast enough to load a server (see loadUndici in load.ts).
// DATABASE_URL (admin) and REDIS_URL default to the local services; BENCH_NO_REDIS=1 runs without Redis
// (in-process cache and rate limits), BENCH_SECONDS / BENCH_FORKS / BENCH_ROUNDS / BENCH_WARMUP_ROUNDS set the
// run length (each cached-route comparison runs BENCH_FORKS fresh pairs of processes; see below). The embedded store (PGlite) is not
// used here: its WASM heap alone is ~370 MB RSS, which the 300 MB goal for a server does not allow for.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordFigure } from '@chronos/devkit/bench-record';
import { SERVER_V8_FLAGS } from '../src/v8-flags.ts';
import { createTestDatabase } from '../src/testing/database.ts';
import {
  alternate,
  DURATION,
  describeFailures,
  failures,
  load,
  loadUndici,
  median,
  p99,
  type Run,
  rps,
} from './load.ts';
import {
  baselineServer,
  cli,
  recordSample,
  seedDatabase,
  serverEnv,
  startProcess,
  stopAll,
  stopProcess,
} from './servers.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 2);
const FORKS = Number(process.env.BENCH_FORKS ?? 3);
const BOUNDARIES = '/api/geo/choropleth?metric=unemployment&mode=boundaries&geo=us-states,ca-provinces';
const DATA = '/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces&time=latest';
const database = await createTestDatabase();
const sampleDir = mkdtempSync(join(tmpdir(), 'chronos-bench-api-'));
try {
  seedDatabase(database.url);
  const env = serverEnv(database.url);
  const serve = () => startProcess([...SERVER_V8_FLAGS, cli, 'serve'], env, '/api/health');
  // The bare baseline runs with the server's V8 flags too, so the comparison stays like for like.
  const serveBare = () => startProcess([...SERVER_V8_FLAGS, baselineServer, 'bare', '{port}', sampleDir], {}, '/data');

  // Peak RSS of the real server (every app process below), sampled from /proc through every load.
  const apps = new Set<ChildProcess>();
  let peakRss = 0;
  const sampler = setInterval(() => {
    for (const child of apps) {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakRss = Math.max(peakRss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      } catch {}
    }
  }, 50);
  const app = await serve();
  apps.add(app.child);

  // The bytes the cached routes send, per encoding, for the bare baseline (same bytes, same headers).
  const sizes: Record<string, Record<string, number>> = {};
  for (const [name, path] of [
    ['data', DATA],
    ['boundaries', BOUNDARIES],
    ['topojson', `${BOUNDARIES}&format=topojson`],
  ] as const) {
    sizes[name] = await recordSample(sampleDir, name, `${app.url}${path}`);
  }
  const seedStyle = await startProcess(
    [...SERVER_V8_FLAGS, baselineServer, 'seed', '{port}', database.url],
    {},
    '/data',
  );

  const bench = 'api';
  for (const [name, path] of [
    ['data', DATA],
    ['boundaries', BOUNDARIES],
  ] as const) {
    const loader = name === 'boundaries' ? loadUndici : load;
    const client = loader === load ? 'autocannon' : 'undici';
    process.stdout.write(
      `mode=${name}: ${FORKS} fresh process pairs, each ${WARMUP_ROUNDS} warm-up and ${ROUNDS} measured rounds of ${DURATION} s per side…\n`,
    );
    // Several fresh processes per side, as JMH forks a JVM several times: how fast one process runs
    // varies from one process to the next (memory placement on this virtual machine, and whatever a JIT
    // decided while starting), by up to 1.5× between two runs of the same binary, so one process per
    // side decides nothing. Every round of every process counts toward its side's median.
    const ours: Run[] = [];
    const bare: Run[] = [];
    // Every request the app and the bare route got (warm-ups included), for the count of non-200 answers.
    const everyRun: Run[] = [];
    for (let fork = 0; fork < FORKS; fork++) {
      const [appFork, bareFork] = [await serve(), await serveBare()];
      apps.add(appFork.child);
      const [a, b] = [`${appFork.url}${path}`, `${bareFork.url}/${name}`];
      // Warm-up (JIT tiers, connections, caches): the app runs far more code per request than the bare
      // route; an earlier session saw its cost per request still falling through the first ~200k
      // requests, and each process here gets ~100k (two rounds) before it is measured.
      for (let i = 0; i < WARMUP_ROUNDS; i++) {
        everyRun.push(await loader(a), await loader(b));
      }
      // Latency and throughput at 50 connections from the same rounds: autocannon, as the goals are
      // stated, except for boundaries, where autocannon itself is the bottleneck (see loadUndici).
      const measured = await alternate(a, b, ROUNDS, loader);
      ours.push(...measured.ours);
      bare.push(...measured.baseline);
      everyRun.push(...measured.ours, ...measured.baseline);
      if (loader !== load && fork === FORKS - 1) {
        // For the record only: what autocannon reports for boundaries (its own parsing queue, see loadUndici).
        const clientBound = await alternate(a, b, 1, load);
        everyRun.push(...clientBound.ours, ...clientBound.baseline);
        process.stdout.write(
          `  for information, autocannon on boundaries (client-bound): p99 ${clientBound.ours[0]!.p99!.toFixed(1)} vs ${clientBound.baseline[0]!.p99!.toFixed(1)} ms, ${Math.round(clientBound.ours[0]!.rps)} vs ${Math.round(clientBound.baseline[0]!.rps)} req/s\n`,
        );
      }
      const fmt = (runs: Run[]) => Math.round(median(runs.map((r) => r.rps))).toLocaleString('en-US');
      process.stdout.write(
        `  process pair ${fork + 1}: ${fmt(measured.ours)} vs ${fmt(measured.baseline)} req/s, p99 ${p99(measured.ours).toFixed(2)} vs ${p99(measured.baseline).toFixed(2)} ms (${client})\n`,
      );
      await Promise.all([stopProcess(appFork.child), stopProcess(bareFork.child)]);
      apps.delete(appFork.child);
    }
    const uncachedRounds = await alternate(`${app.url}${path}`, `${seedStyle.url}/${name}`, 1, loader);
    everyRun.push(...uncachedRounds.ours);
    const uncached = uncachedRounds.baseline;
    // The seed-style server waits at most 5 s for one of its 10 database connections (src/db/client.ts),
    // then answers 503: with 50 connections of uncached boundaries on a loaded machine some requests do.
    // Those are not bodies served, so its throughput counts 200s only, and the 503s are reported here.
    const uncachedFailed = failures(uncached);
    if (Object.keys(uncachedFailed).length > 0) {
      process.stdout.write(
        `  seed-style mode=${name}: ${describeFailures(uncachedFailed)} (not counted as served; 200s: ${Math.round(rps(uncached))} req/s)\n`,
      );
    }
    // The app and the bare route must answer every request with a 200: a 503 from load shedding, a 429,
    // a timeout is a failed figure (with the others still measured and recorded), never a crashed run.
    const failed = failures(everyRun);
    const failedCount = Object.values(failed).reduce((sum, n) => sum + n, 0);
    recordFigure({
      bench,
      figure: `cached mode=${name}: requests not answered 200 (app and bare route${failedCount ? `: ${describeFailures(failed)}` : ''})`,
      value: failedCount,
      unit: 'requests',
      goal: '0',
      pass: failedCount === 0,
    });
    recordFigure({
      bench,
      figure: `cached mode=${name} throughput (${client})`,
      value: rps(ours),
      unit: 'req/s',
      baseline: 'bare Fastify route, same bytes',
      baselineValue: rps(bare),
      goal: '≥ 0.8× baseline',
      pass: rps(ours) >= 0.8 * rps(bare),
    });
    recordFigure({
      bench,
      figure: `cached mode=${name} p99 latency (${client}, 50 conn.)`,
      value: p99(ours),
      unit: 'ms',
      baseline: 'bare Fastify route, same bytes',
      baselineValue: p99(bare),
      goal: '≤ 1.5× baseline',
      pass: p99(ours) <= 1.5 * p99(bare),
    });
    const needed = name === 'data' ? 5 : 20;
    recordFigure({
      bench,
      figure: `cached mode=${name} vs seed-style (${client})`,
      value: rps(ours),
      unit: 'req/s',
      baseline: 'query + serialize per request',
      baselineValue: rps(uncached),
      goal: `≥ ${needed}× baseline`,
      pass: rps(ours) >= needed * rps(uncached),
    });
  }
  await load(`${app.url}${BOUNDARIES}&format=topojson`);
  clearInterval(sampler);

  // Payload sizes: the bytes on the wire with gzip, as the goals are stated.
  const geojsonGzip = sizes.boundaries!.gzip!;
  const topojsonGzip = sizes.topojson!.gzip!;
  const dataGzip = sizes.data!.gzip!;
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
  recordFigure({
    bench,
    figure: 'server peak RSS under load (PostgreSQL + Redis)',
    value: peakRss / 1024 / 1024,
    unit: 'MB',
    goal: '< 300 MB',
    pass: peakRss > 0 && peakRss < 300 * 1024 * 1024,
  });
} finally {
  await stopAll();
  rmSync(sampleDir, { recursive: true, force: true });
  await database.drop();
}
