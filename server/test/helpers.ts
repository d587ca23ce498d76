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
  options: { redis?: string | false; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = store === 'postgres' ? await createTestDatabase() : null;
  const redis = options.redis === undefined ? REDIS_URL : options.redis;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    DATA_VERSION_POLL_MS: '0',
    // Several apps share one test process: one app seeding (seconds of CPU) must not make another shed
    // load. Shedding itself is tested with its own limits.
    MAX_EVENT_LOOP_DELAY_MS: '30000',
    // Each embedded (PGlite) app holds ~450 MB of WASM memory; a test process may hold several.
    MAX_RSS_MB: '8192',
    // The same for Redis: a command that waits behind another app's seeding is not a Redis outage (the
    // fail-fast tests use a closed port, which fails at once whatever the timeout).
    REDIS_COMMAND_TIMEOUT_MS: '2000',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(redis ? { REDIS_URL: redis } : {}),
    ...options.env,
  });
  const app = await createServer({ config, logger: false });
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
