// Ingestion runs against the replay server, on real PostgreSQL and on PGlite: the rows and the run record that
// each fault leaves, idempotency, revisions, sample replacement and dry runs.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fredSeries, seriesFor, statcanSeries } from '../../src/jobs/catalogue.ts';
import { runIngestion } from '../../src/jobs/ingest.ts';
import { type ReplayServer, startReplayServer } from '../../src/testing/replay-server.ts';
import { sentTimes, VirtualClock } from './virtual-clock.ts';
import {
  dataVersion,
  replayAndDatabase,
  observationsChecksum,
  replaySettings,
  rowsOf,
  runsOf,
  storeKinds,
  type TestDatabase,
} from './helpers.ts';

const months = 24; // the replay server's default history: 2020-01 .. 2021-12
const fredRows = fredSeries.length * months;
const statcanRows = statcanSeries.length * months;

for (const kind of storeKinds) {
  describe(`ingestion on ${kind}`, () => {
    const context = replayAndDatabase(kind, { firstMonth: '2020-01', months });
    // Read through the context: both exist once the tests run.
    let database: TestDatabase;
    let replay: ReplayServer;
    before(() => {
      ({ database, replay } = context);
    });
    const run = (source: 'fred' | 'statcan', extra: Partial<Parameters<typeof runIngestion>[0]> = {}) =>
      runIngestion({ db: database.db, source, settings: replaySettings(replay), metrics: ['unemployment'], ...extra });

    test('a clean run of both sources stores every series and records succeeded runs', async () => {
      const fred = await run('fred');
      const statcan = await run('statcan');
      assert.equal(fred.status, 'succeeded');
      assert.equal(fred.inserted, fredRows);
      assert.equal(statcan.status, 'succeeded');
      assert.equal(statcan.inserted, statcanRows);
      const california = await rowsOf(database.db, 'US-CA');
      assert.equal(california.length, months);
      assert.deepEqual(
        california.map((row) => row.time),
        replay.monthList().map((month) => `${month}-01`),
      );
      assert.equal(california[0]!.value, replay.valueOf('CAUR', '2020-01'));
      assert.equal(california[0]!.source, 'fred:CAUR');
      // BLS publishes the newest month as preliminary; the rest is final.
      assert.equal(california.at(-1)!.status, 'preliminary');
      assert.ok(california.slice(0, -1).every((row) => row.status === 'final'));
      const ontario = await rowsOf(database.db, 'CA-ON');
      assert.equal(ontario.length, months);
      assert.ok(ontario.every((row) => row.status === 'final'));
      assert.equal(ontario[3]!.value, replay.valueOf('2063949', '2020-04'));
      // Territories are not in the LFS table: their sample rows are gone and they stay without data.
      for (const territory of ['CA-YT', 'CA-NT', 'CA-NU'])
        assert.equal((await rowsOf(database.db, territory)).length, 0);
      const runs = await runsOf(database.db);
      assert.deepEqual(
        runs.map((r) => [r.source, r.status, r.rows_inserted, r.rows_updated, r.rows_unchanged, r.errors.length]),
        [
          ['fred', 'succeeded', fredRows, 0, 0, 0],
          ['statcan', 'succeeded', statcanRows, 0, 0, 0],
        ],
      );
      assert.ok(runs.every((r) => r.finished_at !== null));
      const { rows } = await database.db.query<{
        title: string;
        is_sample: boolean;
        sources: { name: string; licence: string; country: string }[];
      }>(`select title, is_sample, sources from metrics where id = 'unemployment'`);
      const metric = rows[0]!;
      assert.equal(metric.is_sample, false);
      assert.doesNotMatch(metric.title, /sample/i);
      assert.deepEqual(
        metric.sources.map((source) => source.country),
        ['US', 'CA'],
      );
      assert.match(metric.sources[0]!.name, /FRED/);
      assert.match(metric.sources[0]!.name, /Bureau of Labor Statistics/);
      assert.equal(metric.sources[1]!.licence, 'Open Government Licence – Canada');
      const { rows: samples } = await database.db.query(
        `select 1 from observations where metric = 'unemployment' and status = 'sample'`,
      );
      assert.equal(samples.length, 0);
    });

    test('two identical runs leave identical tables; the second inserts and updates nothing', async () => {
      await run('fred');
      await run('statcan');
      const checksum = await observationsChecksum(database.db);
      const version = await dataVersion(database.db);
      const fred = await run('fred');
      const statcan = await run('statcan');
      assert.equal(await observationsChecksum(database.db), checksum);
      for (const summary of [fred, statcan]) {
        assert.equal(summary.status, 'succeeded');
        assert.equal(summary.inserted, 0);
        assert.equal(summary.updated, 0);
      }
      assert.equal(fred.unchanged, fredRows);
      assert.equal(statcan.unchanged, statcanRows);
      assert.equal(await dataVersion(database.db), version, 'no change, no new data version');
      const runs = await runsOf(database.db);
      assert.deepEqual(
        runs.slice(2).map((r) => [r.status, r.rows_inserted, r.rows_updated, r.rows_unchanged]),
        [
          ['succeeded', 0, 0, fredRows],
          ['succeeded', 0, 0, statcanRows],
        ],
      );
    });

    test('a revised value updates the row, marks it revised and bumps the data version', async () => {
      await run('fred');
      const version = await dataVersion(database.db);
      const revised = Math.round(((replay.valueOf('TXUR', '2021-06') as number) + 0.3) * 10) / 10;
      replay.setValue('TXUR', '2021-06', String(revised));
      const summary = await run('fred');
      assert.equal(summary.window.mode, 'update');
      assert.equal(summary.updated, 1);
      assert.equal(summary.inserted, 0);
      const texas = await rowsOf(database.db, 'US-TX');
      const june = texas.find((row) => row.time === '2021-06-01')!;
      assert.equal(june.value, revised);
      assert.equal(june.status, 'revised');
      assert.equal(texas.filter((row) => row.status === 'revised').length, 1);
      assert.equal(await dataVersion(database.db), version + 1);
      assert.equal((await runsOf(database.db)).at(-1)!.rows_updated, 1);
    });

    test('a preliminary value becomes final when the next period arrives', async () => {
      await run('fred', { series: fredSeries.filter((spec) => spec.seriesId === 'OHUR') });
      assert.equal((await rowsOf(database.db, 'US-OH')).at(-1)!.status, 'preliminary');
      // A month later the source has one more period.
      const next = await startReplayServer({ firstMonth: '2020-01', months: months + 1 });
      try {
        const summary = await runIngestion({
          db: database.db,
          source: 'fred',
          settings: replaySettings(next),
          series: fredSeries.filter((spec) => spec.seriesId === 'OHUR'),
        });
        assert.equal(summary.inserted, 1);
        assert.equal(summary.updated, 1, 'the old newest month moves from preliminary to final');
        const ohio = await rowsOf(database.db, 'US-OH');
        assert.equal(ohio.find((row) => row.time === '2021-12-01')!.status, 'final');
        assert.equal(ohio.at(-1)!.time, '2022-01-01');
        assert.equal(ohio.at(-1)!.status, 'preliminary');
      } finally {
        await next.close();
      }
    });

    test('429 with Retry-After: waits as told, retries, stores the series', async () => {
      replay.fault('CAUR', { kind: 'status', status: 429, retryAfter: 1 });
      const summary = await run('fred');
      assert.equal(summary.status, 'succeeded');
      assert.equal((await rowsOf(database.db, 'US-CA')).length, months);
      const calls = replay.requests.filter((request) => request.ids[0] === 'CAUR');
      assert.deepEqual(
        calls.map((call) => call.status),
        [429, 200],
      );
      assert.ok(calls[1]!.at - calls[0]!.at >= 950, `retried after ${calls[1]!.at - calls[0]!.at} ms, not ~1 s`);
      assert.equal((await runsOf(database.db))[0]!.status, 'succeeded');
    });

    test('500 then success: retried with backoff, nothing lost', async () => {
      replay.fault('2063760', { kind: 'status', status: 503 }, 2);
      replay.fault('NYUR', { kind: 'status', status: 500 });
      const statcan = await run('statcan');
      const fred = await run('fred');
      assert.equal(statcan.status, 'succeeded');
      assert.equal(fred.status, 'succeeded');
      assert.equal((await rowsOf(database.db, 'CA-QC')).length, months);
      assert.equal((await rowsOf(database.db, 'US-NY')).length, months);
      assert.deepEqual(
        replay.requests.filter((request) => request.ids.includes('2063760')).map((request) => request.status),
        [503, 503, 200],
      );
    });

    test('a hung request times out and is retried; one that always hangs fails only its series', async () => {
      replay.fault('WAUR', { kind: 'hang' });
      replay.fault('ORUR', { kind: 'hang' }, 10);
      const summary = await run('fred', { settings: replaySettings(replay, { INGEST_TIMEOUT_MS: '400' }) });
      assert.equal(summary.status, 'partial');
      assert.equal((await rowsOf(database.db, 'US-WA')).length, months);
      const oregon = await rowsOf(database.db, 'US-OR');
      assert.ok(oregon.length > 0 && oregon.every((row) => row.status === 'sample'), 'Oregon keeps its sample rows');
      const [record] = await runsOf(database.db);
      assert.equal(record!.status, 'partial');
      assert.equal(record!.rows_inserted, fredRows - months);
      assert.deepEqual(
        record!.errors.map((error) => [error.series, error.region]),
        [['ORUR', 'US-OR']],
      );
      assert.match(record!.errors[0]!.message, /timed out after 400 ms/);
    });

    test('truncated JSON fails that series only (FRED) and that vector only (StatCan batch)', async () => {
      replay.fault('FLUR', { kind: 'truncate' }, 10);
      replay.fault('2063949', { kind: 'truncate' }, 10);
      const fred = await run('fred');
      const statcan = await run('statcan');
      assert.equal(fred.status, 'partial');
      assert.equal(statcan.status, 'partial');
      assert.deepEqual(
        fred.errors.map((error) => error.region),
        ['US-FL'],
      );
      assert.deepEqual(
        statcan.errors.map((error) => error.region),
        ['CA-ON'],
      );
      assert.match(statcan.errors[0]!.message, /not valid JSON/);
      assert.ok((await rowsOf(database.db, 'US-FL')).every((row) => row.status === 'sample'));
      assert.ok((await rowsOf(database.db, 'CA-ON')).every((row) => row.status === 'sample'));
      assert.equal((await rowsOf(database.db, 'CA-QC')).length, months);
      assert.equal(statcan.inserted, statcanRows - months);
      const runs = await runsOf(database.db);
      assert.deepEqual(
        runs.map((r) => [r.source, r.status, r.errors.length]),
        [
          ['fred', 'partial', 1],
          ['statcan', 'partial', 1],
        ],
      );
    });

    test('wrong types and partial payloads are rejected before use: nothing of them is written', async () => {
      replay.fault('MAUR', { kind: 'wrong-types' }, 10);
      replay.fault('NVUR', { kind: 'partial' }, 10);
      replay.fault('2064705', { kind: 'wrong-types' }, 10);
      const fred = await run('fred');
      const statcan = await run('statcan');
      assert.deepEqual(
        fred.errors.map((error) => error.series),
        ['MAUR', 'NVUR'],
      );
      assert.match(fred.errors[0]!.message, /unexpected payload/);
      assert.match(fred.errors[1]!.message, /partial payload/);
      assert.deepEqual(
        statcan.errors.map((error) => error.region),
        ['CA-BC'],
      );
      assert.match(statcan.errors[0]!.message, /unexpected payload/);
      for (const region of ['US-MA', 'US-NV', 'CA-BC']) {
        assert.ok(
          (await rowsOf(database.db, region)).every((row) => row.status === 'sample'),
          region,
        );
      }
      assert.equal((await rowsOf(database.db, 'CA-AB')).length, months);
    });

    test('a FAILED item fails that vector only; null values are missing, not zero', async () => {
      replay.fault('2064516', { kind: 'failed' });
      replay.setValue('2064327', '2021-03', null);
      replay.setValue('2064138', '2021-04', '7.3');
      replay.setValue('ILUR', '2020-06', '.');
      const statcan = await run('statcan');
      const fred = await run('fred');
      assert.equal(statcan.status, 'partial');
      assert.deepEqual(statcan.errors, [
        { series: '2064516', region: 'CA-AB', message: 'StatCan v2064516: FAILED (Invalid coordinate)' },
      ]);
      const saskatchewan = await rowsOf(database.db, 'CA-SK');
      assert.equal(saskatchewan.length, months - 1);
      assert.equal(
        saskatchewan.find((row) => row.time === '2021-03-01'),
        undefined,
      );
      assert.equal((await rowsOf(database.db, 'CA-MB')).find((row) => row.time === '2021-04-01')!.value, 7.3);
      assert.equal(fred.status, 'succeeded');
      const illinois = await rowsOf(database.db, 'US-IL');
      assert.equal(illinois.length, months - 1);
      assert.equal(
        illinois.find((row) => row.time === '2020-06-01'),
        undefined,
      );
      assert.ok(illinois.every((row) => row.value !== 0));
    });

    test("StatCan's 409 maintenance window reschedules the run; nothing changes until it passes", async () => {
      const version = await dataVersion(database.db);
      const before = await observationsChecksum(database.db);
      replay.maintenance = true;
      const summary = await run('statcan');
      assert.equal(summary.status, 'rescheduled');
      assert.equal(await observationsChecksum(database.db), before);
      assert.equal(await dataVersion(database.db), version);
      const [record] = await runsOf(database.db);
      assert.equal(record!.status, 'rescheduled');
      assert.match(record!.errors[0]!.message, /409/);
      assert.equal(replay.requests.length, 1, 'a 409 is not retried in a loop');
      replay.maintenance = false;
      const again = await run('statcan');
      assert.equal(again.status, 'succeeded');
      assert.equal(again.inserted, statcanRows);
    });

    test('a redirect to another host is refused', async () => {
      replay.fault('AKUR', {
        kind: 'redirect',
        location: 'http://127.0.0.2:9/fred/series/observations?series_id=AKUR',
      });
      const summary = await run('fred');
      assert.equal(summary.status, 'partial');
      assert.deepEqual(
        summary.errors.map((error) => error.series),
        ['AKUR'],
      );
      assert.match(summary.errors[0]!.message, /redirect to http:\/\/127\.0\.0\.2:9 refused/);
    });

    test('FRED requests are paced (FRED_MIN_INTERVAL_MS)', async () => {
      const three = fredSeries.slice(0, 3);
      // Time as the pacer sees it (a virtual clock: it moves only when the pacer sleeps), read when each
      // request leaves this process. Wall-clock gaps would measure the machine: on a loaded one, set-up and
      // scheduling delays bunch paced requests together or spread them apart.
      const clock = new VirtualClock();
      const settings = replaySettings(replay, { FRED_MIN_INTERVAL_MS: '200' });
      const { sent } = await sentTimes(clock, () =>
        runIngestion({
          db: database.db,
          source: 'fred',
          settings: { ...settings, http: { ...settings.http, clock } },
          series: three,
        }),
      );
      assert.equal(replay.requests.length, 3);
      // The three requests are started together (a few in flight): the second waits 200 ms for its slot,
      // the third 400 ms, and none leaves before its slot.
      assert.deepEqual(clock.asked, [200, 400]);
      assert.deepEqual(
        sent.map((at) => at - sent[0]!),
        [0, 200, 400],
      );
    });

    test('a backfill window fetches only the months asked for', async () => {
      const summary = await run('statcan', { from: '2021-01', to: '2021-06' });
      assert.equal(summary.window.mode, 'range');
      assert.equal(summary.inserted, statcanSeries.length * 6);
      const ontario = await rowsOf(database.db, 'CA-ON');
      assert.deepEqual(
        ontario.map((row) => row.time),
        ['2021-01-01', '2021-02-01', '2021-03-01', '2021-04-01', '2021-05-01', '2021-06-01'],
      );
      // A window that ends before the newest period says nothing about what is preliminary.
      assert.ok(ontario.every((row) => row.status === 'final'));
    });

    test('a dry run reports what it would write and writes nothing', async () => {
      const before = await observationsChecksum(database.db);
      const version = await dataVersion(database.db);
      const summary = await run('fred', { dryRun: true });
      assert.equal(summary.dryRun, true);
      assert.equal(summary.inserted, fredRows);
      assert.equal(summary.runId, undefined);
      assert.equal(await observationsChecksum(database.db), before);
      assert.equal(await dataVersion(database.db), version);
      assert.equal((await runsOf(database.db)).length, 0);
    });

    test('a key FRED rejects fails the run after the first answers, not after 52 requests', async () => {
      const summary = await runIngestion({
        db: database.db,
        source: 'fred',
        settings: { ...replaySettings(replay), fredApiKey: 'unregistered' },
      });
      assert.equal(summary.status, 'failed');
      // Every FRED series of the catalogue is reported, none of them asked for after the key was refused.
      assert.equal(summary.errors.length, seriesFor('fred').length);
      assert.match(
        summary.errors[0]!.message,
        /FRED ALUR: HTTP 400: Bad Request\. {2}The value for variable api_key is not registered/,
      );
      assert.match(summary.errors.at(-1)!.message, /^not requested: FRED ALUR: HTTP 400/);
      assert.ok(replay.requests.length <= 4, `${replay.requests.length} requests`);
      assert.ok((await rowsOf(database.db, 'US-AL')).every((row) => row.status === 'sample'));
    });

    test('without FRED_API_KEY the FRED run fails with a message saying what to set', async () => {
      const summary = await runIngestion({
        db: database.db,
        source: 'fred',
        settings: { ...replaySettings(replay), fredApiKey: undefined },
      });
      assert.equal(summary.status, 'failed');
      assert.match(summary.errors[0]!.message, /FRED_API_KEY is not set/);
      assert.equal(replay.requests.length, 0);
    });
  });
}
