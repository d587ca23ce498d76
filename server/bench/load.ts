// The load generators of bench:api and how their rounds are summed up: autocannon for small bodies,
// undici where autocannon's own parser is the bottleneck (80 KB boundaries), alternating rounds, medians,
// and the per-status count of answers that were not a 200. Every server under load runs in its own process;
// these run in the bench process alone.
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { Pool } from 'undici';

/** Seconds per round (BENCH_SECONDS). */
export const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
export const CONNECTIONS = 50;
export const ORIGIN = 'http://localhost:8787';
/** Browser-like: an allowed origin, every encoding a browser accepts. */
export const HEADERS = { 'accept-encoding': 'gzip, deflate, br', origin: ORIGIN };

export interface Run {
  /** Responses with status 200 per second: a refusal or an error is not a response served. */
  rps: number;
  p99?: number;
  /** Requests that got no 200 (by status, or "error" for a connection error or timeout). */
  failed: Record<string, number>;
}

/** The failures of several runs, added up per status. */
export function failures(runs: Run[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const run of runs)
    for (const [status, n] of Object.entries(run.failed)) total[status] = (total[status] ?? 0) + n;
  return total;
}

export const describeFailures = (failed: Record<string, number>) =>
  Object.entries(failed)
    .map(([status, n]) => `${n.toLocaleString('en-US')} × ${status}`)
    .join(', ');
export type Loader = (url: string) => Promise<Run>;

/** Alternating rounds (ours, baseline, ours, …) so a busy machine's swings hit both sides alike. */
export async function alternate(ours: string, baseline: string, rounds: number, loader: Loader) {
  const result = { ours: [] as Run[], baseline: [] as Run[] };
  for (let i = 0; i < rounds; i++) {
    result.ours.push(await loader(ours));
    result.baseline.push(await loader(baseline));
  }
  return result;
}

/** The median (the upper one of an even count). */
export function median(values: number[]): number {
  return [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
}

export const rps = (runs: Run[]) => median(runs.map((r) => r.rps));
export const p99 = (runs: Run[]) => median(runs.map((r) => r.p99 ?? Number.NaN));

/** Throughput and p99 latency with undici (the same 50 keep-alive connections and headers; every body
 * read to its end; a request's latency runs from sending it to its last body byte).
 * Used where autocannon is the bottleneck: on an 80 KB body its parser (http-parser-js, which turns
 * each chunk into a string to find line ends, and keeps every body as a string) tops out near 1,000
 * req/s on one core while the server sits ~85 % idle; undici reads the same responses ~10× faster. At
 * that rate autocannon's latencies are its own queue (Little's law: 50 connections / ~1,000 req/s ≈ 50 ms),
 * not the server's. */
export async function loadUndici(url: string): Promise<Run> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: CONNECTIONS });
  const end = performance.now() + DURATION * 1000;
  const times: number[] = [];
  const failed: Record<string, number> = {};
  const worker = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      const { statusCode, body } = await pool.request({
        method: 'GET',
        path: target.pathname + target.search,
        headers: HEADERS,
      });
      for await (const _chunk of body);
      if (statusCode === 200) times.push(performance.now() - sent);
      else failed[statusCode] = (failed[statusCode] ?? 0) + 1;
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  } finally {
    await pool.close();
  }
  return { rps: times.length / ((performance.now() - started) / 1000), p99: percentile(times, 0.99), failed };
}

/** Throughput and p99 latency with autocannon. The p99 comes from autocannon's own per-response timings
 * (its `response` event, in fractional milliseconds from process.hrtime), not from its summary: that
 * histogram keeps whole milliseconds, and with p99s of 1–2 ms a ratio of two of them can only be 1×,
 * 1.5× or 2× whatever the servers do. */
export async function load(url: string): Promise<Run> {
  const times: number[] = [];
  // Without a callback autocannon returns its event emitter, made thenable (its types show only the promise).
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: HEADERS,
  }) as Promise<autocannon.Result> & Pick<EventEmitter, 'on'>;
  const failed: Record<string, number> = {};
  run.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode === 200) times.push(responseTime);
    else failed[statusCode] = (failed[statusCode] ?? 0) + 1;
  });
  const result = await run;
  if (result.errors > 0) failed.error = result.errors;
  // Requests per second served with a 200 (autocannon's average counts every response).
  const served = result.requests.total > 0 ? times.length / result.requests.total : 0;
  return { rps: result.requests.average * served, p99: percentile(times, 0.99), failed };
}

/** The value at quantile q (nearest rank) of a list of samples. */
export function percentile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
