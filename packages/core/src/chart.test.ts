// The line chart's arithmetic: nice scales, paths over missing values, calendar-aligned period labels.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extentOf, linearScale, linePath, periodTicks } from './chart.ts';

describe('linearScale', () => {
  test('maps the domain onto the range, both ways', () => {
    const y = linearScale([0, 10], [200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(5), 100);
    assert.equal(y.invert(50), 7.5);
  });

  test('nice extends the domain to round ticks', () => {
    const y = linearScale([2.3, 7.9], [100, 0], 5);
    assert.deepEqual(y.domain, [2, 8]);
    assert.deepEqual(y.ticks(5), [2, 3, 4, 5, 6, 7, 8]);
  });

  test('a flat series gets a domain around its value', () => {
    const y = linearScale([4, 4], [100, 0], 5);
    assert.ok(y.domain[0] < 4 && y.domain[1] > 4);
    assert.ok(Math.abs(y(4) - 50) < 1e-9);
  });
});

test('extentOf skips nulls; nothing → undefined', () => {
  assert.deepEqual(extentOf([3, null, -1, 7]), [-1, 7]);
  assert.equal(extentOf([null, null]), undefined);
});

test('linePath steps over missing values and joins the values on each side', () => {
  const path = linePath(
    [1, null, 3, 2],
    (i) => i * 10,
    (v) => 100 - v * 10,
  );
  assert.equal(path, 'M0,90L20,70L30,80');
  assert.equal(
    linePath(
      [null],
      (i) => i,
      (v) => v,
    ),
    '',
  );
});

describe('periodTicks', () => {
  const months = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const m = from + i;
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    });

  test('48 months with room for 6 labels: every January', () => {
    const dates = months(2021 * 12 + 9, 48); // 2021-10 … 2025-09
    const { indices, step } = periodTicks(dates, 'monthly', 6);
    assert.equal(step, 12);
    assert.deepEqual(
      indices.map((i) => dates[i]),
      ['2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01'],
    );
  });

  test('with room for every period, every period is labelled', () => {
    assert.deepEqual(periodTicks(months(2024 * 12, 6), 'monthly', 10).indices, [0, 1, 2, 3, 4, 5]);
  });

  test('quarters and years align on the calendar', () => {
    const quarters = ['2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01'];
    // Every other quarter: Q1 and Q3.
    assert.deepEqual(periodTicks(quarters, 'quarterly', 3), { indices: [1, 3, 5], step: 2 });
    const years = Array.from({ length: 30 }, (_, i) => `${1996 + i}-01-01`);
    const { indices, step } = periodTicks(years, 'annual', 4);
    assert.equal(step, 10);
    assert.deepEqual(
      indices.map((i) => years[i]!.slice(0, 4)),
      ['2000', '2010', '2020'],
    );
  });

  test('a short series with no round date labels its first period', () => {
    assert.deepEqual(periodTicks(['2021-01-01', '2022-01-01', '2023-01-01'], 'annual', 1).indices, [0]);
  });
});
