// bench:ops — the server as it runs in production, for a while: a soak at a steady request rate
// (OPS_SOAK_SECONDS, default 600; OPS_SOAK_RATE req/s, default 200) over a mix of cached and uncached URLs on
// PostgreSQL + Redis, sampling RSS and event-loop delay from the server's own /metrics. Goals: 0 errors, RSS
// growth < 10 % from the end of warm-up to the end, event-loop p99 bounded (≤ 100 ms in every sample). Then
// cached throughput with production logging (LOG_LEVEL=info, one line per request, to a file) against the
// same server with logging off (LOG_LEVEL=warn): ≥ 0.8×.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { recordFigure } from '@chronos/devkit/bench-record';
import { createTestDatabase, REDIS_URL } from '../src/testing/database.ts';
import { SERVER_V8_FLAGS } from '../src/v8-flags.ts';

const SOAK_SECONDS = Number(process.env.OPS_SOAK_SECONDS ?? 600);
const SOAK_RATE = Number(process.env.OPS_SOAK_RATE ?? 200);
const WARMUP_SECONDS = Math.min(60, Math.max(5, Math.round(SOAK_SECONDS / 10)));
const LOGGING_SECONDS = Number(process.env.OPS_LOGGING_SECONDS ?? 5);
const DATA = '/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces';
const cli = join(import.meta.dirname, '../src/cli.ts');
const children: ChildProcess[] = [];
const logDir = mkdtempSync(join(tmpdir(), 'chronos-bench-ops-'));

async function startServer(
  env: Record<string, string>,
  logFile: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [...SERVER_V8_FLAGS, cli, 'serve'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.pipe(createWriteStream(logFile));
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not start (${JSON.stringify(env)})`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function scrape(url: string): Promise<{ rss: number; loopP99: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) =>
    Number(/^(\S+) (\S+)$/m.exec(text.split('\n').find((l) => l.startsWith(`${name} `)) ?? '')?.[2]);
  return { rss: value('process_resident_memory_bytes'), loopP99: value('nodejs_eventloop_lag_p99_seconds') };
}

/** The soak's URLs: the cached hot path plus a rotating set of months (each a build, then cached). */
function soakRequests() {
  const months = Array.from({ length: 36 }, (_, i) => {
    const date = new Date(Date.UTC(2021, 9 + i, 1));
    return date.toISOString().slice(0, 7);
  });
  return [
    { path: `${DATA}&time=latest` },
    { path: '/api/geo/choropleth?metric=unemployment&mode=boundaries&geo=us-states,ca-provinces&detail=low' },
    { path: '/api/metrics' },
    ...months.map((month) => ({ path: `${DATA}&time=${month}&region=${month.endsWith('1') ? 'US-CA' : 'CA-ON'}` })),
  ].map((request) => ({ ...request, headers: { 'accept-encoding': 'br, gzip' } }));
}

const database = await createTestDatabase();
try {
  const seeded = spawnSync(process.execPath, [cli, 'seed'], { env: { ...process.env, DATABASE_URL: database.url } });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const common = { DATABASE_URL: database.url, REDIS_URL, RATE_LIMIT_MAX: '100000000', SCHEDULER: 'off' };

  // The soak.
  const soak = await startServer({ ...common, LOG_LEVEL: 'info' }, join(logDir, 'soak.log'));
  process.stdout.write(`  soak: ${SOAK_SECONDS} s at ${SOAK_RATE} req/s (warm-up ${WARMUP_SECONDS} s)\n`);
  const samples: { at: number; rss: number; loopP99: number }[] = [];
  const started = Date.now();
  const run = autocannon({
    url: soak.url,
    connections: 10,
    overallRate: SOAK_RATE,
    duration: SOAK_SECONDS,
    requests: soakRequests(),
  });
  const sampler = setInterval(async () => {
    const sample = await scrape(soak.url).catch(() => undefined);
    if (sample) samples.push({ at: (Date.now() - started) / 1000, ...sample });
  }, 10_000);
  const result = await run;
  clearInterval(sampler);
  const after = await scrape(soak.url);
  samples.push({ at: (Date.now() - started) / 1000, ...after });
  await stop(soak.child);
  const warm = samples.find((sample) => sample.at >= WARMUP_SECONDS) ?? samples[0]!;
  const growth = ((after.rss - warm.rss) / warm.rss) * 100;
  const worstLoop = Math.max(...samples.map((sample) => sample.loopP99)) * 1000;
  const errors = result.errors + result.non2xx + result.timeouts;
  recordFigure({
    bench: 'ops',
    figure: `soak errors (${result.requests.total} requests, ${SOAK_SECONDS} s)`,
    value: errors,
    unit: 'errors',
    goal: '0',
    pass: errors === 0,
  });
  recordFigure({
    bench: 'ops',
    figure: `soak RSS growth after warm-up (${Math.round(warm.rss / 1048576)} → ${Math.round(after.rss / 1048576)} MB)`,
    value: growth,
    unit: '%',
    goal: '< 10 %',
    pass: growth < 10,
  });
  recordFigure({
    bench: 'ops',
    figure: `soak event-loop p99, worst 10-s sample (${samples.length} samples)`,
    value: worstLoop,
    unit: 'ms',
    goal: '≤ 100 ms',
    pass: worstLoop <= 100,
  });

  // Production logging against logging off, cached hits, alternating rounds.
  const logged = await startServer({ ...common, LOG_LEVEL: 'info' }, join(logDir, 'logged.log'));
  const quiet = await startServer({ ...common, LOG_LEVEL: 'warn' }, join(logDir, 'quiet.log'));
  const load = async (url: string) =>
    (
      await autocannon({
        url: `${url}${DATA}&time=latest`,
        connections: 50,
        duration: LOGGING_SECONDS,
        headers: { 'accept-encoding': 'br, gzip' },
      })
    ).requests.average;
  await load(logged.url);
  await load(quiet.url);
  const rounds = { logged: [] as number[], quiet: [] as number[] };
  for (let i = 0; i < 3; i++) {
    rounds.logged.push(await load(logged.url));
    rounds.quiet.push(await load(quiet.url));
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  recordFigure({
    bench: 'ops',
    figure: 'cached mode=data throughput, production logging (one line per request)',
    value: median(rounds.logged),
    unit: 'req/s',
    baseline: 'logging off',
    baselineValue: median(rounds.quiet),
    goal: '≥ 0.8× baseline',
    pass: median(rounds.logged) >= 0.8 * median(rounds.quiet),
  });
} finally {
  await Promise.all(children.map(stop));
  await database.drop();
  rmSync(logDir, { recursive: true, force: true });
}
