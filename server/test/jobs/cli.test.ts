// `chronos-server ingest` as an operator runs it: a child process against a fresh PostgreSQL database and the
// replay server. Progress per series, a summary table, exit codes, and flag errors that name the valid choices.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { ReplayServer } from '../../src/testing/replay-server.ts';
import { replayAndDatabase, runsOf, type TestDatabase } from './helpers.ts';

const cli = join(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const run = promisify(execFile);

describe('chronos-server ingest', () => {
  const context = replayAndDatabase('postgres', { firstMonth: '2021-01', months: 12 });
  // Read through the context: both exist once the tests run.
  let database: TestDatabase;
  let replay: ReplayServer;
  before(() => {
    ({ database, replay } = context);
  });

  async function ingest(args: string[], env: Record<string, string> = {}) {
    const environment = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url!,
      FRED_API_KEY: 'test-key',
      FRED_BASE_URL: replay.baseUrls.fred,
      STATCAN_BASE_URL: replay.baseUrls.statcan,
      FRED_MIN_INTERVAL_MS: '0',
      INGEST_TIMEOUT_MS: '30000', // no test here hangs the replay server: a busy machine must not time out
      INGEST_BACKOFF_MS: '10',
      ...env,
    };
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, 'ingest', ...args], { env: environment });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  test('bad flags: exit 2 with the problem and the valid choices; nothing runs', async () => {
    const source = await ingest(['--source', 'bls']);
    assert.equal(source.code, 2);
    assert.match(source.stderr, /--source "bls" is not a source\. Valid: fred, statcan, all/);
    assert.match(source.stderr, /Usage: chronos-server ingest/);
    const month = await ingest(['--from', '2021-13']);
    assert.equal(month.code, 2);
    assert.match(month.stderr, /--from "2021-13" is not a month: use YYYY-MM/);
    const order = await ingest(['--from', '2021-06', '--to', '2021-01']);
    assert.match(order.stderr, /--from 2021-06 is after --to 2021-01/);
    const metric = await ingest(['--metric', 'unemployment,gdp']);
    assert.equal(metric.code, 2);
    assert.match(metric.stderr, /--metric "gdp" is not in the catalogue\. Valid: unemployment, participation-rate/);
    const unknown = await ingest(['--sources', 'fred']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--sources'/);
    assert.equal(replay.requests.length, 0);
  });

  test('a backfill of both sources: a progress line per series, a summary table, exit 0', async () => {
    const result = await ingest([
      '--source',
      'all',
      '--metric',
      'unemployment',
      '--from',
      '2021-01',
      '--to',
      '2021-12',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines.filter((line) => /^\[fred +\d+\/52\] ✓/.test(line)).length, 52);
    assert.equal(lines.filter((line) => /^\[statcan +\d+\/10\] ✓/.test(line)).length, 10);
    assert.ok(
      lines.some((line) =>
        /^\[statcan {2}6\/10\] ✓ CA-ON +2063949 +12 rows: inserted 12, updated 0, unchanged 0$/.test(line),
      ),
    );
    assert.match(result.stdout, /source +status +series ok +failed +inserted +updated +unchanged +seconds/);
    assert.match(result.stdout, /fred +succeeded +52 +0 +624 +0 +0 /);
    assert.match(result.stdout, /statcan +succeeded +10 +0 +120 +0 +0 /);
    assert.deepEqual(
      (await runsOf(database.db)).map((record) => [record.source, record.status, record.rows_inserted]),
      [
        ['fred', 'succeeded', 624],
        ['statcan', 'succeeded', 120],
      ],
    );
  });

  test('a failed series: its line says why, the table counts it, exit 1', async () => {
    replay.fault('2064516', { kind: 'failed' });
    const result = await ingest(['--source', 'statcan', '--metric', 'unemployment']);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /\[statcan {2}9\/10\] ✗ CA-AB +2064516 +StatCan v2064516: FAILED \(Invalid coordinate\)/,
    );
    assert.match(result.stdout, /statcan +partial +9 +1 +108 /);
  });

  test('--dry-run reports what would change and writes nothing', async () => {
    const result = await ingest(['--source', 'statcan', '--metric', 'unemployment', '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /✓ CA-QC +2063760 +12 rows: would insert 12, updated 0, unchanged 0/);
    assert.match(result.stdout, /statcan +succeeded \(dry run\)/);
    assert.equal((await runsOf(database.db)).length, 0);
  });

  test('maintenance window: exit 75 (try again later); no FRED key: exit 1 with what to set', async () => {
    replay.maintenance = true;
    const statcan = await ingest(['--source', 'statcan']);
    assert.equal(statcan.code, 75);
    assert.match(statcan.stdout, /\[statcan\] ✗ .*409.*maintenance window/);
    assert.match(statcan.stdout, /statcan +rescheduled/);
    const fred = await ingest(['--source', 'fred'], { FRED_API_KEY: '' });
    assert.equal(fred.code, 1);
    assert.match(fred.stdout, /FRED_API_KEY is not set.*fred\.stlouisfed\.org\/docs\/api\/api_key\.html/);
  });
});
