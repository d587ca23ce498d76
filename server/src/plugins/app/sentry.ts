// Error reporting. With SENTRY_DSN set, server errors go to Sentry through @sentry/node, loaded only
// then (it is an optional dependency: `pnpm add --filter @chronos/server @sentry/node` to enable it; it
// is not installed by default because it pulls in OpenTelemetry). Without it, errors are only logged.
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

interface SentryLike {
  init(options: { dsn: string; environment?: string }): void;
  captureException(error: unknown, context?: { extra?: Record<string, unknown> }): void;
  flush?(timeout?: number): Promise<boolean>;
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    let sentry: SentryLike | null = null;
    if (config.SENTRY_DSN) {
      try {
        const moduleName = '@sentry/node';
        sentry = (await import(moduleName)) as SentryLike;
        sentry.init({ dsn: config.SENTRY_DSN, environment: config.NODE_ENV });
        fastify.log.info('Sentry error reporting on');
      } catch {
        fastify.log.warn('SENTRY_DSN is set but @sentry/node is not installed: errors are only logged');
      }
    }
    fastify.decorate('reportError', (error: Error, context?: Record<string, unknown>) => {
      sentry?.captureException(error, context ? { extra: context } : undefined);
    });
    fastify.addHook('onClose', async () => {
      await sentry?.flush?.(2_000);
    });
  },
  { name: 'sentry' },
);
