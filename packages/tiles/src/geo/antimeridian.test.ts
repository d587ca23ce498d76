import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { landPolygons, type WorldAtlas } from '../build/basemap.ts';
import { readWorldAtlas } from '../build/build.ts';
import { unwrapRing } from './antimeridian.ts';

const steps = (ring: readonly number[][]) =>
  ring.slice(1).filter((point, i) => Math.abs(point[0]! - ring[i]![0]!) > 180).length;

describe('unwrapRing', () => {
  test('a ring that steps across the antimeridian and back becomes continuous past 180°', () => {
    // Eurasia as world-atlas has it, in miniature: east to 179.9°E, a step to 180°W (eastern
    // Chukotka), a step back further south.
    const ring = [
      [170, 60],
      [179.9, 69],
      [-180, 69],
      [-170, 66],
      [-180, 65],
      [179.8, 65],
      [170, 60],
    ];
    assert.deepEqual(unwrapRing(ring), [
      [170, 60],
      [179.9, 69],
      [180, 69],
      [190, 66],
      [180, 65],
      [179.8, 65],
      [170, 60],
    ]);
  });

  test('a ring round a pole (Antarctica) and a ring that never crosses are left as they are', () => {
    const antarctica = [
      [-180, -84],
      [0, -70],
      [180, -84],
      [-180, -84],
    ];
    assert.deepEqual(unwrapRing(antarctica), antarctica);
    const plain = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 0],
    ];
    assert.deepEqual(unwrapRing(plain), plain);
  });

  test('no land ring of any Natural Earth resolution steps across the world, except round the South Pole', () => {
    const world = readWorldAtlas();
    for (const resolution of ['110m', '50m', '10m'] as (keyof WorldAtlas)[]) {
      const polygons = landPolygons(world[resolution]);
      const crossing = polygons
        .flatMap((polygon) => polygon.coordinates)
        .filter((ring) => steps(ring) > 0)
        .map((ring) => Math.max(...ring.map((point) => point[1]!)));
      assert.ok(
        crossing.every((northernmost) => northernmost < -60),
        `${resolution}: rings still stepping across ±180° reach ${crossing.join(', ')}°`,
      );
    }
  });
});
