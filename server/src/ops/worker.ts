// `chronos-server worker`: the scheduled ingestion alone, without HTTP — the process behind the
// chronos-worker systemd unit, so API instances can run with SCHEDULER=off and scale on their own.
// It is the app's own plugins (database, catalog, scheduler) in a Fastify instance that never listens:
// same logging, same migrations, same advisory-lock election, so several workers are safe too.
import closeWithGrace from 'close-with-grace';
import Fastify, { type FastifyInstance } from 'fastify';
import { serverOptions } from '../app.ts';
import type { Config } from '../config.ts';
import catalogPlugin from '../plugins/app/catalog.ts';
import dbPlugin from '../plugins/app/db.ts';
import sentryPlugin from '../plugins/app/sentry.ts';
import schedulerPlugin from '../plugins/app/scheduler.ts';

export class WorkerConfigError extends Error {
  override name = 'WorkerConfigError';
}

export async function runWorker(config: Config): Promise<FastifyInstance> {
  const settings = config.ingest;
  if (!settings.scheduler.enabled) {
    throw new WorkerConfigError(
      'the worker runs only the ingestion scheduler, and SCHEDULER=off turns it off: unset SCHEDULER (or set SCHEDULER=on) for the worker',
    );
  }
  const worker = Fastify(serverOptions(config));
  await worker.register(sentryPlugin, { config });
  await worker.register(dbPlugin, { config, seed: false });
  await worker.register(catalogPlugin, { config });
  await worker.register(schedulerPlugin, { settings });
  const grace = closeWithGrace({ delay: config.SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err) worker.log.error({ err }, 'worker stopping after an error');
    else worker.log.info({ signal }, 'worker stopping');
    await worker.close();
  });
  worker.addHook('onClose', async () => grace.uninstall());
  await worker.ready();
  worker.log.info({ sources: worker.ingestScheduler?.scheduled ?? [] }, 'worker ready: ingestion scheduled');
  return worker;
}
