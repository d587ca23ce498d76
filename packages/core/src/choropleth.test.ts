// The map-free choropleth arithmetic: normalised page data, known and missing regions, region sets picked
// out of one boundaries download, and the colour each region gets (with the fallbacks the element relies on).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  knownCodes,
  legendCountryLabel,
  missingCodes,
  normalizeData,
  selectRegions,
  stableValuesByCountry,
  withMetricDefaults,
} from './choropleth.ts';
import { paintChoropleth } from './paint.ts';
import { colorsFor } from './schemes.ts';
import type { ChoroplethData, FeatureCollection, RegionValue } from './types.ts';

const values = (entries: Record<string, number | null>): RegionValue[] =>
  Object.entries(entries).map(([region, value]) => ({ region, name: region, value }));

describe('normalizeData', () => {
  test('turns a plain { code: value } map into the API shape, non-finite numbers as null', () => {
    const data = normalizeData({ 'US-KS': 3.1, 'US-NE': Number.NaN, 'CA-ON': null });
    assert.deepEqual(data.values, [
      { region: 'US-KS', name: 'US-KS', value: 3.1 },
      { region: 'US-NE', name: 'US-NE', value: null },
      { region: 'CA-ON', name: 'CA-ON', value: null },
    ]);
    assert.deepEqual([data.time, data.missing, data.metric.id, data.metric.sources], ['', [], '', []]);
  });

  test('fills what an API-shaped body leaves out and keeps the rest', () => {
    const body = { metric: { title: 'Jobs' }, values: values({ 'US-KS': 1 }), periods: { first: 'a', last: 'b' } };
    const data = normalizeData(body as unknown as ChoroplethData);
    assert.equal(data.metric.title, 'Jobs');
    assert.equal(data.metric.frequency, 'monthly');
    assert.deepEqual([data.time, data.missing, data.periods], ['', [], { first: 'a', last: 'b' }]);
  });
});

describe('known and missing regions', () => {
  const data: ChoroplethData = {
    metric: { id: 'm', title: '', units: '', frequency: 'monthly', sources: [] },
    time: '2024-01-01',
    values: values({ 'US-KS': 1, 'US-NE': null }),
    missing: ['CA-NU'],
  };

  test('knows drawn regions, regions with values and regions the API calls missing', () => {
    assert.deepEqual([...knownCodes(['US-IA'], data)].sort(), ['CA-NU', 'US-IA', 'US-KS', 'US-NE']);
    assert.deepEqual([...knownCodes(['US-IA'], undefined)], ['US-IA']);
  });

  test('missing is every known region without a number, sorted', () => {
    assert.deepEqual(missingCodes(knownCodes(['US-IA'], data), data), ['CA-NU', 'US-IA', 'US-NE']);
  });
});

describe('selectRegions', () => {
  const feature = (code: string, country: 'US' | 'CA') => ({
    type: 'Feature' as const,
    id: code,
    geometry: { type: 'Polygon' as const, coordinates: [] },
    properties: { code, name: code, country },
  });
  const all: FeatureCollection = {
    type: 'FeatureCollection',
    features: [feature('CA-ON', 'CA'), feature('US-KS', 'US'), feature('US-NE', 'US')],
  };

  test('keeps the features of the requested sets only', () => {
    assert.deepEqual(
      selectRegions(all, 'us-states').features.map((f) => f.id),
      ['US-KS', 'US-NE'],
    );
    assert.deepEqual(
      selectRegions(all, ['ca-provinces']).features.map((f) => f.id),
      ['CA-ON'],
    );
  });

  test('returns the same collection when every set is wanted (no copy per map)', () => {
    assert.equal(selectRegions(all, 'us-states, ca-provinces'), all);
  });
});

describe('paintChoropleth', () => {
  const settings = { classification: 'equal-interval' as const, classes: 2, scheme: 'blues' };

  test('colours each region by its class, light to dark', () => {
    const paint = paintChoropleth(values({ a: 0, b: 1, c: 10, d: null }), settings);
    assert.deepEqual(paint.breaks?.thresholds, [5]);
    assert.deepEqual(paint.colors, colorsFor('blues', 2));
    assert.deepEqual(
      [...paint.colorByCode],
      [
        ['a', paint.colors[0]],
        ['b', paint.colors[0]],
        ['c', paint.colors[1]],
      ],
    );
    assert.equal(paint.problem, undefined);
  });

  test('no breaks and no colours when nothing has a value', () => {
    const paint = paintChoropleth(values({ a: null }), settings);
    assert.deepEqual([paint.breaks, paint.colors, paint.colorByCode.size], [undefined, [], 0]);
  });

  test('stable breaks classify over every period, not this one', () => {
    const paint = paintChoropleth(values({ a: 1, b: 2 }), settings, [0, 100]);
    assert.deepEqual(paint.breaks?.thresholds, [50]);
    assert.equal(paint.colorByCode.get('b'), paint.colors[0]);
  });

  test('reverse and page colours; colours of the wrong count fall back to the scheme', () => {
    assert.deepEqual(
      paintChoropleth(values({ a: 0, b: 1 }), { ...settings, reverse: true }).colors,
      [...colorsFor('blues', 2)].reverse(),
    );
    const own = paintChoropleth(values({ a: 0, b: 10 }), { ...settings, colors: ['#000', '#fff'] });
    assert.deepEqual(own.colors, ['#000', '#fff']);
    const custom = { ...settings, classification: 'custom' as const, thresholds: [3, 5], colors: ['#000', '#fff'] };
    const fallback = paintChoropleth(values({ a: 0, b: 10 }), custom);
    assert.equal(fallback.breaks?.classes, 3);
    assert.deepEqual(fallback.colors, colorsFor('blues', 3));
  });

  test('a classification that fails on the values falls back to quantile and says why', () => {
    const paint = paintChoropleth(values({ a: 0, b: 1, c: 2, d: 3 }), { ...settings, classification: 'custom' });
    assert.match(paint.problem ?? '', /custom classification needs one or more finite thresholds/);
    assert.equal(paint.breaks?.method, 'quantile');
    assert.equal(paint.breaks?.classes, 2);
  });
});

describe('what the metric says about classifying it', () => {
  const base = { classification: 'quantile' as const, classes: 2, scheme: 'blues' };

  test('levels in two currencies are classified per country, never on one scale', () => {
    // US incomes in USD all above the Canadian ones in CAD: on one scale every province would be the lightest class.
    const values: RegionValue[] = [
      { region: 'US-CA', name: 'California', value: 90_000 },
      { region: 'US-MS', name: 'Mississippi', value: 50_000 },
      { region: 'CA-ON', name: 'Ontario', value: 40_000 },
      { region: 'CA-PE', name: 'Prince Edward Island', value: 30_000 },
    ];
    const settings = withMetricDefaults(
      base,
      { classify: 'per-country', scheme: 'sequential' },
      {
        scheme: false,
        midpoint: false,
      },
    );
    const paint = paintChoropleth(values, settings);
    const [light, dark] = colorsFor('blues', 2);
    assert.equal(paint.colorByCode.get('US-CA'), dark);
    assert.equal(paint.colorByCode.get('US-MS'), light);
    assert.equal(paint.colorByCode.get('CA-ON'), dark);
    assert.equal(paint.colorByCode.get('CA-PE'), light);
    assert.deepEqual([...paint.breaksByCountry!.keys()].sort(), ['CA', 'US']);
    // Together, both provinces would share the light class.
    const together = paintChoropleth(values, base);
    assert.equal(together.colorByCode.get('CA-ON'), together.colorByCode.get('CA-PE'));
  });

  test('stable breaks per country: each country is classified over its own values of every period', () => {
    const series = {
      series: [
        {
          region: 'US-CA',
          points: [
            ['2023-01-01', 80_000],
            ['2024-01-01', 100_000],
          ] as [string, number | null][],
        },
        {
          region: 'US-MS',
          points: [
            ['2023-01-01', 40_000],
            ['2024-01-01', null],
          ] as [string, number | null][],
        },
        {
          region: 'CA-ON',
          points: [
            ['2023-01-01', 30_000],
            ['2024-01-01', 50_000],
          ] as [string, number | null][],
        },
      ],
    };
    const over = stableValuesByCountry(series);
    assert.deepEqual(over.get('US'), [80_000, 100_000, 40_000]);
    assert.deepEqual(over.get('CA'), [30_000, 50_000]);
    const settings = { ...base, classification: 'equal-interval' as const, perCountry: true };
    const values: RegionValue[] = [
      { region: 'US-CA', name: 'California', value: 100_000 },
      { region: 'CA-ON', name: 'Ontario', value: 50_000 },
    ];
    const paint = paintChoropleth(values, settings, over);
    assert.deepEqual(paint.breaksByCountry!.get('US')!.thresholds, [70_000]);
    assert.deepEqual(paint.breaksByCountry!.get('CA')!.thresholds, [40_000]);
    // A metric on one scale flattens the countries' values into one classification.
    assert.deepEqual(paintChoropleth(values, { ...settings, perCountry: false }, over).breaks!.thresholds, [65_000]);
  });

  test('a per-country legend names each country in the page language, with its currency for money', () => {
    const money = { units: 'current dollars (USD for states, CAD for provinces)' };
    assert.equal(legendCountryLabel('US', money, 'en-US'), 'United States (USD)');
    assert.equal(legendCountryLabel('CA', money, 'en'), 'Canada (CAD)');
    assert.equal(legendCountryLabel('US', money, 'fr-CA'), 'États-Unis (USD)');
    assert.equal(legendCountryLabel('CA', { units: 'index' }, 'fr'), 'Canada');
  });

  test('a diverging metric defaults to a diverging scheme centred on 0; what the page set wins', () => {
    const metric = { classify: 'common', scheme: 'diverging' } as const;
    const defaults = withMetricDefaults(base, metric, { scheme: false, midpoint: false });
    assert.equal(defaults.scheme, 'rdbu');
    assert.equal(defaults.midpoint, 0);
    assert.equal(defaults.perCountry, false);
    const chosen = withMetricDefaults({ ...base, midpoint: 2 }, metric, { scheme: true, midpoint: true });
    assert.equal(chosen.scheme, 'blues');
    assert.equal(chosen.midpoint, 2);
    const sequential = withMetricDefaults(
      base,
      { classify: 'common', scheme: 'sequential' },
      { scheme: false, midpoint: false },
    );
    assert.equal(sequential.scheme, 'blues');
    assert.equal(sequential.midpoint, undefined);
  });
});
