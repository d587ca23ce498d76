import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, GeoJsonObject, Polygon } from 'geojson';
import { featuresOf, simplifyForZoom, weighTopology } from '../geo/simplify.ts';
import { encodeTile, indexLayer, regionCodeFromFeatureId, regionFeatureId } from './encode.ts';

function decode(bytes: Uint8Array): VectorTile {
  return new VectorTile(new PbfReader(bytes));
}

describe('region feature ids', () => {
  test('are stable unsigned integers that decode back to the ISO code', () => {
    const codes = ['US-CA', 'US-DC', 'US-PR', 'CA-ON', 'CA-QC', 'CA-NL', 'CA-YT', 'US-NY'];
    const ids = codes.map(regionFeatureId);
    assert.equal(new Set(ids).size, codes.length);
    for (const id of ids) assert.ok(Number.isSafeInteger(id) && id > 0);
    assert.deepEqual(ids.map(regionCodeFromFeatureId), codes);
    assert.notEqual(regionFeatureId('CA-N'), regionFeatureId('CA-0N'));
  });

  test('reject what is not an ISO 3166-2 code, naming it', () => {
    assert.throws(() => regionFeatureId('California'), /"California" is not an ISO 3166-2 code such as US-CA/);
    assert.throws(() => regionCodeFromFeatureId(7), /7 is not a region feature id/);
  });
});

describe('encodeTile', () => {
  // Two squares sharing a wiggly border (many vertices), as a topology: the shared border is one arc.
  const wiggle = Array.from({ length: 200 }, (_, i) => [0.05 * Math.sin(i * 1.7), -10 + i * 0.1] as [number, number]);
  const west: Feature<Polygon> = {
    type: 'Feature',
    id: 'US-AA',
    properties: { code: 'US-AA', name: 'West', name_fr: 'Ouest', country: 'US' },
    geometry: { type: 'Polygon', coordinates: [[[-10, -10], ...wiggle, [0, 10], [-10, 10], [-10, -10]]] },
  };
  const east: Feature<Polygon> = {
    type: 'Feature',
    id: 'US-BB',
    properties: { code: 'US-BB', name: 'East', name_fr: 'Est', country: 'US' },
    geometry: { type: 'Polygon', coordinates: [[[10, -10], [10, 10], [0, 10], ...[...wiggle].reverse(), [10, -10]]] },
  };
  const regions: FeatureCollection = { type: 'FeatureCollection', features: [west, east] };
  const topo = topology({ regions } as Record<string, GeoJsonObject>);

  test('writes layers, numeric ids and properties that @mapbox/vector-tile reads back', () => {
    const features = featuresOf(topo, 'regions').map((item) => ({
      ...item,
      id: regionFeatureId(item.properties.code as string),
    }));
    const bytes = encodeTile([indexLayer('regions', features, 0)], 0, 0, 0);
    assert.ok(bytes);
    const tile = decode(bytes);
    assert.deepEqual(Object.keys(tile.layers), ['regions']);
    const layer = tile.layers.regions!;
    assert.equal(layer.length, 2);
    assert.equal(layer.extent, 4096);
    const decoded = [layer.feature(0), layer.feature(1)];
    assert.deepEqual(
      decoded.map((item) => [regionCodeFromFeatureId(item.id!), { ...item.properties }]),
      [
        ['US-AA', { code: 'US-AA', name: 'West', name_fr: 'Ouest', country: 'US' }],
        ['US-BB', { code: 'US-BB', name: 'East', name_fr: 'Est', country: 'US' }],
      ],
    );
    assert.equal(decoded[0]!.type, 3, 'polygons stay polygons');
  });

  test('a border two regions share has the same vertices on both sides after simplification', () => {
    const weighted = weighTopology(topo);
    for (const zoom of [2, 5, 8]) {
      const features = featuresOf(simplifyForZoom(weighted, zoom), 'regions');
      const layer = indexLayer('regions', features, zoom);
      // The tile holding the border's middle (lon 0, lat 0) at this zoom.
      const n = 2 ** zoom;
      const bytes = encodeTile([layer], zoom, n / 2, n / 2)!;
      const decoded = decode(bytes).layers.regions!;
      const points = [0, 1].map(
        (i) =>
          new Set(
            decoded
              .feature(i)
              .loadGeometry()
              .flat()
              .filter((point) => point.x > -64 && point.x < 256) // the border runs near x = 0; x = -64 is the buffer cut
              .map((point) => `${point.x},${point.y}`),
          ),
      );
      assert.ok(points[0]!.size > (zoom >= 5 ? 10 : 1), `z${zoom}: the border has vertices`);
      assert.deepEqual([...points[0]!].sort(), [...points[1]!].sort(), `z${zoom}: border vertices differ`);
    }
  });

  test('returns null where no layer has features', () => {
    const layer = indexLayer('regions', featuresOf(topo, 'regions'), 3);
    assert.equal(encodeTile([layer], 3, 0, 0), null);
  });
});
