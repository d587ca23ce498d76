import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { serverBoundariesFile } from './testing/boundaries.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'chronos-tiles-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, R2_BUCKET: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('chronos-tiles CLI', () => {
  test('build prints a progress line per archive and a summary of tiles, bytes and time', () => {
    const { code, stderr } = run('build', '--boundaries', serverBoundariesFile, '--only', 'boundaries', '--out', dir);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^boundaries +\[█+\] 100% [\d,]+ tiles, [\d.]+ (MB|KB), [\d.]+ s$/m);
    assert.match(stderr, /^built 1 archive in .+: [\d,]+ tiles, [\d.]+ (MB|KB), [\d.]+ s$/m);
    assert.ok(existsSync(join(dir, 'boundaries.pmtiles')));
    assert.ok(!existsSync(join(dir, '.build-stamp')), 'the npm start stamp is only written for the package build');
  });

  test('bad arguments exit with code 2, the reason, the valid choices and the usage', () => {
    const only = run('build', '--only', 'roads');
    assert.equal(only.code, 2);
    assert.match(only.stderr, /--only roads: unknown archive; valid: boundaries, basemap/);
    assert.match(only.stderr, /Usage:/);
    const command = run('publish');
    assert.equal(command.code, 2);
    assert.match(command.stderr, /unknown command "publish"; valid: build, upload/);
    const flag = run('build', '--color');
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--color'/);
    const missing = run('build', '--out', dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^chronos-tiles: build needs --boundaries <file\.topo\.json>/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /, 'no stack trace');
    const bucket = run('upload', '--dir', dir, '--dry-run');
    assert.equal(bucket.code, 2);
    assert.match(bucket.stderr, /no bucket: pass --bucket <name> or set R2_BUCKET/);
  });

  test('help prints the usage', () => {
    const { code, stdout } = run('--help');
    assert.equal(code, 0);
    assert.match(stdout, /chronos-tiles build .*\n\s+chronos-tiles upload --bucket <name>/);
  });
});
