// Creates the server, registers the app, and (for `serve`) listens with graceful shutdown: on SIGINT or
// SIGTERM in-flight requests finish, then the database pool and Redis close.
import closeWithGrace from 'close-with-grace';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app, { type AppOptions, serverOptions } from './app.ts';
import type { Config } from './config.ts';
import { assertPortAvailable, portError } from './ops/port.ts';

export async function createServer(
  options: AppOptions & { logger?: FastifyServerOptions['logger'] },
): Promise<FastifyInstance> {
  const server = Fastify(serverOptions(options.config, options.logger ?? true)).withTypeProvider<TypeBoxTypeProvider>();
  // fp: the app's hooks, decorators and error handlers apply to the whole server (fastify/demo does the same).
  await server.register(fp(app), options);
  await server.ready();
  return server;
}

export async function serve(config: Config): Promise<FastifyInstance> {
  // Before anything starts (database, scheduler): a taken port is one line and exit 1 (cli.ts).
  await assertPortAvailable(config.HOST, config.PORT);
  const server = await createServer({ config });
  const grace = closeWithGrace({ delay: config.SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err) server.log.error({ err }, 'shutting down after an error');
    else server.log.info({ signal }, 'shutting down');
    await server.close();
  });
  try {
    await server.listen({ host: config.HOST, port: config.PORT });
  } catch (error) {
    // Taken since the check: stop what started (scheduler, pool) and report it the same way.
    const unavailable = portError(config.HOST, config.PORT, (error as NodeJS.ErrnoException).code);
    if (!unavailable) throw error;
    grace.uninstall();
    await server.close();
    throw unavailable;
  }
  return server;
}
