// Backups as the design promises: pg_dump (custom format) of the PostgreSQL database, encrypted with
// AES-256-GCM (backup-cipher.ts), stored in a directory or an S3/R2 bucket (backup-targets.ts), older ones
// pruned after BACKUP_RETENTION_DAYS; and restore into a fresh database (created when missing, refused
// when not empty), all or nothing (pg_restore --single-transaction). The embedded PGlite store has no
// pg_dump: backups need DATABASE_URL. Point-in-time recovery (WAL archiving): docs/operations.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { decryptTo, encryptTo } from './backup-cipher.ts';
import { type BackupEnv, BackupError, backupKey } from './backup-settings.ts';
import { type BackupTarget, openTarget } from './backup-targets.ts';

const NAME = /^chronos-(\d{8}T\d{6}Z)\.pgdump\.enc$/;

export interface BackupOptions extends BackupEnv {
  DATABASE_URL?: string | undefined;
  /** Overrides BACKUP_TARGET (the CLI's --target). */
  target?: string | undefined;
  now?: Date;
}

function requirePostgres(url: string | undefined): string {
  if (!url) {
    throw new BackupError(
      'backups need PostgreSQL: set DATABASE_URL. The embedded PGlite store (no DATABASE_URL) has no pg_dump; stop the server and copy DATA_DIR instead.',
    );
  }
  return url;
}

/** libpq connection for pg_dump/pg_restore: the URL without its password (visible in `ps`), which goes in PGPASSWORD. */
function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv; database: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

function tool(name: 'pg_dump' | 'pg_restore'): string {
  const result = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new BackupError(
      `${name} was not found on PATH: install the PostgreSQL client (postgresql-client, the server's major version or newer)`,
    );
  }
  return result.stdout.trim();
}

/** Runs a PostgreSQL tool; rejects with its stderr when it fails. */
function finished(child: ReturnType<typeof spawn>, name: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new BackupError(`${name} could not run: ${error.message}`)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${name} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const stampDate = (text: string) =>
  new Date(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 11)}:${text.slice(11, 13)}:${text.slice(13)}`);

export interface BackupResult {
  name: string;
  bytes: number;
  location: string;
  pruned: string[];
}

export async function backup(options: BackupOptions): Promise<BackupResult> {
  const url = requirePostgres(options.DATABASE_URL);
  const key = backupKey(options);
  const target = openTarget(options, options.target);
  const version = tool('pg_dump');
  const connection = libpq(url);
  const now = options.now ?? new Date();
  const name = `chronos-${stamp(now)}.pgdump.enc`;
  const work = await mkdtemp(join(tmpdir(), 'chronos-backup-'));
  try {
    const file = join(work, name);
    const dump = spawn('pg_dump', ['--format=custom', '--no-password', `--dbname=${connection.dbname}`], {
      env: connection.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await Promise.all([
      finished(dump, 'pg_dump'),
      encryptTo(dump.stdout, file, key, {
        format: 'pg_dump-custom',
        createdAt: now.toISOString(),
        database: connection.database,
        pgDump: version,
      }),
    ]);
    const { size } = await stat(file);
    await target.put(name, file);
    const pruned = await prune(target, options.BACKUP_RETENTION_DAYS, now);
    return { name, bytes: size, location: target.location, pruned };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Deletes this tool's backups older than `days` (by the time in their name); other files are left alone. */
export async function prune(target: BackupTarget, days: number, now = new Date()): Promise<string[]> {
  const cutoff = now.getTime() - days * 86_400_000;
  const old = (await target.list()).filter((name) => {
    const match = NAME.exec(name);
    return match && stampDate(match[1]!).getTime() < cutoff;
  });
  for (const name of old) await target.delete(name);
  return old;
}

/** This tool's backups in a target, oldest first. */
export async function listBackups(options: BackupOptions): Promise<string[]> {
  return (await openTarget(options, options.target).list()).filter((name) => NAME.test(name)).sort();
}

export interface RestoreOptions extends BackupOptions {
  /** A backup's name, or `latest`. */
  name: string;
  /** The database to restore into: created when missing, refused unless empty. */
  into: string;
}

export async function restore(options: RestoreOptions): Promise<{ name: string; database: string }> {
  if (!/^postgres(ql)?:\/\//.test(options.into)) {
    throw new BackupError(`--into must be a PostgreSQL URL (postgres://user@host:5432/newdb), got "${options.into}"`);
  }
  const key = backupKey(options);
  const target = openTarget(options, options.target);
  tool('pg_restore');
  const names = await listBackups(options);
  const name = options.name === 'latest' ? names.at(-1) : options.name;
  if (!name || !names.includes(name)) {
    throw new BackupError(
      names.length === 0
        ? `no backups in ${target.location}`
        : `no backup "${options.name}" in ${target.location}; the latest is ${names.at(-1)} (chronos-server backup list)`,
    );
  }
  const work = await mkdtemp(join(tmpdir(), 'chronos-restore-'));
  try {
    const encrypted = join(work, name);
    const dump = join(work, 'dump.pgdump');
    await target.get(name, encrypted);
    // Authenticated before the database is touched.
    await decryptTo(encrypted, dump, key);
    const connection = libpq(options.into);
    await prepareEmptyDatabase(options.into, connection.database);
    const run = spawn(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        '--no-password',
        `--dbname=${connection.dbname}`,
        dump,
      ],
      { env: connection.env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await finished(run, 'pg_restore');
    return { name, database: connection.database };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Creates the database when it does not exist; refuses one that holds tables. */
async function prepareEmptyDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // 3D000: database does not exist
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    try {
      await admin.query(`create database ${pg.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
    return;
  }
  try {
    // Tables that belong to an extension (PostGIS's spatial_ref_sys) do not count.
    const { rows } = await client.query<{ tables: number }>(
      `select count(*)::int as tables from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%'
         and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`,
    );
    if ((rows[0]?.tables ?? 0) > 0) {
      throw new BackupError(
        `database "${database}" is not empty (${rows[0]?.tables} tables): restore goes into a fresh database. Name a new one in --into (it is created), or drop this one first.`,
      );
    }
  } finally {
    await client.end();
  }
}
