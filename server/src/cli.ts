#!/usr/bin/env -S node --no-concurrent-recompilation
// chronos-server: serve the API, and the operator commands (migrate, seed, boundaries import, keys).
// Run with Node 24 (TypeScript type stripping): `node server/src/cli.ts <command>`; the server with the V8
// flags in v8-flags.ts (the shebang and every launcher pass them).
// First: before the app's modules load (see the module).
import './tick-maps.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type Config, loadConfig, loadDotEnv } from './config.ts';
import { createDb, DatabaseUnavailableError, type Db, EmbeddedStoreBusyError } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seed } from './data/seed.ts';
import { BoundaryError, importBoundaries, parseBoundaries } from './geo/boundaries.ts';
import { ingestCommand } from './jobs/cli.ts';
import { backupCommand, backupUsage, restoreCommand } from './ops/backup-cli.ts';
import { BackupError } from './ops/backup-settings.ts';
import { exitWithLauncher } from './ops/launcher.ts';
import { PortUnavailableError } from './ops/port.ts';
import { runWorker, WorkerConfigError } from './ops/worker.ts';
import { createKey, listKeys, revokeKey } from './security/keys.ts';
import { serve } from './server.ts';

const USAGE = `Usage: chronos-server <command>

Commands:
  serve                         run the API (default command) on HOST:PORT (127.0.0.1:8787)
  worker                        run only the ingestion scheduler (no HTTP); API instances then
                                run with SCHEDULER=off
  migrate                       apply pending SQL migrations
  seed [--force]                import the shipped boundaries and the sample metric when missing
                                (--force: re-import both)
  boundaries import FILE --code-property NAME --name-property NAME
        [--name-fr-property NAME] [--country-property NAME]
        [--set ID | --set-property NAME] [--set-title TEXT] [--level TEXT] [--repair]
                                import GeoJSON or TopoJSON boundaries (WGS84 lon/lat, SRID 4326)
  keys create --origin URL [--origin URL ...] [--label TEXT] [--rate-limit N]
                                create a publishable key (printed once; stored hashed)
  keys list                     list keys (prefix, origins, limit, state)
  keys revoke ID|PREFIX         revoke a key
  ingest [--source fred|statcan|all] [--from YYYY-MM] [--to YYYY-MM] [--dry-run]
                                fetch FRED / Statistics Canada data now (progress per series,
                                summary table; exit 1 when a series failed, 75 when rescheduled)
${backupUsage}

Configuration comes from the environment (and .env); see .env.example.`;

class UsageError extends Error {}

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.paths.dataDir });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  switch (command) {
    case 'serve':
      // Tied before start-up, which can take long on a loaded machine: a launcher that dies meanwhile takes the
      // server with it (SIGTERM before serve's handler is installed ends the process at once).
      exitWithLauncher(() => process.kill(process.pid, 'SIGTERM')); // graceful, as on SIGTERM
      await serve(config);
      return -1; // keep running
    case 'worker':
      exitWithLauncher(() => process.kill(process.pid, 'SIGTERM'));
      await runWorker(config);
      return -1;
    case 'migrate': {
      const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.paths.dataDir });
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { force: { type: 'boolean' } } });
      const result = await withDb(config, (db) => seed(db, config.paths.boundariesFile, { force: values.force }));
      console.log(
        `boundaries: ${result.boundaries ? `${result.boundaries} regions imported` : 'already present'}` +
          `${result.repaired.length ? ` (PostGIS geometry repaired for ${result.repaired.join(', ')})` : ''}; ` +
          `sample data: ${result.observations ? `${result.observations} observations` : 'already present'}`,
      );
      return 0;
    }
    case 'boundaries':
      return boundaries(config, rest);
    case 'keys':
      return keys(config, rest);
    case 'ingest':
      return ingestCommand(config, rest);
    case 'backup':
      return backupCommand(config, rest);
    case 'restore':
      return restoreCommand(config, rest);
    default:
      throw new UsageError(
        `unknown command "${command}". Valid commands: serve, migrate, seed, boundaries, keys, ingest, worker, backup, restore.`,
      );
  }
}

async function boundaries(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import')
    throw new UsageError(`unknown boundaries command "${sub ?? ''}". Valid: boundaries import FILE ...`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'code-property': { type: 'string' },
      'name-property': { type: 'string' },
      'name-fr-property': { type: 'string' },
      'country-property': { type: 'string' },
      set: { type: 'string' },
      'set-property': { type: 'string' },
      'set-title': { type: 'string' },
      level: { type: 'string' },
      repair: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('boundaries import needs a FILE (GeoJSON or TopoJSON)');
  if (!values['code-property'] || !values['name-property']) {
    throw new UsageError('boundaries import needs --code-property NAME and --name-property NAME');
  }
  if (!values.set && !values['set-property']) {
    throw new UsageError('boundaries import needs --set ID (one region set for every feature) or --set-property NAME');
  }
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const regions = parseBoundaries(text, {
    codeProperty: values['code-property'],
    nameProperty: values['name-property'],
    nameFrProperty: values['name-fr-property'],
    countryProperty: values['country-property'],
    set: values.set,
    setProperty: values['set-property'],
    level: values.level,
  });
  const result = await withDb(config, (db) =>
    importBoundaries(db, regions, {
      repair: values.repair ?? false,
      ...(values.set && values['set-title'] ? { setTitles: { [values.set]: values['set-title'] } } : {}),
    }),
  );
  console.log(
    `imported ${result.regions} regions into ${result.sets.join(', ')}${result.postgis ? ' (PostGIS geometry stored)' : ''}` +
      `${result.repaired.length ? `; repaired ${result.repaired.join(', ')}` : ''}`,
  );
  return 0;
}

async function keys(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: {
        origin: { type: 'string', multiple: true },
        label: { type: 'string' },
        'rate-limit': { type: 'string' },
      },
    });
    const rateLimit = values['rate-limit'] === undefined ? config.RATE_LIMIT_MAX : Number(values['rate-limit']);
    if (!Number.isInteger(rateLimit) || rateLimit < 1) {
      throw new UsageError(
        `--rate-limit must be a positive integer (requests per window), got ${values['rate-limit']}`,
      );
    }
    const origins = (values.origin ?? [])
      .flatMap((origin) => origin.split(','))
      .map((o) => o.trim().replace(/\/$/, ''));
    const created = await withDb(config, (db) => createKey(db, { label: values.label ?? '', origins, rateLimit }));
    console.log(
      `${created.key}\n\nid ${created.record.id}, origins ${origins.join(', ')}, ${rateLimit} requests per window.`,
    );
    console.log(
      'Store it now: only its hash is kept. It is publishable (safe in page source), bound to those origins.',
    );
    return 0;
  }
  if (sub === 'list') {
    const list = await withDb(config, listKeys);
    if (list.length === 0) console.log('no keys');
    for (const key of list) {
      console.log(
        `${key.prefix}…  ${key.id}  ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  limit ${key.rateLimit}  ${key.origins.join(',')}  ${key.label}`,
      );
    }
    return 0;
  }
  if (sub === 'revoke') {
    const target = rest[0];
    if (!target) throw new UsageError('keys revoke needs the key id or prefix (see keys list)');
    const revoked = await withDb(config, (db) => revokeKey(db, target));
    if (!revoked) {
      console.error(`no key with id or prefix "${target}" (see keys list)`);
      return 1;
    }
    console.log(`revoked ${revoked.prefix}… (${revoked.id})`);
    return 0;
  }
  throw new UsageError(`unknown keys command "${sub ?? ''}". Valid: keys create, keys list, keys revoke`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`chronos-server: ${error.message}\n\n${USAGE}`);
    else if (
      error instanceof ConfigError ||
      error instanceof BoundaryError ||
      error instanceof PortUnavailableError ||
      error instanceof WorkerConfigError ||
      error instanceof BackupError ||
      error instanceof EmbeddedStoreBusyError ||
      error instanceof DatabaseUnavailableError
    )
      console.error(`chronos-server: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  },
);
