// The embedded store (PGlite) has a single writer: while a server holds a data directory, `keys create`
// (or a second server) on it is refused with a message saying what to do, instead of writing a copy the
// server never sees. Once the server stops, the command works and the key works when the server is back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closedPort, poll, runCli, spawnServe } from '../helpers.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'chronos-lock-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

const run = (args: string[]) => runCli(args, env);

async function startServer(port: number) {
  const server = await spawnServe(port, env);
  await poll('the embedded server', 240, async () => (await server.healthy()) || undefined).catch(
    async (error: Error) => {
      await server.stop();
      throw new Error(`${error.message}: ${server.output()}`);
    },
  );
  return server;
}

test('keys create while the embedded server runs: refused, clearly; after it stops: works, and the key is served', async () => {
  const port = await closedPort();
  const server = await startServer(port);
  let key: string;
  try {
    const refused = run(['keys', 'create', '--origin', 'https://news.example.com']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /embedded database at .* is in use by another chronos-server process \(pid \d+\)/);
    assert.match(refused.stderr, /Stop it first and run this again, or use PostgreSQL \(DATABASE_URL\)/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    // The server is untouched by the refused command.
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`)).status, 200);
  } finally {
    await server.stop();
  }
  const created = run(['keys', 'create', '--origin', 'https://news.example.com']);
  assert.equal(created.code, 0, created.stderr);
  key = /pk_[A-Za-z0-9_-]{32}/.exec(created.stdout)?.[0] ?? '';
  assert.ok(key, created.stdout);
  const again = await startServer(port);
  try {
    const response = await fetch(
      `http://127.0.0.1:${port}/api/geo/choropleth?mode=data&metric=unemployment&key=${key}`,
      { headers: { origin: 'https://news.example.com' } },
    );
    assert.equal(response.status, 200);
  } finally {
    await again.stop();
  }
});
