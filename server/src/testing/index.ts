// `@chronos/server/testing`: what other packages' suites and the benches use of the server, by name and
// never by path — a seeded test server on PGlite or PostgreSQL with functions that write values and
// create keys through the server's own code, throw-away PostgreSQL databases, the FRED / Statistics Canada
// replay server, and the shipped boundary file.
import { fileURLToPath } from 'node:url';

export { ADMIN_DATABASE_URL, createTestDatabase, REDIS_URL, type TestDatabase } from './database.ts';
export { type Fault, type ReplayOptions, type ReplayServer, startReplayServer } from './replay-server.ts';
export {
  startTestServer,
  type TestMetric,
  type TestServer,
  type TestServerOptions,
  type TestStore,
  type TestValue,
} from './test-server.ts';

/** The shipped boundary file (TopoJSON, object `regions`: US states and Canadian provinces/territories). */
export const boundariesFile = fileURLToPath(new URL('../../data/boundaries.topo.json', import.meta.url));
