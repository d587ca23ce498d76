// The database (PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise), migrated and seeded at
// start, closed when the app closes.
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { seed } from '../../data/seed.ts';
import { createDb, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export interface DbPluginOptions {
  config: Config;
  /** Use this database instead of opening one (tests, bench); it is not closed with the app. */
  db?: Db | undefined;
  /** Seed the shipped boundaries and the sample metric when the database is empty (default true). */
  seed?: boolean;
}

export default fp<DbPluginOptions>(
  async (fastify, options) => {
    const { config } = options;
    const db =
      options.db ??
      (await createDb({
        databaseUrl: config.DATABASE_URL,
        dataDir: config.paths.dataDir,
        poolMax: config.DATABASE_POOL_MAX,
      }));
    if (!options.db) fastify.addHook('onClose', () => db.close());
    const applied = await migrate(db);
    if (applied.length > 0) fastify.log.info({ applied }, 'database migrated');
    if (options.seed !== false) {
      const seeded = await seed(db, config.paths.boundariesFile);
      if (seeded.boundaries || seeded.observations) fastify.log.info(seeded, 'database seeded');
    }
    fastify.decorate('db', db);
  },
  { name: 'db' },
);
