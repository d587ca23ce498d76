// Small helpers of this package's tests.
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (never a fixed one: other suites on this machine use theirs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
