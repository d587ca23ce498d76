// The full API on the embedded store (in-memory PGlite, seeded with the shipped boundaries and the
// sample metric, in-process cache) on a free port, for other suites (the widgets' browser tests):
//
//   import { startTestServer } from '../../server/src/testing/test-server.ts';
//   const server = await startTestServer();   // { url: 'http://127.0.0.1:PORT', close() }
//
// Loopback origins are allowed without a key; the rate limit is raised so test bursts never hit it.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { createServer } from '../server.ts';

export interface TestServerOptions {
  /** Port to listen on; 0 or omitted = a free port. */
  port?: number;
  /** Extra environment variables (see .env.example), e.g. { TILES_DIR: '/tmp/tiles' }. */
  env?: Record<string, string>;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    DATA_DIR: 'memory://',
    ALLOW_LOOPBACK_ORIGINS: 'true',
    RATE_LIMIT_MAX: '100000',
    DATA_VERSION_POLL_MS: '0',
    MAX_EVENT_LOOP_DELAY_MS: '30000',
    MAX_RSS_MB: '8192',
    ...options.env,
  });
  const app = await createServer({ config, logger: false });
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}
