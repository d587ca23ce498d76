// bboxOf on ordinary shapes, across the antimeridian (Alaska's Aleutians) and on odd input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bboxOf } from './bbox.ts';

const square = (west: number, south: number, size = 1) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

describe('bboxOf', () => {
  test('is the min/max box of ordinary geometries', () => {
    assert.deepEqual(bboxOf([square(-100, 40), square(-80, 30, 2)]), [-100, 30, -78, 41]);
  });

  test('keeps North America together when Alaska crosses the antimeridian', () => {
    const aleutians = {
      type: 'MultiPolygon',
      coordinates: [square(172, 52).coordinates, square(-179, 51).coordinates],
    };
    const box = bboxOf([aleutians, square(-68, 45), square(-160, 19)])!;
    assert.equal(box[0], 172 - 360);
    assert.equal(box[2], -67);
    assert.ok(box[2] - box[0] < 180, `${box} spans less than a hemisphere`);
  });

  test('reads geometry collections, points and lines, and ignores empty input', () => {
    const collection = { type: 'GeometryCollection', geometries: [square(10, 10), square(20, 20)] };
    assert.deepEqual(bboxOf([collection]), [10, 10, 21, 21]);
    assert.deepEqual(
      bboxOf([
        { type: 'Point', coordinates: [5, 6] },
        {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      ]),
      [1, 2, 5, 6],
    );
    assert.equal(bboxOf([null, undefined]), undefined);
    assert.equal(bboxOf([]), undefined);
  });

  test('a box that crosses the antimeridian keeps east at or below 180', () => {
    const box = bboxOf([square(170, 0), square(-175, 0)])!;
    assert.deepEqual(box, [170 - 360, 0, -174, 1]);
  });
});
