// `pnpm --filter directus setup | start | snapshot` (see README). Configuration comes from the environment:
// DIRECTUS_DATA_DIR, DIRECTUS_PORT, DIRECTUS_DATABASE_URL + DIRECTUS_DB_SCHEMA, DIRECTUS_TOKEN,
// CHRONOS_API_URL, CHRONOS_SITE_URL, CHRONOS_REVALIDATE_SECRET, DIRECTUS_ADMIN_EMAIL/PASSWORD.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySchema, postgresQuery, projectFromEnv, setupProject, snapshotFile } from './project.ts';
import { directusCommand, ensureInstalled, startDirectus } from './runtime.ts';
import { fetchMetrics } from './seed.ts';

const commands = ['setup', 'start', 'snapshot'];

function log(line: string): void {
  process.stderr.write(`[directus] ${line}\n`);
}

async function setup(): Promise<void> {
  const project = projectFromEnv();
  if (!process.env.CHRONOS_API_URL && project.chronosApiUrl) {
    // Locally the API may not be running yet: the map block then keeps the choices it has.
    try {
      await fetchMetrics(project.chronosApiUrl);
    } catch (error) {
      log(`${(error as Error).message}: the map block's metric choices are left as they are (run setup again later)`);
      project.chronosApiUrl = undefined;
    }
  }
  const report = await setupProject(project, log);
  const { seed } = report;
  // Directus logs JSON lines: its messages are what a person wants to read.
  for (const line of report.schema.trim().split('\n')) log(`schema: ${line.match(/"msg":"([^"]*)"/)?.[1] ?? line}`);
  log(
    `seed: ${seed.pagesCreated} pages created, ${seed.pagesKept} kept; metrics offered: ${seed.metrics?.join(', ') ?? '(unchanged)'}; ` +
      `public read of published pages in Directus: ${seed.publicReadOfPublished ? 'yes' : 'no (refused by Directus; the site reads with its token)'}`,
  );
  process.stdout.write(
    `\nDirectus is ready: pnpm --filter directus start, then http://127.0.0.1:${project.port}/admin ` +
      `(${project.adminEmail}). The Next.js site needs:\n` +
      `DIRECTUS_URL=http://127.0.0.1:${project.port}\nDIRECTUS_TOKEN=${project.siteToken}\n` +
      `REVALIDATE_SECRET=${project.revalidateSecret}\n`,
  );
}

async function start(): Promise<void> {
  const project = projectFromEnv();
  ensureInstalled();
  const directus = await startDirectus(project, 'inherit');
  log(`ready at ${directus.url} (admin: ${directus.url}/admin)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void directus.stop());
  await new Promise((resolve) => directus.process.once('exit', resolve));
}

/**
 * Writes the snapshots from this project's database (where the model was edited in the Directus app): the
 * SQLite one directly, the PostgreSQL one by applying it to a throw-away schema of DIRECTUS_SNAPSHOT_PG_URL
 * (default: the local `test` database) and snapshotting that, since column types differ by vendor.
 */
async function snapshot(): Promise<void> {
  const project = projectFromEnv();
  if (project.database.client !== 'sqlite') throw new Error('run snapshot against the local SQLite project');
  ensureInstalled();
  const sqliteFile = snapshotFile(project.database);
  directusCommand(['schema', 'snapshot', '--yes', '--format', 'json', sqliteFile], project);
  const scratch = mkdtempSync(join(tmpdir(), 'chronos-directus-snapshot-'));
  const schema = `snapshot_${process.pid}`;
  const pg = {
    ...project,
    dataDir: scratch,
    database: {
      client: 'pg' as const,
      url: process.env.DIRECTUS_SNAPSHOT_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      schema,
    },
  };
  await postgresQuery(pg.database.url, [`create schema "${schema}"`]);
  try {
    directusCommand(['bootstrap'], pg);
    copyFileSync(sqliteFile, join(scratch, 'model.json'));
    directusCommand(['schema', 'apply', '--yes', join(scratch, 'model.json')], pg);
    directusCommand(['schema', 'snapshot', '--yes', '--format', 'json', snapshotFile(pg.database)], pg);
    log(`wrote ${sqliteFile} and ${snapshotFile(pg.database)}; applying it here: ${applySchema(project).trim()}`);
  } finally {
    await postgresQuery(pg.database.url, [`drop schema if exists "${schema}" cascade`]);
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [command] = process.argv.slice(2);
if (!command || !commands.includes(command)) {
  process.stderr.write(`unknown command "${command ?? ''}". Valid commands: ${commands.join(', ')}.\n`);
  process.exit(2);
}
try {
  await { setup, start, snapshot }[command as 'setup']();
} catch (error) {
  process.stderr.write(`\n${(error as Error).message}\n`);
  process.exit(1);
}
