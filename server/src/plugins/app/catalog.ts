// The in-memory catalog (metrics, region sets, regions, data versions), polled for changes made by
// other processes (ingestion, `chronos-server boundaries import`) every DATA_VERSION_POLL_MS.
import fp from 'fastify-plugin';
import { Catalog } from '../../catalog.ts';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    catalog: Catalog;
  }
}

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    // Polled on the read replica; loaded first from the primary, which a replica may lag just after migrations.
    const catalog = new Catalog(fastify.readDb, fastify.db);
    await catalog.refresh(true);
    fastify.decorate('catalog', catalog);
    if (config.DATA_VERSION_POLL_MS > 0) {
      const timer = setInterval(() => {
        catalog.refresh().catch((error) => fastify.log.warn({ err: error }, 'data version poll failed'));
      }, config.DATA_VERSION_POLL_MS);
      timer.unref();
      fastify.addHook('onClose', async () => clearInterval(timer));
    }
  },
  { name: 'catalog', dependencies: ['db'] },
);
