// Colour schemes: the exact ColorBrewer colours, the colour-blind flags ColorBrewer publishes, and errors
// that name the valid schemes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemeIds } from './scheme-ids.ts';
import { colorsFor, getScheme, NO_DATA_COLOR, NO_DATA_COLOR_DARK, schemes } from './schemes.ts';

const HEX = /^#[0-9a-f]{6}$/;

test('the ids that attributes are checked against are exactly the schemes, in order', () => {
  assert.deepEqual(Object.keys(schemes), [...schemeIds]);
});

test('ColorBrewer sets come back exactly, as hex', () => {
  assert.deepEqual(colorsFor('blues', 5), ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']);
  assert.deepEqual(colorsFor('RdBu', 3), ['#ef8a62', '#f7f7f7', '#67a9cf']);
  assert.deepEqual(colorsFor('ylorrd', 3, { reverse: true }), ['#f03b20', '#feb24c', '#ffeda0']);
});

test('every scheme gives n distinct hex colours for every class count a map can use', () => {
  for (const id of schemeIds) {
    for (let n = 1; n <= 9; n++) {
      const colors = colorsFor(id, n);
      assert.equal(colors.length, n, `${id} ${n}`);
      assert.ok(
        colors.every((color) => HEX.test(color)),
        `${id} ${n}: ${colors}`,
      );
      assert.equal(new Set(colors).size, n, `${id} ${n}: ${colors}`);
    }
  }
});

test('the Viridis family is sampled end to end', () => {
  assert.deepEqual(colorsFor('viridis', 3), ['#440154', '#21918c', '#fde725']);
  assert.deepEqual(colorsFor('cividis', 2), ['#002051', '#fdea45']);
});

test("colour-blind safety follows ColorBrewer's published flags", () => {
  const unsafe = schemeIds.filter((id) => !schemes[id]!.colorBlindSafe);
  assert.deepEqual(unsafe, ['rdgy', 'rdylgn', 'spectral']);
  assert.equal(schemes.viridis!.colorBlindSafe, true);
  assert.equal(schemes.rdbu!.type, 'diverging');
  assert.equal(schemes.ylgnbu!.label, 'YlGnBu');
});

test('an unknown scheme is an error listing the valid ones', () => {
  assert.throws(
    () => colorsFor('foo', 5),
    (error: Error) => {
      assert.match(error.message, /^unknown scheme "foo"; valid: blues, greens, greys, /);
      assert.match(error.message, /viridis, cividis, magma, inferno, plasma$/);
      return true;
    },
  );
  assert.throws(() => colorsFor('blues', 10), /scheme Blues has 1 to 9 colours; got 10/);
  assert.equal(getScheme(' PuBuGn ').id, 'pubugn');
});

test('diverging sets reach 11 classes; no-data is a neutral grey outside every scheme', () => {
  assert.equal(colorsFor('rdbu', 11).length, 11);
  assert.match(NO_DATA_COLOR, HEX);
  for (const id of schemeIds) {
    for (let n = 1; n <= 9; n++) {
      const colors = colorsFor(id, n);
      assert.ok(!colors.includes(NO_DATA_COLOR) && !colors.includes(NO_DATA_COLOR_DARK), `${id} ${n}`);
    }
  }
});
