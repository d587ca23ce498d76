import assert from 'node:assert/strict';
import test from 'node:test';
import { mercator, nearestRegion, nextRegion, regionAnchor, unmercator } from './region-navigation.ts';
import type { Geometry } from './types.ts';

// Anchors of the regions around the US–Canada border in the west and the Great Lakes (largest-polygon
// centroids of the shipped boundaries, rounded).
const anchors = new Map<string, [number, number]>([
  ['US-WA', [-120.4, 47.4]],
  ['US-OR', [-120.6, 43.9]],
  ['US-ID', [-114.7, 44.4]],
  ['US-MT', [-109.6, 47.0]],
  ['US-AK', [-152.5, 64.3]],
  ['US-HI', [-155.5, 19.6]],
  ['CA-BC', [-124.8, 55.4]],
  ['CA-AB', [-114.5, 55.3]],
  ['CA-YT', [-135.5, 63.0]],
  ['CA-NT', [-119.5, 65.5]],
]);

test('arrow keys cross the US–Canada border both ways: Washington up to British Columbia and back down', () => {
  assert.equal(nextRegion(anchors, 'US-WA', 'up'), 'CA-BC');
  assert.equal(nextRegion(anchors, 'CA-BC', 'down'), 'US-WA');
  assert.equal(nextRegion(anchors, 'US-WA', 'right'), 'US-ID');
  assert.equal(nextRegion(anchors, 'US-WA', 'down'), 'US-OR');
  assert.equal(nextRegion(anchors, 'CA-BC', 'right'), 'CA-AB');
});

test('a region almost level with the start is not "up": the nearest within 45° wins, then anything ahead', () => {
  const grid = new Map<string, [number, number]>([
    ['start', [0, 0]],
    ['beside', [10, 1]],
    ['above', [1, 12]],
  ]);
  assert.equal(nextRegion(grid, 'start', 'up'), 'above');
  grid.delete('above');
  assert.equal(nextRegion(grid, 'start', 'up'), 'beside');
  assert.equal(nextRegion(anchors, 'CA-BC', 'up'), 'CA-YT');
});

test('nothing that way, or an unknown start, leads nowhere', () => {
  assert.equal(nextRegion(anchors, 'CA-NT', 'up'), undefined);
  assert.equal(nextRegion(anchors, 'US-XX', 'up'), undefined);
});

test('the anchor is the centroid of the largest polygon; nearestRegion finds the region at a point', () => {
  const square = (x: number, y: number, size: number) => [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ];
  const geometry: Geometry = { type: 'MultiPolygon', coordinates: [square(0, 0, 0.1), square(10, 10, 2)] };
  const [lon, lat] = regionAnchor(geometry)!;
  assert.ok(Math.abs(lon - 11) < 1e-9, String(lon));
  assert.ok(Math.abs(lat - 11) < 0.01, String(lat));
  assert.equal(regionAnchor(null), undefined);
  assert.equal(nearestRegion(anchors, [-121, 48]), 'US-WA');
  const round = unmercator(mercator([-100, 50]));
  assert.ok(Math.abs(round[0] + 100) < 1e-9 && Math.abs(round[1] - 50) < 1e-9);
});
