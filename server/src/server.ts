// Creates the server, registers the app, and (for `serve`) listens with graceful shutdown: on SIGINT or
// SIGTERM in-flight requests finish, then the database pool and Redis close.
import closeWithGrace from 'close-with-grace';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app, { type AppOptions, serverOptions } from './app.ts';
import type { Config } from './config.ts';

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
  const server = await createServer({ config });
  closeWithGrace({ delay: config.SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err) server.log.error({ err }, 'shutting down after an error');
    else server.log.info({ signal }, 'shutting down');
    await server.close();
  });
  await server.listen({ host: config.HOST, port: config.PORT });
  return server;
}
