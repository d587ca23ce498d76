// Classification against known break values: R-7 quantiles, ckmeans on simple-statistics' documented
// examples (and a brute-force optimum), and the awkward inputs real data brings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classIndex, classRanges, stableValues } from './breaks.ts';
import { classify, thresholdScale } from './classify.ts';

/** Breaks computed by arithmetic are compared to 12 significant digits. */
function assertClose(actual: number[], expected: number[]): void {
  assert.equal(actual.length, expected.length, `${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
  for (const [i, value] of actual.entries())
    assert.ok(Math.abs(value - expected[i]!) < 1e-9, `${actual} vs ${expected}`);
}

describe('quantile', () => {
  test('matches R-7 quantiles (R default, Excel PERCENTILE.INC): 1..10 in quartiles', () => {
    const breaks = classify([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], { method: 'quantile', classes: 4 });
    // R: quantile(1:10, c(.25, .5, .75)) → 3.25 5.50 7.75
    assertClose(breaks.thresholds, [3.25, 5.5, 7.75]);
    assert.deepEqual([breaks.min, breaks.max, breaks.classes, breaks.count], [1, 10, 4, 10]);
  });

  test('matches R-7 quintiles of an uneven sample with a tie', () => {
    // R: quantile(c(1, 3, 3, 6, 7, 8, 9), c(.2, .4, .6, .8)) → 3.0 4.2 6.6 7.8
    const breaks = classify([1, 3, 3, 6, 7, 8, 9], { method: 'quantile', classes: 5 });
    assertClose(breaks.thresholds, [3, 4.2, 6.6, 7.8]);
  });

  test('puts roughly equal numbers of regions in each class', () => {
    const values = Array.from({ length: 60 }, (_, i) => (i * 37) % 61);
    const breaks = classify(values, { method: 'quantile', classes: 5 });
    const counts = [0, 0, 0, 0, 0];
    for (const value of values) counts[classIndex(value, breaks)]!++;
    assert.deepEqual(counts, [12, 12, 12, 12, 12]);
  });
});

describe('natural breaks (ckmeans)', () => {
  test("simple-statistics' documented example: three clusters starting at -1, 2 and 4", () => {
    // ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) → [[-1, -1, -1, -1], [2, 2, 2], [4, 5, 6]]
    const breaks = classify([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], { method: 'natural-breaks', classes: 3 });
    assert.deepEqual(breaks.thresholds, [2, 4]);
    assert.equal(breaks.classes, 3);
  });

  test('a long-tailed sample: [1 2 4 5] [12] [43 52] [123] [234] [1244]', () => {
    const breaks = classify([1, 2, 4, 5, 12, 43, 52, 123, 234, 1244], { method: 'natural-breaks', classes: 6 });
    assert.deepEqual(breaks.thresholds, [12, 43, 123, 234, 1244]);
  });

  test('equals the brute-force partition with the least within-class sum of squares', () => {
    const values = [2.1, 2.4, 2.9, 3.3, 4.8, 5.1, 5.6, 7.9, 8.4, 8.8, 9.9, 12.5];
    const sse = (part: number[]) => {
      const mean = part.reduce((a, b) => a + b, 0) / part.length;
      return part.reduce((sum, v) => sum + (v - mean) ** 2, 0);
    };
    let best = { cost: Number.POSITIVE_INFINITY, thresholds: [] as number[] };
    for (let a = 1; a < values.length; a++)
      for (let b = a + 1; b < values.length; b++)
        for (let c = b + 1; c < values.length; c++) {
          const cost =
            sse(values.slice(0, a)) + sse(values.slice(a, b)) + sse(values.slice(b, c)) + sse(values.slice(c));
          if (cost < best.cost) best = { cost, thresholds: [values[a]!, values[b]!, values[c]!] };
        }
    assert.deepEqual(classify(values, { method: 'natural-breaks', classes: 4 }).thresholds, best.thresholds);
  });
});

describe('equal interval and nice', () => {
  test('equal interval splits the range evenly', () => {
    assertClose(classify([0, 13, 100, 42], { method: 'equal-interval', classes: 4 }).thresholds, [25, 50, 75]);
    assertClose(classify([2, 3, 5, 8], { method: 'equal-interval', classes: 3 }).thresholds, [4, 6]);
  });

  test('nice breaks are round numbers inside the range', () => {
    // d3's ticks over the niced extent [0, 10]: step 2 gives exactly 5 classes.
    assert.deepEqual(classify([1.3, 4.4, 7.7, 9.6], { method: 'nice', classes: 5 }).thresholds, [2, 4, 6, 8]);
    // Rates 2.9–11.2 in 4 classes: steps of 2 would make 5 classes, so steps of 5 make 3 (never more than asked).
    assert.deepEqual(classify([2.9, 4.1, 6.6, 11.2], { method: 'nice', classes: 4 }).thresholds, [5, 10]);
    assert.deepEqual(
      classify([120, 5400, 98_000, 410_000], { method: 'nice', classes: 4 }).thresholds,
      [200_000, 400_000],
    );
  });
});

describe('custom thresholds', () => {
  test('are sorted and de-duplicated; classes follow from them', () => {
    const breaks = classify([1, 2, 9], { method: 'custom', classes: 5, thresholds: [5, 1, 3, 3] });
    assert.deepEqual(breaks.thresholds, [1, 3, 5]);
    assert.equal(breaks.classes, 4);
    assert.equal(classIndex(0.5, breaks), 0);
    assert.equal(classIndex(3, breaks), 2);
    assert.equal(classIndex(9, breaks), 3);
  });

  test('without thresholds is an error naming the problem', () => {
    assert.throws(
      () => classify([1, 2], { method: 'custom', classes: 3 }),
      /custom classification needs one or more finite thresholds/,
    );
    assert.throws(
      () => classify([1, 2], { method: 'custom', classes: 3, thresholds: [1, Number.NaN] }),
      /finite thresholds/,
    );
  });
});

describe('diverging around a midpoint', () => {
  const changes = [-4.2, -3, -1.5, -0.4, 0.2, 0.9, 1.7, 2.5, 6];

  test('an even class count makes the midpoint a break, with symmetric breaks around it', () => {
    const breaks = classify(changes, { method: 'equal-interval', classes: 6, midpoint: 0 });
    assertClose(breaks.thresholds, [-4, -2, 0, 2, 4]);
    assert.equal(breaks.midpoint, 0);
    assert.equal(classIndex(-0.4, breaks), 2);
    assert.equal(classIndex(0.2, breaks), 3);
  });

  test('an odd class count centres the neutral class on the midpoint', () => {
    // Five equal classes over -6..6: the neutral one is -1.2..1.2.
    const breaks = classify(changes, { method: 'equal-interval', classes: 5, midpoint: 0 });
    assertClose(breaks.thresholds, [-3.6, -1.2, 1.2, 3.6]);
    assert.equal(classIndex(-0.4, breaks), 2);
    assert.equal(classIndex(0.9, breaks), 2);
    assert.equal(classIndex(-1.5, breaks), 1);
    assert.equal(classIndex(1.7, breaks), 3);
  });

  test('every method yields breaks mirrored around a non-zero midpoint', () => {
    for (const method of ['quantile', 'natural-breaks', 'nice', 'equal-interval'] as const) {
      for (const classes of [4, 5, 6, 7]) {
        const { thresholds } = classify(
          changes.map((c) => c + 100),
          { method, classes, midpoint: 100 },
        );
        const mirrored = thresholds.map((t) => 200 - t).reverse();
        assertClose(thresholds, mirrored);
        if (classes % 2 === 0) assert.ok(thresholds.includes(100), `${method} ${classes}: ${thresholds}`);
        assert.ok(thresholds.length <= classes - 1);
      }
    }
  });

  test('nice diverging breaks are round', () => {
    assert.deepEqual(classify(changes, { method: 'nice', classes: 6, midpoint: 0 }).thresholds, [-4, -2, 0, 2, 4]);
    assert.deepEqual(classify(changes, { method: 'nice', classes: 5, midpoint: 0 }).thresholds, [-4, -2, 2, 4]);
  });

  test('data all on one side still gets breaks on both sides, so colours keep their meaning', () => {
    const breaks = classify([1, 2, 3, 4], { method: 'equal-interval', classes: 4, midpoint: 0 });
    assertClose(breaks.thresholds, [-2, 0, 2]);
    assert.equal(classIndex(1, breaks), 2);
  });
});

describe('awkward data', () => {
  test('null, undefined and NaN are no data and do not move the breaks', () => {
    const breaks = classify([null, 1, Number.NaN, 2, undefined, 3, 4], { method: 'quantile', classes: 3 });
    assert.equal(breaks.count, 4);
    assert.deepEqual(classify([1, 2, 3, 4], { method: 'quantile', classes: 3 }).thresholds, breaks.thresholds);
    assert.equal(classIndex(null, breaks), -1);
    assert.equal(classIndex(undefined, breaks), -1);
    assert.equal(classIndex(Number.NaN, breaks), -1);
    assert.equal(classIndex(Number.POSITIVE_INFINITY, breaks), -1);
  });

  test('fewer distinct values than classes: one class per distinct value', () => {
    for (const method of ['quantile', 'natural-breaks'] as const) {
      const breaks = classify([1, 1, 1, 2, 2, 3], { method, classes: 5 });
      assert.deepEqual(breaks.thresholds, [2, 3], method);
      assert.equal(breaks.classes, 3);
      assert.deepEqual(
        [1, 2, 3].map((v) => classIndex(v, breaks)),
        [0, 1, 2],
      );
    }
  });

  test('heavy ties never produce empty or duplicate classes', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5];
    for (const method of ['quantile', 'natural-breaks', 'equal-interval', 'nice'] as const) {
      const { thresholds } = classify(values, { method, classes: 5 });
      for (let i = 1; i < thresholds.length; i++) assert.ok(thresholds[i]! > thresholds[i - 1]!, method);
      assert.ok(
        thresholds.every((t) => t > 0 && t <= 5),
        `${method}: ${thresholds}`,
      );
    }
  });

  test('a single value (or one repeated) is one class', () => {
    for (const method of ['quantile', 'natural-breaks', 'equal-interval', 'nice'] as const) {
      const breaks = classify([7, 7, 7], { method, classes: 5 });
      assert.deepEqual(breaks.thresholds, [], method);
      assert.deepEqual([breaks.classes, breaks.min, breaks.max], [1, 7, 7]);
      assert.equal(classIndex(7, breaks), 0);
    }
  });

  test('no values at all is one class with no extent', () => {
    const breaks = classify([null, Number.NaN], { method: 'quantile', classes: 5 });
    assert.deepEqual(breaks.thresholds, []);
    assert.equal(breaks.count, 0);
    assert.ok(Number.isNaN(breaks.min));
  });

  test('bad options are errors naming the valid choices', () => {
    assert.throws(
      () => classify([1], { method: 'jenks' as never, classes: 5 }),
      /unknown classification "jenks"; valid: quantile, equal-interval, natural-breaks, nice, custom/,
    );
    for (const classes of [0, 2.5, 12]) {
      assert.throws(() => classify([1], { method: 'quantile', classes }), /classes must be an integer from 1 to 11/);
    }
    assert.throws(
      () => classify([1], { method: 'quantile', classes: 4, midpoint: Number.NaN }),
      /midpoint must be a finite number/,
    );
  });
});

describe('using breaks', () => {
  test('classIndex follows scaleThreshold: a value equal to a break is in the upper class', () => {
    const breaks = { thresholds: [2, 4] };
    assert.deepEqual(
      [-10, 1.99, 2, 3, 4, 99].map((v) => classIndex(v, breaks)),
      [0, 0, 1, 1, 2, 2],
    );
  });

  test('thresholdScale maps values to class colours and no data to the no-data colour', () => {
    const scale = thresholdScale({ thresholds: [2, 4] }, ['#a', '#b', '#c'], '#none');
    assert.deepEqual([scale(1), scale(2), scale(5), scale(Number.NaN)], ['#a', '#b', '#c', '#none']);
    assert.throws(() => thresholdScale({ thresholds: [2, 4] }, ['#a', '#b']), /need 3 colours for 3 classes; got 2/);
  });

  test('classRanges gives legend ranges from the data minimum to its maximum', () => {
    const breaks = classify([1, 5, 10], { method: 'custom', classes: 3, thresholds: [4, 8] });
    assert.deepEqual(classRanges(breaks), [
      { index: 0, from: 1, to: 4 },
      { index: 1, from: 4, to: 8 },
      { index: 2, from: 8, to: 10 },
    ]);
  });
});

describe('stable breaks over all periods', () => {
  const series = {
    series: [
      {
        points: [
          ['2024-01-01', 3],
          ['2024-02-01', 4],
          ['2024-03-01', null],
        ] as [string, number | null][],
      },
      {
        points: [
          ['2024-01-01', 8],
          ['2024-02-01', 12],
          ['2024-03-01', 5],
        ] as [string, number | null][],
      },
    ],
  };

  test('collects every value of every period from a series response or from period arrays', () => {
    assert.deepEqual(stableValues(series), [3, 4, 8, 12, 5]);
    assert.deepEqual(
      stableValues([
        [3, 8],
        [4, 12],
        [null, 5, Number.NaN],
      ]),
      [3, 8, 4, 12, 5],
    );
  });

  test('breaks over all periods stay put where one period would move them', () => {
    const stable = classify(stableValues(series), { method: 'equal-interval', classes: 3 });
    assertClose(stable.thresholds, [6, 9]);
    const january = classify([3, 8], { method: 'equal-interval', classes: 3 });
    assert.notDeepEqual(january.thresholds, stable.thresholds);
    // The same value keeps its class from one period to the next.
    assert.equal(classIndex(5, stable), 0);
    assert.equal(classIndex(8, stable), 1);
  });
});
