// Start-up check that the server's address can be bound, made before anything else starts (database,
// scheduler, Redis): a server whose port is taken says so in one line and exits 1, instead of printing a
// stack while its scheduler keeps running. listen() failing later (another process took the port in the
// meantime) ends in the same error, raised by serve() after closing what had started.
import { createServer } from 'node:net';

/** The port cannot be had: the message names the port and the variable that changes it. */
export class PortUnavailableError extends Error {
  override name = 'PortUnavailableError';
}

export function portError(host: string, port: number, code: string | undefined): PortUnavailableError | undefined {
  if (code === 'EADDRINUSE') {
    return new PortUnavailableError(
      `port ${port} on ${host} is already in use: stop what holds it, or set PORT to a free port`,
    );
  }
  if (code === 'EACCES') {
    return new PortUnavailableError(
      `not allowed to listen on port ${port} on ${host}: ports below 1024 need privileges; set PORT to 1024 or above`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new PortUnavailableError(`cannot listen on ${host}:${port}: HOST is not an address of this machine`);
  }
  return undefined;
}

/** Resolves when HOST:PORT can be bound (bound and released at once); rejects with PortUnavailableError. */
export function assertPortAvailable(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve(); // any free port: nothing to check
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(portError(host, port, error.code) ?? error));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
