// `npm start` ends at once, naming the variable to change, when a port it needs is taken (before any build);
// and a launcher killed by SIGKILL leaves nothing behind: the API and the flagship site stop with it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort } from '@chronos/devkit/processes';

const start = join(import.meta.dirname, 'start.ts');

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [start], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

test('a taken site port stops npm start with a message naming SITE_PORT', async () => {
  const taken = await occupy();
  try {
    const result = await runStart({ PORT: String(await freePort()), SITE_PORT: String(taken.port) });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(`port ${taken.port} is already in use; set SITE_PORT to a free port or SITE=off`),
    );
  } finally {
    taken.server.close();
  }
});

test('a taken API port stops npm start with a message naming PORT', async () => {
  const taken = await occupy();
  try {
    const result = await runStart({ PORT: String(taken.port), SITE: 'off' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`port ${taken.port} is already in use; set PORT to a free port\\.`));
  } finally {
    taken.server.close();
  }
});

/** Whether something accepts connections on 127.0.0.1:port (a probe listener fails with EADDRINUSE). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

/** Polls `check` every 100 ms until it holds; false when `timeoutMs` passes first. */
async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The running (not zombie) processes among `pids`, as Linux's /proc shows them. */
function running(pids: number[]): number[] {
  return pids.filter((pid) => {
    const stat = `/proc/${pid}/stat`;
    return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
  });
}

test('a launcher killed by SIGKILL takes the API and the flagship site (next start) with it', async () => {
  const [apiPort, sitePort] = [await freePort(), await freePort()];
  // The embedded database in memory and no shared services: this run touches nothing of a real one.
  const launcher = spawn(process.execPath, [start], {
    env: {
      ...process.env,
      PORT: String(apiPort),
      SITE_PORT: String(sitePort),
      DATA_DIR: 'memory://',
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stdout.on('data', (chunk: Buffer) => (output += chunk));
  launcher.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const answers = async (url: string) => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return response.status < 500;
    } catch {
      return false;
    }
  };
  try {
    // The first run builds the site (minutes on a busy machine); later ones find it built.
    // (A launcher that exits by itself ends the wait at once, with its output.)
    const up = await eventually(async () => {
      if (launcher.exitCode !== null) return true;
      return (
        (await answers(`http://127.0.0.1:${apiPort}/api/health`)) && (await answers(`http://127.0.0.1:${sitePort}/`))
      );
    }, 20 * 60_000);
    assert.ok(
      up && launcher.exitCode === null,
      `npm start did not serve the API and the site:\n${output.slice(-4000)}`,
    );
    const children = existsSync(`/proc/${launcher.pid}`)
      ? readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8')
          .split(' ')
          .filter(Boolean)
          .map(Number)
      : [];
    launcher.kill('SIGKILL');
    const freed = await eventually(async () => !(await portTaken(apiPort)) && !(await portTaken(sitePort)), 60_000);
    assert.ok(
      freed,
      `after SIGKILL of the launcher: API port ${apiPort} taken ${await portTaken(apiPort)}, site port ${sitePort} taken ${await portTaken(sitePort)}`,
    );
    assert.ok(
      await eventually(() => running(children).length === 0, 60_000),
      `still running: ${running(children).join(', ')}`,
    );
  } finally {
    launcher.kill('SIGKILL');
  }
});
