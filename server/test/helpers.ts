// Test helpers: the app built on either store, on a fresh PostgreSQL database per test file
// (src/testing/database.ts, shared with the benches) or the embedded one.
import { spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { createServer } from '../src/server.ts';
import { createTestDatabase, REDIS_URL } from '../src/testing/database.ts';

export { ADMIN_DATABASE_URL, createTestDatabase, REDIS_URL, type TestDatabase } from '../src/testing/database.ts';
export type Store = 'postgres' | 'pglite';
export const STORES: Store[] = ['postgres', 'pglite'];

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** The whole app on one store; `redis: false` for the in-process cache, a URL for another Redis. */
export async function buildTestApp(
  store: Store,
  options: {
    redis?: string | false;
    env?: Record<string, string>;
    /** Rewrites the database URL the app connects to (e.g. through a TcpProxy). */
    databaseUrl?: (url: string) => string;
    /** false: without the cached-hit fast path (src/plugins/app/cached-hits.ts). */
    cachedHitFastPath?: boolean;
  } = {},
): Promise<TestApp> {
  const database = store === 'postgres' ? await createTestDatabase() : null;
  const redis = options.redis === undefined ? REDIS_URL : options.redis;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    DATA_VERSION_POLL_MS: '0',
    // Load shedding is off under NODE_ENV=test (config.ts); its own test sets limits. Redis waits long:
    // a command that waits behind another app's seeding is not a Redis outage (the
    // fail-fast tests use a closed port, which fails at once whatever the timeout).
    REDIS_COMMAND_TIMEOUT_MS: '2000',
    ...(database ? { DATABASE_URL: options.databaseUrl ? options.databaseUrl(database.url) : database.url } : {}),
    ...(redis ? { REDIS_URL: redis } : {}),
    ...options.env,
  });
  const app = await createServer({ config, logger: false, cachedHitFastPath: options.cachedHitFastPath });
  return {
    app,
    store,
    async close() {
      await app.close();
      await database?.drop();
    },
  };
}

const cliPath = new URL('../src/cli.ts', import.meta.url).pathname;

/** `chronos-server <args>` run to completion as an operator would, with only PATH, HOME and `env`. */
export function runCli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Polls `check` until it returns a value (every 200 ms); fails naming `what` after `seconds`. */
export async function poll<T>(
  what: string,
  seconds: number,
  check: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A closed TCP port on this machine (bound, then released). */
export async function closedPort(): Promise<number> {
  const { createServer: createNetServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 1;
      server.close(() => resolve(port));
    });
  });
}

export const BOUNDARIES_URL = '/api/geo/choropleth?metric=unemployment&mode=boundaries&geo=us-states,ca-provinces';
export const DATA_URL = '/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces';

const STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
];

/** A source of URLs no one asked before (up to 800 of them): each answer must come from the database. */
export function uncachedUrls(): () => string {
  let fresh = 0;
  return () => {
    fresh++;
    const month = 10 + Math.floor(fresh / STATES.length);
    const from = `${2021 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
    return `/api/metrics/unemployment?region=US-${STATES[fresh % STATES.length]}&from=${from}`;
  };
}

/** A full garbage collection, so memory measurements count what is held, not what is waiting to be freed. */
export async function collectGarbage(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A TCP proxy in front of a service (PostgreSQL by default, or Redis) that a test can stop (the service
 * becomes unreachable: listener closed, every connection cut) and start again on the same port. */
export interface TcpProxy {
  port: number;
  /** The target URL rewritten to go through the proxy. */
  through(url: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost = '127.0.0.1', targetPort = 5432): Promise<TcpProxy> {
  const net = await import('node:net');
  const sockets = new Set<import('node:net').Socket>();
  let server: import('node:net').Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        port = typeof address === 'object' && address ? address.port : port;
        server = next;
        resolve();
      });
    });
  const stop = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();
  return {
    get port() {
      return port;
    },
    through(url: string) {
      const rewritten = new URL(url);
      rewritten.hostname = '127.0.0.1';
      rewritten.port = String(port);
      return rewritten.toString();
    },
    stop,
    start: listen,
    close: stop,
  };
}

/** `chronos-server serve` as a child process on `port` with only `env` (plus PATH, HOME): its stdout and
 * stderr together, whether it answers /api/health 200, and a SIGTERM stop that waits for the exit. */
export async function spawnServe(port: number, env: Record<string, string>) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [cliPath, 'serve'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    output: () => output,
    healthy: async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.status === 200,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
