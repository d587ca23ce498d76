// Quarterly and annual series, per source: parsing the upstream shapes (missing values, StatCan status symbols),
// and ingestion from the replay server on PostgreSQL and PGlite: periods on their first day, a monthly index
// averaged into quarters, the July estimate as the year's, series read by table and coordinate (SEPH payrolls,
// provincial real GDP), derived changes computed once from stored levels, a revised level revising its derived
// value, a no-change re-run writing nothing, and faults (429/503 retried, a FAILED or malformed series failing
// alone while the others are stored).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Db } from '../../src/db/client.ts';
import { parseFredObservations } from '../../src/jobs/fred.ts';
import { resample } from '../../src/jobs/series.ts';
import { parseStatcanItem } from '../../src/jobs/statcan.ts';
import { catalogueSeries, type SeriesSpec } from '../../src/metric-catalogue.ts';
import { runIngestion } from '../../src/jobs/ingest.ts';
import { replayAndDatabase, replaySettings, storeKinds } from './helpers.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8'));
const spec = (metric: string, region: string, source: 'fred' | 'statcan'): SeriesSpec =>
  catalogueSeries(source, [metric]).find((entry) => entry.region === region)!;
const all = { mode: 'range', from: '1900-01' } as const;
const points = (observations: { time: string; value: number; status: string }[]) =>
  observations.map(({ time, value, status }) => [time, value, status]);

describe('parsing quarterly and annual answers', () => {
  test('FRED annual (CARGSP): years on January 1, "." is missing, the newest year preliminary', () => {
    const parsed = parseFredObservations(
      fixture('fred-state-rgsp-annual.synthetic.json'),
      spec('real-gdp', 'US-CA', 'fred'),
      all,
    );
    assert.equal(parsed.missing, 1);
    assert.deepEqual(points(parsed.observations), [
      ['2021-01-01', 2890123.4, 'final'],
      ['2023-01-01', 3012345.6, 'final'],
      ['2024-01-01', 3101234.5, 'preliminary'],
    ]);
  });

  test('FRED quarterly (CASTHPI), newest first: quarters on their first day, "." is missing', () => {
    const parsed = parseFredObservations(
      fixture('fred-state-sthpi-quarterly.synthetic.json'),
      spec('house-price-index', 'US-CA', 'fred'),
      { mode: 'update', periods: 5 },
    );
    assert.equal(parsed.missing, 1);
    assert.deepEqual(
      parsed.observations.map((observation) => observation.time),
      ['2026-04-01', '2026-01-01', '2025-07-01', '2025-04-01'],
    );
  });

  test('StatCan quarterly population (v12): suppressed point missing, symbol "p" preliminary, July is the year', () => {
    const [item] = fixture('statcan-wds-population-quarterly.synthetic.json') as unknown[];
    const ontario = spec('population', 'CA-ON', 'statcan');
    assert.equal(ontario.seriesId, '12');
    const parsed = parseStatcanItem(item, ontario, all);
    assert.equal(parsed.missing, 1);
    assert.deepEqual(points(parsed.observations), [
      ['2025-01-01', 16124116, 'final'],
      ['2025-07-01', 16258299, 'preliminary'],
    ]);
    assert.deepEqual(points(resample(parsed.observations, ontario)), [['2025-01-01', 16258299, 'preliminary']]);
  });

  test('StatCan by coordinate, monthly (SEPH 14-10-0223-01): "x" suppressed is missing, "p" is preliminary', () => {
    const [item] = fixture('statcan-wds-seph-coordinate.synthetic.json') as unknown[];
    const ontario = spec('employment', 'CA-ON', 'statcan');
    assert.equal(ontario.seriesId, '14100223:7.2.1.0.0.0.0.0.0.0');
    const parsed = parseStatcanItem(item, ontario, all);
    assert.equal(parsed.missing, 1);
    assert.deepEqual(points(parsed.observations), [
      ['2025-06-01', 7312456, 'final'],
      ['2025-08-01', 7318902, 'preliminary'],
    ]);
    assert.equal(parsed.observations[0]!.source, 'statcan:14100223:7.2.1.0.0.0.0.0.0.0');
  });

  test('StatCan by coordinate, annual (real GDP 36-10-0402-01): years on January 1, ".." missing; another coordinate is refused', () => {
    const [item] = fixture('statcan-wds-gdp-annual-coordinate.synthetic.json') as { object: { coordinate: string } }[];
    const ontario = spec('real-gdp', 'CA-ON', 'statcan');
    assert.equal(ontario.seriesId, '36100402:6.2.1.0.0.0.0.0.0.0');
    const parsed = parseStatcanItem(item, ontario, all);
    assert.equal(parsed.missing, 1);
    assert.deepEqual(points(parsed.observations), [
      ['2021-01-01', 848210.5, 'final'],
      ['2023-01-01', 868004.2, 'preliminary'],
    ]);
    const quebec = { ...item!, object: { ...item!.object, coordinate: '5.2.1.0.0.0.0.0.0.0' } };
    assert.throws(() => parseStatcanItem(quebec, ontario, all), /answer is for 36100402:5\.2\.1\.0/);
  });

  test('StatCan monthly NHPI averaged into complete quarters; a quarter with a suppressed month has no value', () => {
    const [item] = fixture('statcan-wds-nhpi-monthly.synthetic.json') as unknown[];
    const ontario = spec('house-price-index', 'CA-ON', 'statcan');
    const parsed = parseStatcanItem(item, ontario, all);
    assert.equal(parsed.missing, 1);
    assert.deepEqual(points(resample(parsed.observations, ontario)), [['2025-04-01', 120.4, 'final']]);
  });
});

async function levels(db: Db, metric: string, region: string) {
  const { rows } = await db.query<{ time: string; value: number; status: string; source: string }>(
    `select time::text as time, value, status, source from observations
      where metric = $1 and region = $2 order by time`,
    [metric, region],
  );
  return rows;
}

for (const kind of storeKinds) {
  describe(`quarterly and annual ingestion on ${kind}`, () => {
    const context = replayAndDatabase(kind, { firstMonth: '2019-01', months: 36 });
    const run = (source: 'fred' | 'statcan', metrics: string[]) =>
      runIngestion({ db: context.database.db, source, settings: replaySettings(context.replay), metrics });
    const num = (value: string | number | null) => Number(value);
    const change = (now: number, then: number) => (now / then - 1) * 100;
    /** Derived values are stored rounded to 6 decimals. */
    const near = (actual: number, expected: number, what: string) =>
      assert.ok(Math.abs(actual - expected) < 1e-5, `${what}: ${actual} is not ${expected}`);

    test('FRED annual: real GDP by year, growth derived once from the stored levels, revisions flow through', async () => {
      const first = await run('fred', ['real-gdp']);
      assert.equal(first.status, 'succeeded');
      const gdp = await levels(context.database.db, 'real-gdp', 'US-CA');
      assert.deepEqual(
        gdp.map((row) => row.time),
        ['2019-01-01', '2020-01-01', '2021-01-01'],
      );
      assert.equal(gdp[0]!.value, num(context.replay.valueOf('CARGSP', '2019-01')));
      assert.equal(gdp[0]!.source, 'fred:CARGSP');
      const growth = await levels(context.database.db, 'real-gdp-growth', 'US-CA');
      assert.deepEqual(
        growth.map((row) => [row.time, row.source]),
        [
          ['2020-01-01', 'derived:real-gdp'],
          ['2021-01-01', 'derived:real-gdp'],
        ],
      );
      near(growth[0]!.value, change(gdp[1]!.value, gdp[0]!.value), '2020 growth');
      near(growth[1]!.value, change(gdp[2]!.value, gdp[1]!.value), '2021 growth');
      assert.equal(growth.at(-1)!.status, 'preliminary', 'the newest level is preliminary, so is its growth');
      assert.ok(first.derived > 0);
      // Puerto Rico has no FRED GDP series: no value, and no sample either once the US side delivered.
      assert.deepEqual(await levels(context.database.db, 'real-gdp', 'US-PR'), []);
      // Canada's side is not ingested yet: its samples stay, and the metric still says so.
      assert.ok((await levels(context.database.db, 'real-gdp', 'CA-ON')).every((row) => row.status === 'sample'));
      const { rows } = await context.database.db.query<{ is_sample: boolean; derivation: string }>(
        `select is_sample, derivation from metrics where id = 'real-gdp-growth'`,
      );
      assert.equal(rows[0]!.is_sample, true);
      assert.match(rows[0]!.derivation, /"real-gdp" levels.*1 years earlier/);

      const again = await run('fred', ['real-gdp']);
      assert.equal(again.inserted + again.updated, 0, 'a no-change re-run writes nothing, derived included');

      context.replay.setValue('CARGSP', '2020-01', 999.9);
      const revised = await run('fred', ['real-gdp']);
      assert.equal(revised.updated, 3, 'the level and the two growth rates it enters');
      const after = await levels(context.database.db, 'real-gdp-growth', 'US-CA');
      assert.deepEqual(
        after.map((row) => row.status),
        ['revised', 'revised'],
      );
      near(after[0]!.value, change(999.9, gdp[0]!.value), 'revised 2020 growth');
      near(after[1]!.value, change(gdp[2]!.value, 999.9), 'revised 2021 growth');
    });

    test('FRED quarterly: house prices by quarter and their change over 4 quarters; a missing quarter stays missing', async () => {
      context.replay.setValue('TXSTHPI', '2020-04', '.');
      const summary = await run('fred', ['house-price-index']);
      assert.equal(summary.status, 'succeeded');
      const index = await levels(context.database.db, 'house-price-index', 'US-TX');
      assert.equal(index.length, 11);
      assert.ok(!index.some((row) => row.time === '2020-04-01'));
      assert.ok(index.every((row) => ['01', '04', '07', '10'].includes(row.time.slice(5, 7))));
      const changes = await levels(context.database.db, 'house-price-change', 'US-TX');
      // 12 quarters give 8 four-quarter changes; the missing quarter removes its own and the one a year later.
      assert.equal(changes.length, 6);
      const at = (time: string) => index.find((row) => row.time === time)!.value;
      near(
        changes.find((row) => row.time === '2021-07-01')!.value,
        change(at('2021-07-01'), at('2020-07-01')),
        'change',
      );
    });

    test('StatCan quarterly: the NHPI averaged into quarters and its 4-quarter change', async () => {
      const summary = await run('statcan', ['house-price-index']);
      assert.equal(summary.status, 'succeeded');
      const index = await levels(context.database.db, 'house-price-index', 'CA-ON');
      assert.equal(index.length, 12);
      const months = ['2020-07', '2020-08', '2020-09'].map((month) => num(context.replay.valueOf('111955490', month)));
      const mean = Math.round(((months[0]! + months[1]! + months[2]!) / 3) * 1e6) / 1e6;
      assert.equal(index.find((row) => row.time === '2020-07-01')!.value, mean);
      assert.equal((await levels(context.database.db, 'house-price-change', 'CA-ON')).length, 8);
      // The territories have no NHPI: no value, no sample.
      assert.deepEqual(await levels(context.database.db, 'house-price-index', 'CA-YT'), []);
    });

    test('StatCan annual: the July 1 population estimate is the year, territories included', async () => {
      const summary = await run('statcan', ['population']);
      assert.equal(summary.status, 'succeeded');
      for (const [region, vector] of [
        ['CA-ON', '12'],
        ['CA-NU', '7'],
      ] as const) {
        const rows = await levels(context.database.db, 'population', region);
        assert.deepEqual(
          rows.map((row) => row.time),
          ['2019-01-01', '2020-01-01', '2021-01-01'],
        );
        assert.equal(rows[1]!.value, num(context.replay.valueOf(vector, '2020-07')));
      }
      const again = await run('statcan', ['population']);
      assert.equal(again.inserted + again.updated, 0);
    });

    test('StatCan annual by coordinate: provincial real GDP and its growth; a FAILED province fails alone, a 503 is retried', async () => {
      const id = (region: string) => spec('real-gdp', region, 'statcan').seriesId;
      context.replay.fault(id('CA-NL'), { kind: 'failed' });
      context.replay.setValue(id('CA-QC'), '2020-01', null);
      const first = await run('statcan', ['real-gdp']);
      assert.equal(first.status, 'partial');
      const ontario = await levels(context.database.db, 'real-gdp', 'CA-ON');
      assert.deepEqual(
        ontario.map((row) => [row.time, row.value, row.source]),
        ['2019', '2020', '2021'].map((year) => [
          `${year}-01-01`,
          num(context.replay.valueOf(id('CA-ON'), `${year}-01`)),
          'statcan:36100402:6.2.1.0.0.0.0.0.0.0',
        ]),
      );
      const growth = await levels(context.database.db, 'real-gdp-growth', 'CA-ON');
      assert.deepEqual(
        growth.map((row) => row.time),
        ['2020-01-01', '2021-01-01'],
      );
      near(growth[0]!.value, change(ontario[1]!.value, ontario[0]!.value), 'Ontario 2020 growth');
      // Quebec's 2020 is not available: no 2020 value, and no growth that would need it.
      assert.deepEqual(
        (await levels(context.database.db, 'real-gdp', 'CA-QC')).map((row) => row.time),
        ['2019-01-01', '2021-01-01'],
      );
      assert.deepEqual(await levels(context.database.db, 'real-gdp-growth', 'CA-QC'), []);
      // Newfoundland's series failed: it keeps its sample values; the territories are not declared: no value.
      assert.ok((await levels(context.database.db, 'real-gdp', 'CA-NL')).every((row) => row.status === 'sample'));
      assert.deepEqual(await levels(context.database.db, 'real-gdp', 'CA-YT'), []);

      context.replay.fault(id('CA-ON'), { kind: 'status', status: 503 });
      const second = await run('statcan', ['real-gdp']);
      assert.equal(second.status, 'succeeded', 'the 503 was retried');
      assert.deepEqual(
        context.replay.requests.map((request) => request.status),
        [200, 503, 200],
      );
      const newfoundland = await levels(context.database.db, 'real-gdp', 'CA-NL');
      assert.ok(
        newfoundland.length > 0 && newfoundland.every((row) => row.source.startsWith('statcan:36100402:1.2.1.')),
      );
    });

    test('StatCan monthly by coordinate: SEPH payroll employment, territories included, and its 12-month change', async () => {
      const summary = await run('statcan', ['employment']);
      assert.equal(summary.status, 'succeeded');
      for (const region of ['CA-ON', 'CA-NU']) {
        const id = spec('employment', region, 'statcan').seriesId;
        const rows = await levels(context.database.db, 'employment', region);
        assert.equal(rows.length, 36);
        assert.equal(rows[5]!.value, num(context.replay.valueOf(id, rows[5]!.time.slice(0, 7))));
        assert.equal(rows[5]!.source, `statcan:${id}`);
        const changes = await levels(context.database.db, 'employment-change', region);
        assert.equal(changes.length, 24);
        near(changes[0]!.value, change(rows[12]!.value, rows[0]!.value), `${region} 12-month change`);
      }
      const requests = context.replay.requests.filter((request) => request.source === 'statcan');
      assert.ok(requests.every((request) => request.ids.every((id) => id.startsWith('14100223:'))));
    });

    test('FRED annual with faults: a 429 is retried, a malformed series fails alone and keeps its sample', async () => {
      context.replay.fault('CAPOP', { kind: 'status', status: 429, retryAfter: 0 });
      context.replay.fault('TXPOP', { kind: 'wrong-types' });
      const summary = await run('fred', ['population']);
      assert.equal(summary.status, 'partial');
      const california = await levels(context.database.db, 'population', 'US-CA');
      assert.deepEqual(
        california.map((row) => [row.time, row.value]),
        ['2019', '2020', '2021'].map((year) => [
          `${year}-01-01`,
          num(context.replay.valueOf('CAPOP', `${year}-01`)) * 1000,
        ]),
      );
      assert.ok((await levels(context.database.db, 'population', 'US-TX')).every((row) => row.status === 'sample'));
    });
  });
}
