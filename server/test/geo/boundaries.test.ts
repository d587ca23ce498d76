// Boundary parsing and validation (clear errors), and the precomputed detail levels (shared borders stay
// shared; every region survives every level).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BoundaryError, parseBoundaries } from '../../src/geo/boundaries.ts';
import { buildShapes } from '../../src/geo/shapes.ts';

const square = (x: number, y: number, size = 1) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];
const featureOf = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties,
  geometry: { type, coordinates },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const OPTIONS = { codeProperty: 'code', nameProperty: 'name', set: 'test-set' };

function problems(text: string, options = OPTIONS): string[] {
  try {
    parseBoundaries(text, options);
  } catch (error) {
    assert.ok(error instanceof BoundaryError, String(error));
    return error.problems;
  }
  assert.fail('expected the file to be rejected');
}

test('valid GeoJSON parses into regions with the country taken from ISO codes', () => {
  const regions = parseBoundaries(
    collection(
      featureOf({ code: 'XA-01', name: 'One' }, square(0, 0)),
      featureOf({ code: 'XA-02', name: 'Two' }, square(1, 0)),
    ),
    OPTIONS,
  );
  assert.deepEqual(
    regions.map((r) => [r.code, r.name, r.country, r.set]),
    [
      ['XA-01', 'One', 'XA', 'test-set'],
      ['XA-02', 'Two', 'XA', 'test-set'],
    ],
  );
});

test('duplicate codes, missing names and bad codes are each named', () => {
  const found = problems(
    collection(
      featureOf({ code: 'XA-01', name: 'One' }, square(0, 0)),
      featureOf({ code: 'XA-01', name: 'Again' }, square(2, 0)),
      featureOf({ code: 'XA-03' }, square(4, 0)),
      featureOf({ code: "x'; drop table regions", name: 'Bad' }, square(6, 0)),
      featureOf({ name: 'No code' }, square(8, 0)),
    ),
  );
  assert.ok(found.some((p) => /feature 1 \(XA-01\): duplicate code, also used by feature 0/.test(p)));
  assert.ok(found.some((p) => /feature 2 \(XA-03\): no "name" property/.test(p)));
  assert.ok(found.some((p) => /feature 3: code .* must be 1–64 letters/.test(p)));
  assert.ok(found.some((p) => /feature 4: no "code" property.*properties are name/.test(p)));
});

test('projected coordinates, other CRSs, non-areas and broken rings are rejected with the reason', () => {
  assert.match(
    problems(collection(featureOf({ code: 'XA-01', name: 'One' }, square(500_000, 4_000_000, 1000))))[0]!,
    /outside longitude\/latitude range \(SRID 4326 expected; is the file projected\?\)/,
  );
  assert.match(
    problems(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        features: [],
      }),
    )[0]!,
    /EPSG::3857.*must be WGS84.*SRID 4326/,
  );
  assert.match(
    problems(collection(featureOf({ code: 'XA-01', name: 'One' }, [0, 0], 'Point')))[0]!,
    /geometry type Point is not an area/,
  );
  const open = [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
  ];
  assert.match(problems(collection(featureOf({ code: 'XA-01', name: 'One' }, open)))[0]!, /ring 0 is not closed/);
  assert.match(problems('{"type":"FeatureCollection"')[0]!, /not JSON/);
  assert.match(problems(collection())[0]!, /no features/);
  assert.match(
    problems('{"type":"GeometryCollection","geometries":[]}')[0]!,
    /expected a GeoJSON FeatureCollection or a TopoJSON Topology/,
  );
});

test('the shipped TopoJSON: 65 regions; at every detail level each survives and shared borders stay shared', () => {
  const text = readFileSync(join(import.meta.dirname, '../../data/boundaries.topo.json'), 'utf8');
  const regions = parseBoundaries(text, {
    codeProperty: 'code',
    nameProperty: 'name',
    nameFrProperty: 'name_fr',
    countryProperty: 'country',
    setProperty: 'set',
  });
  assert.equal(regions.length, 65);
  assert.equal(regions.filter((r) => r.set === 'us-states').length, 52);
  const shapes = buildShapes(regions);
  const key = (p: number[]) => `${p[0]},${p[1]}`;
  for (const detail of ['low', 'medium', 'high'] as const) {
    for (const region of regions) {
      assert.ok(shapes.get(region.code)![detail].coordinates.length > 0, `${region.code} at ${detail}`);
    }
    // California and Nevada share a border: at every level its vertices are the same points on both sides.
    const points = (code: string) =>
      new Set(shapes.get(code)![detail].coordinates.flatMap((polygon) => polygon.flatMap((ring) => ring.map(key))));
    const california = points('US-CA');
    const shared = [...points('US-NV')].filter((point) => california.has(point));
    assert.ok(shared.length >= 3, `${detail}: CA and NV share ${shared.length} vertices`);
    // So do Ontario and Quebec, across the country's provinces.
    const ontario = points('CA-ON');
    assert.ok([...points('CA-QC')].filter((point) => ontario.has(point)).length >= 3, `${detail}: ON/QC`);
  }
});
