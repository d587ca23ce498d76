// DATABASE_READ_URL on a real streaming replica: the test makes its own two-server cluster (initdb, then
// pg_basebackup -R -X stream) with every statement logged, because the machine's PostgreSQL does not allow
// replication connections. What a user notices: answers reflect writes made on the primary once they
// have replicated, the reads ran on the replica (its statement log), and when the replica stops, answers
// keep coming from the primary.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { bumpDataVersion } from '../../src/jobs/store.ts';
import { buildTestApp, closedPort, poll, type TestApp } from '../helpers.ts';

const BIN = '/usr/lib/postgresql/15/bin';
// The API's series read (responses/metrics.ts), as it appears in a statement log.
const SERIES_READ = /from observations o join regions r/g;

// PostgreSQL refuses to run as root: the servers (and their tools) run as the postgres user then.
const asRoot = process.getuid?.() === 0;
const user = asRoot ? spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim() : '';
const command = (tool: string, args: string[]): [string, string[]] =>
  asRoot
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', `${BIN}/${tool}`, ...args]]
    : [`${BIN}/${tool}`, args];

/** Runs a tool to completion without blocking the event loop (which drains the servers' logs). */
async function run(tool: string, args: string[]): Promise<void> {
  const [file, argv] = command(tool, args);
  const child = spawn(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, `${tool} ${args.join(' ')}: ${stderr}`);
}

interface Server {
  url: string;
  log: () => string;
  stop(): Promise<void>;
}

/** `postgres -D dir -p port`, every statement logged to its stderr; stopped by PID (fast shutdown). */
async function startServer(dir: string, socketDir: string): Promise<Server> {
  const port = await closedPort();
  const [file, argv] = command('postgres', [
    '-D',
    dir,
    '-p',
    String(port),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'log_statement=all',
  ]);
  const child: ChildProcess = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await poll(`PostgreSQL on port ${port} to accept connections (log: ${log.slice(-500)})`, 60, async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return true;
    } catch {
      return undefined;
    } finally {
      await client.end().catch(() => {});
    }
  });
  return {
    url,
    log: () => log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

let dir: string;
let primary: Server;
let replica: Server | undefined;
let t: TestApp;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronos-replica-'));
  if (asRoot) chownSync(dir, Number(user), Number(user));
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  // Trust auth, and initdb's default pg_hba.conf admits replication connections from 127.0.0.1.
  await run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  primary = await startServer(primaryDir, dir);
  const admin = new pg.Client({ connectionString: primary.url });
  await admin.connect();
  await admin.query('create database chronos');
  await admin.end();
  const chronos = new pg.Client({ connectionString: primary.url.replace(/\/postgres$/, '/chronos') });
  await chronos.connect();
  await chronos.query('create extension postgis');
  await chronos.end();
  const port = new URL(primary.url).port;
  await run('pg_basebackup', [
    ...['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-D', replicaDir],
    ...['-R', '-X', 'stream', '--checkpoint=fast'],
  ]);
  replica = await startServer(replicaDir, dir);
  const database = (server: Server) => server.url.replace(/\/postgres$/, '/chronos');
  t = await buildTestApp('postgres', {
    databaseUrl: () => database(primary),
    env: { DATABASE_READ_URL: database(replica), DATA_VERSION_POLL_MS: '200' },
  });
});
after(async () => {
  await t?.close();
  await replica?.stop();
  await primary?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `value` as California's latest unemployment rate on the primary and bumps the data version. */
async function writeOnPrimary(value: number): Promise<void> {
  await t.app.db.query(
    `update observations set value = $1 where metric = 'unemployment' and region = 'US-CA'
       and time = (select max(time) from observations where metric = 'unemployment' and region = 'US-CA')`,
    [value],
  );
  await bumpDataVersion(t.app.db);
}

const seriesShows = async (value: number) => {
  const response = await t.app.inject('/api/metrics/unemployment?region=US-CA');
  assert.equal(response.statusCode, 200, response.body);
  return response.body.includes(String(value)) ? true : undefined;
};
const count = (log: string) => log.match(SERIES_READ)?.length ?? 0;

test('reads go to the replica: a write on the primary shows once replicated, read on the replica', async () => {
  const recovering = new pg.Client({ connectionString: replica?.url });
  await recovering.connect();
  const { rows } = await recovering.query('select pg_is_in_recovery() as standby');
  await recovering.end();
  assert.equal(rows[0].standby, true, 'the replica is a streaming standby');

  await writeOnPrimary(12.345);
  await poll('the write to reach the API through the replica', 60, () => seriesShows(12.345));
  assert.ok(count(replica?.log() ?? '') > 0, 'the series read ran on the replica');
  assert.equal(count(primary.log()), 0, 'no series read ran on the primary');
});

test('the replica stopped: reads fall back to the primary, answers keep coming', async () => {
  await replica?.stop();
  replica = undefined;
  await writeOnPrimary(23.456);
  await poll('the write to reach the API through the primary', 60, () => seriesShows(23.456));
  assert.ok(count(primary.log()) > 0, 'the series read ran on the primary');
  for (let i = 0; i < 5; i++) {
    const response = await t.app.inject(`/api/metrics/unemployment?region=US-TX&from=2022-0${i + 1}`);
    assert.equal(response.statusCode, 200, response.body);
  }
});
