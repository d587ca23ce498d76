// The root commands' bootstrap: clear errors for unknown commands, and the summary reporter's counts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');

test('an unknown root command names the valid ones and exits non-zero', () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts/bootstrap.mjs'), 'deploy'], { encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /unknown command "deploy"/);
  assert.match(result.stderr, /start, test, bench/);
});

test('the summary reporter counts passes, failures and skips of leaf tests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronos-reporter-'));
  const file = join(dir, 'sample.test.mjs');
  writeFileSync(
    file,
    `import { test, describe } from 'node:test';
describe('group', () => { test('a', () => {}); test('b', () => { throw new Error('no'); }); });
test('c', { skip: 'shown as skipped' }, () => {});
test('d', () => {});`,
  );
  const summary = join(dir, 'summary.json');
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-reporter=${join(root, 'scripts/lib/test-summary-reporter.mjs')}`,
      '--test-reporter-destination=stdout',
      file,
    ],
    { encoding: 'utf8', env: { ...process.env, NODE_TEST_CONTEXT: undefined, CHRONOS_TEST_SUMMARY: summary } },
  );
  assert.equal(result.status, 1, 'a failing test fails the run');
  assert.deepEqual(JSON.parse(readFileSync(summary, 'utf8')), { passed: 2, failed: 1, skipped: 1 });
});
