// The database (PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise), migrated and seeded at
// start, closed when the app closes.
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { seed } from '../../data/seed.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDb, type Db, DatabaseUnavailableError } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { readsFrom } from '../../db/read-replica.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Where the API's reads go: the read replica (DATABASE_READ_URL) when set, else `db`. */
    readDb: Db;
  }
}

export interface DbPluginOptions {
  config: Config;
  /** Use this database instead of opening one (tests, bench); it is not closed with the app. */
  db?: Db | undefined;
  /** Seed the shipped boundaries and the sample metric when the database is empty (default true). */
  seed?: boolean;
}

/**
 * Runs `first` (the first statements of a start), retrying while the database is unreachable: a server
 * started before its database (boot order, a restart) waits for it, saying so in one line per attempt
 * without a stack, and gives up after DATABASE_START_RETRY_SECONDS with a message that names the setting.
 */
export async function untilReachable<T>(
  first: () => Promise<T>,
  config: Config,
  log: (line: string) => void,
): Promise<T> {
  const deadline = Date.now() + config.DATABASE_START_RETRY_SECONDS * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await first();
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      const cause = (error.cause as Error | undefined)?.message || 'no answer';
      const wait = Math.min(1000 * 2 ** (attempt - 1), 10_000);
      if (Date.now() + wait > deadline) {
        throw new DatabaseUnavailableError(
          error,
          `the database at ${where(config)} is unreachable (${cause}); gave up after ${config.DATABASE_START_RETRY_SECONDS} s (DATABASE_START_RETRY_SECONDS). Check DATABASE_URL and that PostgreSQL is running.`,
        );
      }
      log(`database at ${where(config)} unreachable (${cause}); retrying in ${wait / 1000} s (attempt ${attempt})`);
      await sleep(wait);
    }
  }
}

/** host:port/database of DATABASE_URL, without credentials. */
function where(config: Config): string {
  try {
    const url = new URL(config.DATABASE_URL ?? '');
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
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
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      }));
    if (!options.db) fastify.addHook('onClose', () => db.close());
    const applied = await untilReachable(
      () => migrate(db),
      config,
      (line) => fastify.log.warn(line),
    );
    if (applied.length > 0) fastify.log.info({ applied }, 'database migrated');
    if (options.seed !== false) {
      const seeded = await seed(db, config.paths.boundariesFile);
      if (seeded.boundaries || seeded.observations) fastify.log.info(seeded, 'database seeded');
    }
    fastify.decorate('db', db);
    // No retry at start for the replica: reads fall back to the primary until it answers.
    const replica =
      config.DATABASE_READ_URL && !options.db
        ? await createDb({
            databaseUrl: config.DATABASE_READ_URL,
            poolMax: config.DATABASE_POOL_MAX,
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          })
        : undefined;
    if (replica) fastify.addHook('onClose', () => replica.close());
    fastify.decorate('readDb', replica ? readsFrom(db, replica) : db);
  },
  { name: 'db' },
);
