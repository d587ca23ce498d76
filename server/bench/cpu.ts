// Server CPU per cached `mode=data` request: the app and the bare route of bench:api, each alone at a
// fixed request rate, CPU time of the server process from /proc/<pid>/stat (user + system) before and
// after. Unlike throughput at saturation this survives a loaded machine: the servers are not competing
// for the core, only each request's own work is counted (plus whatever the kernel charges the process).
//   node bench/cpu.ts [name=path/to/cli.ts …]   (default: app=src/cli.ts)
// Every round starts a fresh process per side (processes of one build differ, see README.md), warms it
// up at full speed, then sends CPU_REQUESTS requests at CPU_RATE req/s (autocannon, 50 connections, the
// bench's browser-like headers). Sides alternate within a round. CPU_ROUNDS, CPU_RATE, CPU_REQUESTS,
// CPU_WARMUP (requests) set the run; BENCH_NO_REDIS=1 runs the app without Redis.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { SERVER_V8_FLAGS } from '../src/v8-flags.ts';
import { createTestDatabase } from '../src/testing/database.ts';
import { HEADERS, median } from './load.ts';
import {
  baselineServer,
  recordSample,
  seedDatabase,
  serverEnv,
  startProcess,
  stopAll,
  stopProcess,
} from './servers.ts';

const ROUNDS = Number(process.env.CPU_ROUNDS ?? 3);
const RATE = Number(process.env.CPU_RATE ?? 3000);
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 30_000);
const WARMUP = Number(process.env.CPU_WARMUP ?? 100_000);
const DATA = '/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces&time=latest';
const TICK_US = 1e6 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);
const builds = (process.argv.length > 2 ? process.argv.slice(2) : ['app=src/cli.ts']).map((arg) => {
  const [name, path] = arg.split('=') as [string, string];
  return { name, cli: resolve(path) };
});

/** CPU_PROF=<dir>: every server writes a V8 CPU profile in <dir>/<side>/ when it stops. */
const profile = (side: string) =>
  process.env.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.CPU_PROF, side)}`] : [];

/** utime and stime of a process, µs. */
function cpuUs(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) * TICK_US, system: Number(fields[12]) * TICK_US };
}

async function fire(url: string, options: { amount: number; overallRate?: number }): Promise<number> {
  let bad = 0;
  const run = autocannon({ url, connections: 50, headers: HEADERS, ...options }) as unknown as Promise<unknown> & {
    on(event: 'response', fn: (c: unknown, status: number) => void): void;
  };
  run.on('response', (_c, status) => {
    if (status !== 200) bad++;
  });
  await run;
  return bad;
}

const database = await createTestDatabase();
const sampleDir = mkdtempSync(join(tmpdir(), 'chronos-bench-cpu-'));
try {
  seedDatabase(database.url);
  const env = serverEnv(database.url);
  // The bare route's bytes and headers, as bench:api writes them (from the first build). The bare server
  // reads a /boundaries sample too; only /data is loaded here, so both get the data answer.
  const first = await startProcess([...SERVER_V8_FLAGS, builds[0]!.cli, 'serve'], env, '/api/health');
  for (const name of ['data', 'boundaries']) await recordSample(sampleDir, name, `${first.url}${DATA}`);
  await stopProcess(first.child);
  const sides = [
    ...builds.map(({ name, cli }) => ({
      name,
      start: () => startProcess([...SERVER_V8_FLAGS, ...profile(name), cli, 'serve'], env, '/api/health'),
      path: DATA,
    })),
    {
      name: 'bare',
      start: () =>
        startProcess(
          [...SERVER_V8_FLAGS, ...profile('bare'), baselineServer, 'bare', '{port}', sampleDir],
          {},
          '/data',
        ),
      path: '/data',
    },
  ];
  const perRequest = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  process.stdout.write(`${ROUNDS} rounds; per side: warm-up ${WARMUP}, then ${REQUESTS} requests at ${RATE} req/s\n`);
  for (let round = 0; round < ROUNDS; round++) {
    const line: string[] = [];
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const server = await side.start();
      const url = `${server.url}${side.path}`;
      let bad = await fire(url, { amount: WARMUP });
      const before = cpuUs(server.child.pid!);
      const t0 = performance.now();
      // CPU_STRACE=1: the system calls of the measured requests (strace slows the server: a low CPU_RATE).
      const strace = process.env.CPU_STRACE
        ? spawn('strace', ['-c', '-f', '-p', String(server.child.pid)], { stdio: ['ignore', 'ignore', 'inherit'] })
        : undefined;
      bad += await fire(url, { amount: REQUESTS, overallRate: RATE });
      const elapsed = (performance.now() - t0) / 1000;
      const after = cpuUs(server.child.pid!);
      if (strace) {
        await new Promise((r) => {
          strace.once('exit', r);
          strace.kill('SIGINT');
        });
      }
      const [user, system] = [(after.user - before.user) / REQUESTS, (after.system - before.system) / REQUESTS];
      perRequest.get(side.name)!.push(user + system);
      line.push(
        `${side.name} ${(user + system).toFixed(1)} µs (user ${user.toFixed(1)}, system ${system.toFixed(1)}; ${Math.round(REQUESTS / elapsed)} req/s${bad ? `, ${bad} non-200` : ''})`,
      );
      await stopProcess(server.child);
    }
    process.stdout.write(
      `round ${round + 1}: ${line.join(', ')}  load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`,
    );
  }
  const bare = median(perRequest.get('bare')!);
  for (const [name, values] of perRequest) {
    const m = median(values);
    process.stdout.write(
      `${name}: median ${m.toFixed(1)} µs per request (${(m / bare).toFixed(2)}× bare); rounds ${values.map((v) => v.toFixed(1)).join(', ')}\n`,
    );
  }
} finally {
  await stopAll();
  rmSync(sampleDir, { recursive: true, force: true });
  await database.drop();
}
