// The package as npm users get it: packed with `pnpm pack` (prepack compiles lib/), installed from the
// tarball with plain npm into an empty directory (dependencies from the npm registry), and its bin run
// there, outside the repository. The build takes the region topology from --boundaries only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serverBoundariesFile } from './testing/boundaries.ts';

const packageDir = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'chronos-tiles-published-'));
const consumer = join(work, 'consumer');
after(() => rmSync(work, { recursive: true, force: true }));

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, R2_BUCKET: '' } });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let bin: string;
before(() => {
  const pack = sh('pnpm', ['pack', '--pack-destination', work], packageDir);
  assert.equal(pack.code, 0, pack.stderr || pack.stdout);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  assert.ok(tarball, `pnpm pack wrote no tarball: ${pack.stdout}`);
  // An empty project of its own, so npm neither climbs into the workspace nor reads its settings.
  sh('mkdir', ['-p', consumer], work);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const install = sh('npm', ['install', '--no-audit', '--no-fund', join(work, tarball)], consumer);
  assert.equal(install.code, 0, install.stderr || install.stdout);
  bin = join(consumer, 'node_modules', '.bin', 'chronos-tiles');
});

describe('@chronos/tiles installed from its tarball', () => {
  test('chronos-tiles build --boundaries <file> builds the archive', () => {
    const out = join(work, 'tiles');
    const { code, stderr } = sh(
      bin,
      ['build', '--boundaries', serverBoundariesFile, '--only', 'boundaries', '--out', out],
      consumer,
    );
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^built 1 archive in .+: [\d,]+ tiles, [\d.]+ (MB|KB), [\d.]+ s$/m);
    assert.ok(existsSync(join(out, 'boundaries.pmtiles')));
  });

  test('without --boundaries it names the flag and exits 2, with no stack trace', () => {
    const { code, stderr } = sh(bin, ['build', '--out', join(work, 'none')], consumer);
    assert.equal(code, 2);
    assert.match(stderr, /^chronos-tiles: build needs --boundaries <file\.topo\.json>/);
    assert.doesNotMatch(stderr, /\n\s+at /);
    assert.ok(!existsSync(join(work, 'none')), 'nothing is built');
  });
});
