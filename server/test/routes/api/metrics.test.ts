// GET /api/metrics and GET /api/metrics/{metric} on both stores.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bumpVersion } from '../../../src/db/versions.ts';
import { writeSeries } from '../../../src/jobs/store.ts';
import { metricCatalogue } from '../../../src/metric-catalogue.ts';
import { buildTestApp, STORES, type TestApp } from '../../helpers.ts';

for (const store of STORES) {
  describe(`/api/metrics on ${store}`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(store);
    });
    after(() => t.close());

    test('the catalog lists the sample metric with its latest period, region sets and sources', async () => {
      const response = await t.app.inject('/api/metrics');
      assert.equal(response.statusCode, 200);
      const { metrics } = response.json();
      assert.equal(metrics.length, metricCatalogue.length);
      const metric = metrics.find((entry: { id: string }) => entry.id === 'unemployment');
      assert.match(metric.title, /sample/i);
      assert.equal(metric.is_sample, true);
      assert.equal(metric.latest, '2025-09-01');
      assert.equal(metric.first, '2021-10-01');
      assert.deepEqual(metric.geo, ['ca-provinces', 'us-states']);
      assert.deepEqual(metric.countries, [
        { country: 'US', first: '2021-10', last: '2025-09' },
        { country: 'CA', first: '2021-10', last: '2025-09' },
      ]);
      assert.equal(metric.sources[0].licence, 'CC0-1.0');
      assert.ok(response.headers.etag);
    });

    test('a series per region over a month range, null where a region has no value', async () => {
      const response = await t.app.inject('/api/metrics/unemployment?region=US-CA,CA-YT&from=2024-01&to=2024-06');
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.metric.id, 'unemployment');
      assert.deepEqual(
        body.series.map((s: { region: string; name: string }) => [s.region, s.name]),
        [
          ['CA-YT', 'Yukon'],
          ['US-CA', 'California'],
        ],
      );
      const [yukon, california] = body.series;
      assert.deepEqual(
        california.points.map((p: [string, number]) => p[0]),
        ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01'],
      );
      assert.ok(california.points.every((p: [string, number]) => typeof p[1] === 'number'));
      // Yukon is quarterly in the sample: March and June only.
      assert.deepEqual(
        yukon.points.map((p: [string, number | null]) => p[1] === null),
        [true, true, false, true, true, false],
      );
    });

    test('without region: every region with values; a region without any value gets an empty series', async () => {
      const all = (await t.app.inject('/api/metrics/unemployment?from=2025-09&to=2025-09')).json();
      assert.equal(all.series.length, 64);
      const nunavut = (await t.app.inject('/api/metrics/unemployment?region=CA-NU&from=2025-01&to=2025-02')).json();
      assert.deepEqual(nunavut.series, [{ region: 'CA-NU', name: 'Nunavut', name_fr: 'Nunavut', points: [] }]);
    });

    test('lowercase region codes are accepted', async () => {
      const body = (await t.app.inject('/api/metrics/unemployment?region=us-ca&from=2025-09')).json();
      assert.equal(body.series[0].region, 'US-CA');
    });

    test('repeated URLs are answered the same way, refused origins stay refused, new data is never stale', async () => {
      const series = '/api/metrics/unemployment?region=US-CA&from=2025-09&to=2025-09';
      for (const url of ['/api/metrics', series]) {
        const first = await t.app.inject(url);
        const second = await t.app.inject(url);
        assert.equal(second.statusCode, 200, url);
        assert.equal(second.headers.etag, first.headers.etag, url);
        assert.deepEqual(second.rawPayload, first.rawPayload, url);
        const foreign = await t.app.inject({ url, headers: { origin: 'https://elsewhere.example' } });
        assert.equal(foreign.statusCode, 403, `${url}: the access check runs before a repeat is answered`);
      }
      const before = (await t.app.inject(series)).json().series[0].points[0][1];
      await t.app.db.query("update observations set value = value + 1 where region = 'US-CA' and time = '2025-09-01'");
      await bumpVersion(t.app.db, 'data');
      await t.app.catalog.refresh();
      assert.equal((await t.app.inject(series)).json().series[0].points[0][1], before + 1);
    });

    test('preliminary and revised points are marked per series; a series of final points keeps its earlier shape', async () => {
      const observation = (time: string, value: number, status: 'final' | 'preliminary') => ({
        metric: 'unemployment',
        region: 'US-CA',
        time,
        value,
        status,
        source: 'contract-test',
      });
      await writeSeries(t.app.db, [
        observation('2025-07-01', 5.0, 'final'),
        observation('2025-08-01', 5.1, 'final'),
        observation('2025-09-01', 5.2, 'preliminary'),
      ]);
      // The source publishes July again with another value: a revision.
      await writeSeries(t.app.db, [observation('2025-07-01', 5.05, 'final')]);
      await bumpVersion(t.app.db, 'data');
      await t.app.catalog.refresh();
      const body = (await t.app.inject('/api/metrics/unemployment?region=US-CA,US-TX&from=2025-07&to=2025-09')).json();
      const [california, texas] = body.series;
      assert.deepEqual(california.points, [
        ['2025-07-01', 5.05],
        ['2025-08-01', 5.1],
        ['2025-09-01', 5.2],
      ]);
      assert.deepEqual(california.status, { '2025-07-01': 'revised', '2025-09-01': 'preliminary' });
      assert.equal(california.name_fr, 'Californie');
      assert.deepEqual(
        Object.keys(texas),
        ['region', 'name', 'name_fr', 'points'],
        'sample (final) values carry no status',
      );
    });

    test('a metric note says each thing once: the US CPI note is not printed twice, in the catalog or the series', async () => {
      // Sentences, without the country labels that introduce each coverage note.
      const repeated = (text: string) =>
        text
          .split(/(?<=\.)\s+/)
          .map((sentence) => sentence.replace(/^(United States|Canada): /, ''))
          .filter((sentence, index, all) => all.indexOf(sentence) !== index);
      const { metrics } = (await t.app.inject('/api/metrics')).json();
      for (const metric of metrics as { id: string; comparability: string }[]) {
        assert.deepEqual(repeated(metric.comparability), [], `${metric.id} in /api/metrics`);
        const series = (await t.app.inject(`/api/metrics/${metric.id}?region=US-CA`)).json();
        assert.equal(series.metric.comparability, metric.comparability, `${metric.id} in /api/metrics/${metric.id}`);
      }
      const cpi = metrics.find((metric: { id: string }) => metric.id === 'cpi').comparability;
      assert.equal(cpi.split('There is no official consumer price index for US states').length - 1, 1, cpi);
    });

    test('errors: unknown metric or region → 404 naming the valid ones; from after to → 400', async () => {
      const metric = await t.app.inject('/api/metrics/wages');
      assert.equal(metric.statusCode, 404);
      assert.match(metric.json().message, /Valid metrics: cpi, employment, .*unemployment/);
      const region = await t.app.inject('/api/metrics/unemployment?region=US-CA,US-ZZ');
      assert.equal(region.statusCode, 404);
      assert.match(region.json().message, /Unknown region "US-ZZ".*US-WY/);
      const range = await t.app.inject('/api/metrics/unemployment?from=2025-01&to=2024-01');
      assert.equal(range.statusCode, 400);
      assert.match(range.json().message, /from \(2025-01\) is after to \(2024-01\)/);
      const month = await t.app.inject('/api/metrics/unemployment?from=2025-1');
      assert.equal(month.statusCode, 400);
      assert.match(month.json().message, /"from".*YYYY-MM/);
    });
  });
}
