// Scheduled ingestion wired into the app's lifecycle: the IngestScheduler (jobs/scheduler.ts) starts when
// the app is ready and stops (cancelling runs in flight) when it closes. SCHEDULER=off leaves it out
// (instances that only serve); the decorator is then null.
import fp from 'fastify-plugin';
import { IngestScheduler, type IngestSchedulerOptions } from '../../jobs/scheduler.ts';
import type { IngestSettings } from '../../jobs/settings.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ingestScheduler: IngestScheduler | null;
  }
}

export interface SchedulerPluginOptions {
  /** The `ingest` part of the validated configuration (config.ts). */
  settings: IngestSettings;
  runOptions?: IngestSchedulerOptions['runOptions'];
  onDataChanged?: IngestSchedulerOptions['onDataChanged'];
}

export default fp<SchedulerPluginOptions>(
  async (fastify, { settings, runOptions, onDataChanged }) => {
    if (!settings.scheduler.enabled) {
      fastify.log.info('SCHEDULER=off: this instance serves only, ingestion is not scheduled');
      fastify.decorate('ingestScheduler', null);
      return;
    }
    // This instance's API answers from the new rows at once (other instances see the version on their next poll).
    const refreshCatalog = fastify.hasDecorator('catalog')
      ? async () => {
          await fastify.catalog.refresh();
        }
      : undefined;
    const scheduler = new IngestScheduler({
      db: fastify.db,
      settings,
      log: fastify.log,
      runOptions,
      onDataChanged: onDataChanged ?? refreshCatalog,
    });
    fastify.decorate('ingestScheduler', scheduler);
    fastify.addHook('onReady', async () => scheduler.start());
    fastify.addHook('onClose', async () => scheduler.stop());
  },
  { name: 'scheduler', dependencies: ['db'] },
);
