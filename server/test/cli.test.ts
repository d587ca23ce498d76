// chronos-server, run as an operator would: migrate (re-runnable), seed, boundaries import with clear
// errors, keys create/list/revoke, and serve (through the bin's shebang, V8 flags included) stopping
// cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVER_V8_FLAGS } from '../src/v8-flags.ts';
import { closedPort, createTestDatabase, runCli, type TestDatabase } from './helpers.ts';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');

const run = runCli;

/** `boundaries import FILE` for the small test files: codes in `id`, names in `label`. */
const importArgs = (file: string, set: string) => [
  'boundaries',
  'import',
  file,
  '--code-property',
  'id',
  '--name-property',
  'label',
  '--set',
  set,
  '--country-property',
  'id',
];

describe('chronos-server on PostgreSQL', () => {
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'chronos-cli-'));
    env = { DATABASE_URL: database.url };
  });
  after(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('migrate applies the migrations once; re-running is a no-op', () => {
    const first = run(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /applied 001_schema\.sql, 002_postgis\.sql, 003_timescaledb\.sql, 004_installation\.sql, 005_metric_metadata\.sql, 006_pg_stat_statements\.sql/,
    );
    const second = run(['migrate'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /database is up to date/);
  });

  test('seed imports the shipped boundaries and the sample data, then leaves them alone', () => {
    const first = run(['seed'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /65 regions imported.*21805 observations/);
    const second = run(['seed'], env);
    assert.match(second.stdout, /boundaries: already present; sample data: already present/);
  });

  test('boundaries import: a valid GeoJSON file becomes a new region set', () => {
    const file = join(dir, 'districts.geojson');
    const square = (x: number) => [
      [
        [x, 45],
        [x + 1, 45],
        [x + 1, 46],
        [x, 46],
        [x, 45],
      ],
    ];
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'D1', label: 'District 1' },
            geometry: { type: 'Polygon', coordinates: square(-75) },
          },
          {
            type: 'Feature',
            properties: { id: 'D2', label: 'District 2' },
            geometry: { type: 'Polygon', coordinates: square(-74) },
          },
        ],
      }),
    );
    const result = run(importArgs(file, 'districts'), env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /imported 2 regions into districts \(PostGIS geometry stored\)/);
  });

  test('boundaries import: invalid files are refused with every problem named, nothing written', () => {
    const file = join(dir, 'bad.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'X1', label: 'A' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { id: 'X1', label: 'B' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [400, 0],
                  [1, 1],
                  [0, 1],
                  [0, 0],
                ],
              ],
            },
          },
        ],
      }),
    );
    const result = run(importArgs(file, 'bad'), env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Boundary file rejected/);
    assert.match(result.stderr, /feature 1 \(X1\): duplicate code/);
    assert.match(result.stderr, /outside longitude\/latitude range/);
    const missing = run(['boundaries', 'import', file], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /needs --code-property NAME and --name-property NAME/);
  });

  test('boundaries import: a self-intersecting polygon is refused by PostGIS ST_IsValid unless --repair', () => {
    const file = join(dir, 'bowtie.geojson');
    const bowtie = [
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ];
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'B1', label: 'Bowtie' },
            geometry: { type: 'Polygon', coordinates: bowtie },
          },
        ],
      }),
    );
    const args = importArgs(file, 'bow');
    const refused = run(args, env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /B1: invalid geometry \(PostGIS ST_IsValid\): Self-intersection/);
    const repaired = run([...args, '--repair'], env);
    assert.equal(repaired.code, 0, repaired.stderr);
    assert.match(repaired.stdout, /repaired B1/);
  });

  test('keys create, list and revoke', () => {
    const created = run(
      ['keys', 'create', '--origin', 'https://news.example.com', '--label', 'News', '--rate-limit', '120'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const key = /^(pk_[A-Za-z0-9_-]{32})$/m.exec(created.stdout)?.[1];
    assert.ok(key, created.stdout);
    const listed = run(['keys', 'list'], env);
    assert.match(
      listed.stdout,
      new RegExp(`${key.slice(0, 11)}….*active.*limit 120.*https://news\\.example\\.com.*News`),
    );
    assert.ok(!listed.stdout.includes(key), 'the full key is never shown again');
    const revoked = run(['keys', 'revoke', key.slice(0, 11)], env);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(run(['keys', 'list'], env).stdout, /revoked \d{4}-/);
    const bad = run(['keys', 'create', '--origin', 'news.example.com'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /is not an origin/);
  });

  test('unknown commands and bad configuration: a message naming the valid choices', () => {
    const unknown = run(['deploy'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown command "deploy"\. Valid commands: serve, migrate, seed, boundaries, keys/);
    const config = run(['migrate'], { PORT: 'eighty', REDIS_URL: 'localhost:6379' });
    assert.equal(config.code, 1);
    assert.match(config.stderr, /PORT="eighty"/);
    assert.match(config.stderr, /REDIS_URL="localhost:6379"/);
  });
});

test('every launcher starts the server with its V8 flags (src/v8-flags.ts)', () => {
  const shebang = readFileSync(cli, 'utf8').split('\n')[0]!;
  assert.equal(shebang, `#!/usr/bin/env -S node ${SERVER_V8_FLAGS.join(' ')}`);
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.start, `node ${SERVER_V8_FLAGS.join(' ')} src/cli.ts serve`);
  assert.equal(pkg.bin['chronos-server'], 'src/cli.ts');
});

test('serve, run as the chronos-server program, answers on PORT and stops cleanly on SIGTERM', async () => {
  const port = await closedPort();
  // Executed through its shebang, as the installed bin is (`node` first on PATH: this Node).
  const child = spawn(cli, ['serve'], {
    env: {
      PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
      HOME: process.env.HOME,
      PORT: String(port),
      DATA_DIR: 'memory://',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  try {
    // Until it answers or exits: start-up (migrating and seeding an in-memory store) takes what the
    // machine's load makes of it, so the deadline is far beyond an idle start (a few seconds), not a guess.
    // A 503 with Retry-After is "retry shortly" (load shedding right after a start-up that held the event
    // loop on a loaded machine), and is retried as a probe would.
    let health: Response | undefined;
    const deadline = Date.now() + 300_000;
    while ((!health || health.status === 503) && child.exitCode === null && Date.now() < deadline) {
      health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (health?.status === 503) assert.ok(health.headers.get('retry-after'), 'a 503 says when to retry');
      if (!health || health.status === 503) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(health, `server did not start (exit code ${child.exitCode}): ${stderr}`);
    assert.equal(health.status, 200);
    assert.equal(
      ((await health.json()) as { checks: { database: { store: string } } }).checks.database.store,
      'pglite',
    );
    // The shebang's flags reached Node (env -S execs it: same process).
    const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of SERVER_V8_FLAGS) assert.ok(argv.includes(flag), `${flag} missing from ${argv.join(' ')}`);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
  }
});
