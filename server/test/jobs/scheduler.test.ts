// The scheduler: two instances on one PostgreSQL firing the same slot run it once; StatCan's 409 window is
// retried later; the Fastify plugin starts on ready, stops on close and stays off with SCHEDULER=off.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { createDb, type Db } from '../../src/db/client.ts';
import { seriesFor } from '../../src/jobs/catalogue.ts';
import type { RunSummary } from '../../src/jobs/ingest.ts';
import { IngestScheduler } from '../../src/jobs/scheduler.ts';
import schedulerPlugin from '../../src/plugins/app/scheduler.ts';
import { type ReplayServer, startReplayServer } from '../../src/testing/replay-server.ts';
import { createTestDatabase, replaySettings, runsOf, type TestDatabase } from './helpers.ts';

const silent = { info() {}, warn() {}, error() {} };

/** A 6-field cron expression (UTC) matching only the whole second `ms` from now. */
function cronInSeconds(seconds: number): string {
  const at = new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000);
  return `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
}

function settingsFor(replay: ReplayServer, env: Record<string, string> = {}) {
  // No FRED key: only the StatCan job is scheduled (and a warning says why FRED is not).
  return replaySettings(replay, {
    FRED_API_KEY: '',
    SCHEDULER: 'on',
    STATCAN_SCHEDULE_TZ: 'UTC',
    SCHEDULER_JITTER_MS: '0',
    ...env,
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('scheduler on PostgreSQL', () => {
  let database: TestDatabase;
  let replay: ReplayServer;
  const extraPools: Db[] = [];
  before(async () => {
    replay = await startReplayServer();
    database = await createTestDatabase('postgres');
  });
  after(async () => {
    await Promise.all(extraPools.map((db) => db.close()));
    await database?.drop();
    await replay?.close();
  });
  beforeEach(async () => {
    replay.reset();
    await database.reset();
  });

  for (const jitter of ['0', '400']) {
    test(`two schedulers firing the same slot at once: exactly one run (jitter ${jitter} ms)`, async () => {
      const second = await createDb({ databaseUrl: database.url });
      extraPools.push(second);
      const settings = settingsFor(replay, { STATCAN_SCHEDULE: cronInSeconds(2), SCHEDULER_JITTER_MS: jitter });
      const runs: RunSummary[] = [];
      const skips: string[] = [];
      const schedulers = [database.db, second].map((db) => {
        const scheduler = new IngestScheduler({ db, settings, log: silent });
        scheduler.on('run', (summary) => runs.push(summary));
        scheduler.on('skipped', ({ reason }) => skips.push(reason));
        scheduler.start();
        assert.deepEqual(scheduler.scheduled, ['statcan']);
        return scheduler;
      });
      try {
        await waitFor(() => runs.length + skips.length >= 2);
        await new Promise((resolve) => setTimeout(resolve, 300)); // a late second run would show up here
      } finally {
        await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
      }
      assert.equal(runs.length, 1);
      assert.deepEqual(skips, ['not-elected']);
      const records = await runsOf(database.db);
      assert.deepEqual(
        records.map((record) => [record.source, record.status]),
        [['statcan', 'succeeded']],
      );
      // One instance asked StatCan: one request per catalogue metric it fills (each metric is one batch of vectors).
      const metrics = new Set(seriesFor('statcan').map((spec) => spec.metric));
      assert.equal(replay.requests.length, metrics.size, 'one instance asked StatCan');
    });
  }

  test('a 409 maintenance window reschedules the job; the retry succeeds once it passes', async () => {
    const settings = settingsFor(replay, { STATCAN_SCHEDULE: cronInSeconds(1), STATCAN_RESCHEDULE_MS: '500' });
    const runs: RunSummary[] = [];
    const scheduler = new IngestScheduler({ db: database.db, settings, log: silent });
    scheduler.on('run', (summary) => {
      runs.push(summary);
      replay.maintenance = false; // the window ends before the retry
    });
    replay.maintenance = true;
    scheduler.start();
    try {
      await waitFor(() => runs.length >= 2);
    } finally {
      await scheduler.stop();
    }
    assert.deepEqual(
      runs.map((summary) => summary.status),
      ['rescheduled', 'succeeded'],
    );
    assert.deepEqual(
      (await runsOf(database.db)).map((record) => record.status),
      ['rescheduled', 'succeeded'],
    );
  });
});

describe('scheduler plugin', () => {
  let database: TestDatabase;
  let replay: ReplayServer;
  before(async () => {
    replay = await startReplayServer();
    database = await createTestDatabase('pglite');
  });
  after(async () => {
    await database?.drop();
    await replay?.close();
  });

  async function appWith(env: Record<string, string>) {
    const app = Fastify({ logger: false });
    // Stands in for the server's db plugin (same name, same decorator).
    await app.register(
      fp(
        async (fastify) => {
          fastify.decorate('db', database.db);
        },
        { name: 'db' },
      ),
    );
    await app.register(schedulerPlugin, { settings: settingsFor(replay, env) });
    return app;
  }

  test('SCHEDULER=off: nothing is scheduled', async () => {
    const app = await appWith({ SCHEDULER: 'off' });
    await app.ready();
    assert.equal(app.ingestScheduler, null);
    await app.close();
  });

  test('starts on ready, runs on schedule (PGlite: no coordination needed), stops on close', async () => {
    await database.reset();
    const app = await appWith({ STATCAN_SCHEDULE: cronInSeconds(2) });
    assert.deepEqual(app.ingestScheduler?.scheduled, [], 'nothing runs before the app is ready');
    await app.ready();
    const scheduler = app.ingestScheduler!;
    assert.deepEqual(scheduler.scheduled, ['statcan']);
    const runs: RunSummary[] = [];
    scheduler.on('run', (summary) => runs.push(summary));
    await waitFor(() => runs.length === 1);
    assert.equal(runs[0]!.status, 'succeeded');
    await app.close();
    assert.deepEqual(scheduler.scheduled, []);
  });

  test('an invalid cron expression stops start-up with a clear message', async () => {
    const app = await appWith({ STATCAN_SCHEDULE: 'every morning' });
    await assert.rejects(async () => {
      await app.ready();
    }, /STATCAN_SCHEDULE "every morning" is not a cron expression/);
    await app.close();
  });
});

describe('scheduler shutdown', () => {
  test('stopping (app close) cancels a run in flight, which still records how it ended', async () => {
    const replay = await startReplayServer();
    const database = await createTestDatabase('pglite');
    try {
      replay.fault('ALUR', { kind: 'hang' }, 10); // the first FRED series never answers
      const scheduler = new IngestScheduler({
        db: database.db,
        // A request timeout far beyond any stop, however busy the machine: a stop that waited for it would
        // take 120 s; one that cancels takes what the machine's load makes of a few milliseconds.
        settings: replaySettings(replay, { INGEST_TIMEOUT_MS: '120000' }),
        log: silent,
      });
      const running = scheduler.runNow('fred');
      await waitFor(() => replay.requests.length > 0);
      const stopped = performance.now();
      await scheduler.stop();
      assert.ok(performance.now() - stopped < 60_000, 'stop does not wait for the 120 s timeout');
      const summary = await running;
      assert.equal(summary.status, 'failed');
      assert.deepEqual(summary.errors.at(-1), { series: '*', region: '*', message: 'cancelled' });
      const [record] = await runsOf(database.db);
      assert.equal(record!.status, 'failed');
      assert.notEqual(record!.finished_at, null);
    } finally {
      await database.drop();
      await replay.close();
    }
  });
});
