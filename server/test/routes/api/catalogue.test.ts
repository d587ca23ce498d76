// The metric catalogue through the API, on both stores, for every metric: /api/metrics names each one with its
// frequency, comparability metadata and first/last period per country; mode=data answers `latest` and a period in
// the metric's own form, refuses another frequency's form with a 400 naming the valid one; every metric has
// sample data of its own frequency; US states have no CPI and say so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { metricCatalogue } from '../../../src/metric-catalogue.ts';
import { buildTestApp, STORES, type TestApp } from '../../helpers.ts';

const data = (metric: string, time: string) =>
  `/api/geo/choropleth?mode=data&metric=${metric}&geo=us-states,ca-provinces&time=${time}`;

/** The latest sample period of each frequency, in its own form, and a period of another frequency. */
const LAST = { monthly: '2025-09', quarterly: '2025-Q3', annual: '2024' } as const;
const WRONG = { monthly: '2025-Q3', quarterly: '2025-09', annual: '2024-09' } as const;
/** A `from`/`to` range in each frequency's form and the period starts it covers (both ends inclusive). */
const RANGE = {
  monthly: { from: '2025-07', to: '2025-09', times: ['2025-07-01', '2025-08-01', '2025-09-01'] },
  quarterly: { from: '2025-Q2', to: '2025-Q3', times: ['2025-04-01', '2025-07-01'] },
  annual: { from: '2023', to: '2024', times: ['2023-01-01', '2024-01-01'] },
} as const;
const FORM = { monthly: /YYYY-MM, e\.g\. 2025-09/, quarterly: /YYYY-Qn, e\.g\. 2025-Q3/, annual: /YYYY, e\.g\. 2024/ };

interface Summary {
  id: string;
  frequency: keyof typeof LAST;
  is_sample: boolean;
  classify: string;
  scheme: string;
  seasonal_adjustment: string;
  comparability: string;
  derivation: string | null;
  countries: { country: string; first: string; last: string }[];
  sources: { country: string; name: string }[];
}

describe('the catalogue as data', () => {
  test('every country entry says where its ids were verified; published entries name their series', () => {
    for (const metric of metricCatalogue) {
      for (const country of ['US', 'CA'] as const) {
        const coverage = metric.coverage[country];
        assert.ok(coverage.verified.length > 40, `${metric.id} ${country}: where were its ids verified?`);
        if (coverage.status === 'published' && !metric.derivation) {
          assert.ok(coverage.series.length > 0, `${metric.id} ${country} is published but has no series`);
        }
        if (coverage.status !== 'published') assert.equal(coverage.series.length, 0);
      }
    }
  });

  test('StatCan series are vectors or a table and a ten-position coordinate; FRED ids are upper-case', () => {
    for (const metric of metricCatalogue) {
      for (const spec of [...metric.coverage.US.series, ...metric.coverage.CA.series]) {
        const form = spec.source === 'fred' ? /^[A-Z0-9]+$/ : /^(\d+|\d{8}:(\d+\.){9}\d+)$/;
        assert.match(spec.seriesId, form, `${metric.id} ${spec.region}`);
      }
    }
  });

  test('each table is read with its own Geography members: provincial GDP has no Canada member, payrolls do', () => {
    const member = (metric: string, region: string) => {
      const spec = metricCatalogue
        .find((entry) => entry.id === metric)!
        .coverage.CA.series.find((entry) => entry.region === region);
      return spec ? spec.seriesId.split(':')[1]!.split('.').slice(0, 3).join('.') : undefined;
    };
    // 36-10-0402-01: Newfoundland and Labrador 1 … Alberta 9 … British Columbia 10; chained (2017) dollars; all industries.
    assert.deepEqual(
      ['CA-NL', 'CA-ON', 'CA-AB', 'CA-BC', 'CA-YT'].map((region) => member('real-gdp', region)),
      ['1.2.1', '6.2.1', '9.2.1', '10.2.1', undefined],
    );
    // 14-10-0223-01 lists Canada first: Newfoundland and Labrador 2 … Nunavut 14.
    assert.deepEqual(
      ['CA-NL', 'CA-ON', 'CA-NU'].map((region) => member('employment', region)),
      ['2.2.1', '7.2.1', '14.2.1'],
    );
  });
});

for (const store of STORES) {
  describe(`the metric catalogue through the API on ${store}`, () => {
    let t: TestApp;
    let metrics: Summary[];
    before(async () => {
      t = await buildTestApp(store);
      metrics = (await t.app.inject('/api/metrics')).json().metrics;
    });
    after(() => t.close());

    test('at least eight metrics, each catalogue metric listed once', () => {
      assert.ok(metricCatalogue.length >= 8);
      assert.deepEqual(metrics.map((metric) => metric.id).sort(), metricCatalogue.map((metric) => metric.id).sort());
    });

    for (const declared of metricCatalogue) {
      describe(declared.id, () => {
        const summary = () => metrics.find((metric) => metric.id === declared.id)!;

        test('is described: frequency, classification, scheme, seasonal adjustment, comparability, sample', () => {
          const metric = summary();
          assert.equal(metric.frequency, declared.frequency);
          assert.equal(metric.is_sample, true);
          assert.equal(metric.classify, declared.classify);
          assert.equal(metric.scheme, declared.scheme);
          assert.ok(metric.seasonal_adjustment.length > 0);
          assert.match(metric.comparability, /United States: .+ Canada: .+/);
          assert.equal(metric.derivation === null, declared.derivation === null);
          if (declared.derivation) assert.match(metric.derivation!, new RegExp(`"${declared.derivation.from}"`));
          // Changes are read around 0; levels in two currencies are never classified on one scale.
          if (/chang|growth|inflation/.test(declared.id)) assert.equal(metric.scheme, 'diverging');
          if (['real-gdp', 'income-per-capita', 'house-price-index'].includes(declared.id)) {
            assert.equal(metric.classify, 'per-country');
          }
        });

        test('names its first and last period per country, in its own form', () => {
          const countries = summary().countries;
          const withData = (['US', 'CA'] as const).filter((country) => declared.coverage[country].status !== 'none');
          assert.deepEqual(
            countries.map((entry) => entry.country),
            withData,
          );
          for (const entry of countries) assert.equal(entry.last, LAST[declared.frequency]);
          const form = { monthly: /^\d{4}-\d{2}$/, quarterly: /^\d{4}-Q[1-4]$/, annual: /^\d{4}$/ }[declared.frequency];
          for (const entry of countries) assert.match(entry.first, form);
        });

        test('answers latest and a period of its own form with the same values', async () => {
          const latest = await t.app.inject(data(declared.id, 'latest'));
          assert.equal(latest.statusCode, 200, latest.body);
          const own = await t.app.inject(data(declared.id, LAST[declared.frequency]));
          assert.equal(own.statusCode, 200, own.body);
          assert.deepEqual(own.json(), latest.json());
          const body = latest.json();
          assert.equal(body.metric.frequency, declared.frequency);
          assert.ok(body.values.length > 0);
          assert.ok(body.values.every((value: { status: string }) => value.status === 'sample'));
        });

        test('refuses a period of another frequency with a 400 naming the valid form', async () => {
          const response = await t.app.inject(data(declared.id, WRONG[declared.frequency]));
          assert.equal(response.statusCode, 400);
          const message = response.json().message;
          assert.match(message, new RegExp(`"${declared.id}" is ${declared.frequency}`));
          assert.match(message, FORM[declared.frequency]);
        });

        test('a series from/to in its own form covers those periods; another form is a 400 naming the valid one', async () => {
          const range = RANGE[declared.frequency];
          const region = declared.coverage.CA.status === 'none' ? 'US-CA' : 'CA-ON';
          const own = await t.app.inject(
            `/api/metrics/${declared.id}?region=${region}&from=${range.from}&to=${range.to}`,
          );
          assert.equal(own.statusCode, 200, own.body);
          const [series] = own.json().series;
          assert.deepEqual(
            series.points.map(([time]: [string]) => time),
            range.times,
          );
          assert.ok(series.points.every(([, value]: [string, number | null]) => typeof value === 'number'));
          for (const parameter of ['from', 'to']) {
            const wrong = await t.app.inject(`/api/metrics/${declared.id}?${parameter}=${WRONG[declared.frequency]}`);
            assert.equal(wrong.statusCode, 400);
            const message = wrong.json().message;
            assert.match(message, new RegExp(`"${declared.id}" is ${declared.frequency}: ${parameter} must be`));
            assert.match(message, FORM[declared.frequency]);
          }
        });
      });
    }

    test('US states have no CPI: every state is missing, and the metadata says why', async () => {
      for (const id of ['cpi', 'inflation']) {
        const body = (await t.app.inject(data(id, 'latest'))).json();
        assert.ok(body.values.every((value: { region: string }) => value.region.startsWith('CA-')));
        assert.equal(body.missing.filter((code: string) => code.startsWith('US-')).length, 52);
        assert.match(body.metric.comparability, /no official consumer price index for US states/);
        assert.ok(body.metric.sources.every((source: { country: string }) => source.country === 'CA'));
      }
    });

    test('a derived sample is computed from the sample levels: 12-month change of the index', async () => {
      const cpi = (await t.app.inject(data('cpi', '2025-09'))).json();
      const yearBefore = (await t.app.inject(data('cpi', '2024-09'))).json();
      const inflation = (await t.app.inject(data('inflation', '2025-09'))).json();
      const value = (body: { values: { region: string; value: number }[] }) =>
        body.values.find((entry) => entry.region === 'CA-ON')!.value;
      assert.ok(Math.abs(value(inflation) - (value(cpi) / value(yearBefore) - 1) * 100) < 1e-5);
    });

    test('the OpenAPI document lists the metric ids as an enum', async () => {
      const spec = (await t.app.inject('/docs/json')).json();
      const parameter = spec.paths['/api/geo/choropleth'].get.parameters.find(
        (entry: { name: string }) => entry.name === 'metric',
      );
      assert.deepEqual(
        parameter.schema.enum,
        metricCatalogue.map((metric) => metric.id),
      );
    });
  });
}
