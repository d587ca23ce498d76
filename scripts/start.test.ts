// `npm start` ends at once, naming the variable to change, when a port it needs is taken (before any build).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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
