// Ingestion seen through the API, on both stores: after a run the next mode=data response carries the new
// values (no stale cache), a revision shows as `revised` with a new ETag, the metric credits its sources, and
// the territories are reported missing once Statistics Canada data replaces the samples.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { createServer } from '../../src/server.ts';
import { DATA_URL, REDIS_URL } from '../helpers.ts';
import { type ReplayServer, startReplayServer } from '../../src/testing/replay-server.ts';
import { createTestDatabase, replaySettings, storeKinds, type TestDatabase } from './helpers.ts';

interface DataBody {
  metric: { title: string; is_sample?: boolean; sources: { name: string; licence: string; country: string }[] };
  time: string;
  values: { region: string; value: number; status: string }[];
  missing: string[];
}

for (const kind of storeKinds) {
  describe(`ingestion through the API on ${kind}`, () => {
    let database: TestDatabase;
    let replay: ReplayServer;
    let app: FastifyInstance;
    before(async () => {
      replay = await startReplayServer({ firstMonth: '2021-01', months: 24 });
      database = await createTestDatabase(kind);
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        DATA_VERSION_POLL_MS: '0', // no polling: only the scheduler's own refresh can make the change visible
        REDIS_URL,
      });
      app = await createServer({
        config,
        db: database.db,
        logger: false,
        // Scheduled for New Year's Day only: the test triggers runs itself.
        ingest: replaySettings(replay, { SCHEDULER: 'on', FRED_SCHEDULE: '0 0 1 1 *', STATCAN_SCHEDULE: '0 0 1 1 *' }),
      });
    });
    after(async () => {
      await app?.close();
      await database?.drop();
      await replay?.close();
    });

    const data = async (time: string) => {
      const response = await app.inject(`${DATA_URL}&time=${time}`);
      assert.equal(response.statusCode, 200, response.body);
      return { body: response.json() as DataBody, etag: response.headers.etag as string };
    };
    const texas = (body: DataBody) => body.values.find((value) => value.region === 'US-TX')!;

    test('ingested values replace the samples in the next response; a revision shows as revised', async () => {
      const before = await data('2022-06');
      assert.equal(texas(before.body).status, 'sample');
      assert.equal(before.body.metric.is_sample, true);

      const first = await app.ingestScheduler!.runNow('fred');
      assert.equal(first.status, 'succeeded');
      const ingested = await data('2022-06');
      assert.notEqual(ingested.etag, before.etag);
      assert.deepEqual(texas(ingested.body), {
        region: 'US-TX',
        name: 'Texas',
        value: replay.valueOf('TXUR', '2022-06'),
        status: 'final',
      });
      assert.equal(ingested.body.metric.sources.find((source) => source.country === 'US')!.name.includes('FRED'), true);
      const newest = await data('2022-12');
      assert.equal(texas(newest.body).status, 'preliminary');

      const revised = Math.round(((replay.valueOf('TXUR', '2022-06') as number) + 1.1) * 10) / 10;
      replay.setValue('TXUR', '2022-06', String(revised));
      const second = await app.ingestScheduler!.runNow('fred');
      assert.equal(second.updated, 1);
      const after = await data('2022-06');
      assert.notEqual(after.etag, ingested.etag);
      assert.deepEqual(texas(after.body), { region: 'US-TX', name: 'Texas', value: revised, status: 'revised' });
    });

    test('after both sources: no sample left, sources credited per country, territories missing', async () => {
      await app.ingestScheduler!.runNow('fred');
      const statcan = await app.ingestScheduler!.runNow('statcan');
      assert.equal(statcan.status, 'succeeded');
      const { body } = await data('2022-06');
      assert.ok(!body.metric.is_sample, 'the metric no longer says sample');
      assert.doesNotMatch(body.metric.title, /sample/i);
      assert.deepEqual(
        body.metric.sources.map((source) => [source.country, source.licence]),
        [
          ['US', 'Public domain (U.S. Government work); FRED terms of use'],
          ['CA', 'Open Government Licence – Canada'],
        ],
      );
      assert.ok(body.values.every((value) => value.status !== 'sample'));
      assert.deepEqual([...body.missing].sort(), ['CA-NT', 'CA-NU', 'CA-YT']);
      assert.equal(body.values.length, 62);
      assert.equal(body.values.find((value) => value.region === 'CA-ON')!.value, replay.valueOf('2063949', '2022-06'));
    });
  });
}
