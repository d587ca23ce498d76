// Backups as an operator runs them, on real PostgreSQL + PostGIS: `chronos-server backup` → restore into a
// fresh database → every table's content identical (checksums); a tampered file or the wrong key restores
// nothing and says why; retention prunes only old backups; the S3 path against a local S3 fake (s3rver);
// PGlite and a malformed key refused with the variable named.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import S3rver from 's3rver';
import { ADMIN_DATABASE_URL, createTestDatabase, runCli, type TestDatabase } from '../helpers.ts';

const cli = join(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const key = randomBytes(32).toString('base64');

const run = runCli;

/** The same, without blocking this process (the S3 fake runs in it). */
function runAsync(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 180_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Row count and an md5 of every row's text, per table of the public schema (PostGIS's own excluded). */
async function checksums(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname = 'public'
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e') order by 1`,
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; md5: string }>(
      url,
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
       from public.${pg.escapeIdentifier(name)} t`,
    );
    sums[name] = `${row!.rows} rows ${row!.md5}`;
  }
  return sums;
}

async function databaseExists(name: string): Promise<boolean> {
  return (await query(ADMIN_DATABASE_URL, `select 1 from pg_database where datname = '${name}'`)).length > 0;
}

const dropDatabase = (name: string) => query(ADMIN_DATABASE_URL, `drop database if exists ${name} with (force)`);

describe('backup and restore to a directory', () => {
  let source: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  const restored: string[] = [];
  before(async () => {
    source = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'chronos-backups-'));
    env = { DATABASE_URL: source.url, BACKUP_KEY: key, BACKUP_TARGET: `file://${dir}` };
    const seeded = run(['seed'], env);
    assert.equal(seeded.code, 0, seeded.stderr);
    const created = run(['keys', 'create', '--origin', 'https://news.example.com', '--label', 'backup test'], env);
    assert.equal(created.code, 0, created.stderr);
    await query(
      source.url,
      `insert into ingestion_runs (source, finished_at, status, rows_inserted) values ('statcan', now(), 'succeeded', 7)`,
    );
  });
  after(async () => {
    for (const name of restored) await dropDatabase(name);
    await source.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('backup → restore into a fresh database: every table identical', async () => {
    const made = run(['backup'], env);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /^backup chronos-\d{8}T\d{6}Z\.pgdump\.enc \([\d.]+ MB, AES-256-GCM\) stored in /);
    const [name] = readdirSync(dir);
    const bytes = readFileSync(join(dir, name!));
    assert.equal(bytes.subarray(0, 8).toString(), 'CHRBKP01');
    assert.equal(bytes.indexOf('PGDMP'), -1, 'the pg_dump archive is not readable in the file');

    const fresh = `chronos_restore_${randomBytes(4).toString('hex')}`;
    restored.push(fresh);
    const back = run(['restore', 'latest', '--into', urlOf(fresh)], env);
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, new RegExp(`restored ${name!.replace(/\./g, '\\.')} into ${fresh}`));

    const before = await checksums(source.url);
    const after = await checksums(urlOf(fresh));
    assert.ok(Object.keys(before).length >= 8, `tables: ${Object.keys(before).join(', ')}`);
    assert.ok(/^[1-9]\d* rows/.test(before.observations ?? ''), 'the sample data is there');
    assert.deepEqual(after, before);
    // PostGIS geometry came back as geometry, not text.
    const [geometry] = await query<{ valid: boolean }>(
      urlOf(fresh),
      `select bool_and(st_isvalid(geom)) as valid from regions where geom is not null`,
    );
    assert.equal(geometry?.valid, true);

    const again = run(['restore', 'latest', '--into', urlOf(fresh)], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, new RegExp(`database "${fresh}" is not empty \\(\\d+ tables\\)`));
  });

  test('a tampered backup or the wrong key restores nothing, and says why', async () => {
    const [name] = readdirSync(dir).filter((file) => file.endsWith('.pgdump.enc'));
    const bytes = readFileSync(join(dir, name!));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const tampered = 'chronos-20990101T000000Z.pgdump.enc';
    writeFileSync(join(dir, tampered), bytes);
    const fresh = `chronos_restore_${randomBytes(4).toString('hex')}`;
    restored.push(fresh);
    const result = run(['restore', tampered, '--into', urlOf(fresh)], env);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /failed authentication \(AES-256-GCM\): it was altered or damaged after it was written, or BACKUP_KEY is not the key it was made with\. Nothing was restored\./,
    );
    assert.equal(await databaseExists(fresh), false, 'the database was not even created');
    rmSync(join(dir, tampered));

    const wrongKey = run(['restore', name!, '--into', urlOf(fresh)], {
      ...env,
      BACKUP_KEY: randomBytes(32).toString('hex'),
    });
    assert.equal(wrongKey.code, 1);
    assert.match(wrongKey.stderr, /failed authentication/);
    assert.equal(await databaseExists(fresh), false);
  });

  test('retention: backups older than BACKUP_RETENTION_DAYS are pruned, nothing else', () => {
    const stamp = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    const old = `chronos-${stamp(31)}.pgdump.enc`;
    const recent = `chronos-${stamp(29)}.pgdump.enc`;
    for (const file of [old, recent, 'notes.txt']) writeFileSync(join(dir, file), 'x');
    const made = run(['backup'], env);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /; pruned 1 older than 30 days$/m);
    const left = readdirSync(dir);
    assert.ok(!left.includes(old), 'the 31-day-old backup is gone');
    assert.ok(left.includes(recent) && left.includes('notes.txt'));
    const shorter = run(['backup'], { ...env, BACKUP_RETENTION_DAYS: '7' });
    assert.equal(shorter.code, 0, shorter.stderr);
    assert.ok(!readdirSync(dir).includes(recent), 'BACKUP_RETENTION_DAYS=7 prunes the 29-day-old one');
  });
});

describe('backup to S3 (a local S3-compatible fake)', () => {
  let source: TestDatabase;
  let s3: S3rver;
  let s3dir: string;
  let env: Record<string, string>;
  const fresh = `chronos_restore_${randomBytes(4).toString('hex')}`;
  before(async () => {
    source = await createTestDatabase();
    s3dir = mkdtempSync(join(tmpdir(), 'chronos-s3-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3dir,
      configureBuckets: [{ name: 'chronos-backups', configs: [] }],
    });
    const { port } = await s3.run();
    env = {
      DATABASE_URL: source.url,
      BACKUP_KEY: key,
      BACKUP_TARGET: 's3://chronos-backups/nightly',
      BACKUP_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    };
    assert.equal(run(['seed'], env).code, 0);
  });
  after(async () => {
    await dropDatabase(fresh);
    await source.drop();
    await s3.close();
    rmSync(s3dir, { recursive: true, force: true });
  });

  test('backup, list and restore through the bucket', async () => {
    const made = await runAsync(['backup'], env);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /stored in s3:\/\/chronos-backups\/nightly\//);
    const list = await runAsync(['backup', 'list'], env);
    assert.match(list.stdout, /^chronos-\d{8}T\d{6}Z\.pgdump\.enc\n$/);
    const back = await runAsync(['restore', 'latest', '--into', urlOf(fresh)], env);
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual(await checksums(urlOf(fresh)), await checksums(source.url));
  });
});

test('refusals name the variable: no DATABASE_URL (PGlite), no or malformed BACKUP_KEY', () => {
  const embedded = run(['backup'], { BACKUP_KEY: key, BACKUP_TARGET: 'file:///tmp/none', DATA_DIR: 'memory://' });
  assert.equal(embedded.code, 1);
  assert.match(embedded.stderr, /backups need PostgreSQL: set DATABASE_URL\. The embedded PGlite store/);
  const noKey = run(['backup'], { DATABASE_URL: ADMIN_DATABASE_URL, BACKUP_TARGET: 'file:///tmp/none' });
  assert.equal(noKey.code, 1);
  assert.match(noKey.stderr, /BACKUP_KEY is not set/);
  const badKey = run(['migrate'], { DATABASE_URL: ADMIN_DATABASE_URL, BACKUP_KEY: 'hunter2' });
  assert.equal(badKey.code, 1);
  assert.match(badKey.stderr, /BACKUP_KEY="hunter2"/);
  const badTarget = run(['migrate'], { DATABASE_URL: ADMIN_DATABASE_URL, BACKUP_TARGET: '/var/backups' });
  assert.equal(badTarget.code, 1);
  assert.match(badTarget.stderr, /BACKUP_TARGET="\/var\/backups"/);
});
