import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PMTiles } from 'pmtiles';
import { regionCodeFromFeatureId } from '../mvt/encode.ts';
import { tileAt } from '../mvt/tileset.ts';
import { NORTH_AMERICA } from './basemap.ts';
import { openArchive, readVectorTile } from '../testing/archives.ts';
import { build, type BuildResult, readTopology } from './build.ts';
import { serverBoundariesFile } from '../testing/boundaries.ts';

const dir = mkdtempSync(join(tmpdir(), 'chronos-tiles-build-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const regions = readTopology(serverBoundariesFile).objects.regions as unknown as {
  geometries: { properties: { code: string; name: string; name_fr: string; country: string } }[];
};
const expected = new Map(regions.geometries.map(({ properties: p }) => [p.code, p]));

let result: BuildResult;
let boundaries: PMTiles;
let basemap: PMTiles;
before(async () => {
  result = await build({ boundaries: serverBoundariesFile, outDir: dir, log: null });
  boundaries = await openArchive(join(dir, 'boundaries.pmtiles'));
  basemap = await openArchive(join(dir, 'basemap.pmtiles'));
});

/** Decoded features of one layer in the tile containing lon/lat. */
async function featuresAt(archive: PMTiles, layer: string, lon: number, lat: number, z: number) {
  const [x, y] = tileAt(lon, lat, z);
  const tile = await readVectorTile(archive, z, x, y);
  const found = tile?.layers[layer];
  return found ? Array.from({ length: found.length }, (_, i) => found.feature(i)) : [];
}

describe('chronos-tiles build: boundaries.pmtiles', () => {
  test('has the regions layer at z0–z8, described in the metadata', async () => {
    const header = await boundaries.getHeader();
    assert.deepEqual([header.minZoom, header.maxZoom], [0, 8]);
    const metadata = (await boundaries.getMetadata()) as { vector_layers: { id: string; fields: object }[] };
    assert.deepEqual(
      metadata.vector_layers.map((layer) => [layer.id, layer.fields]),
      [['regions', { code: 'String', name: 'String', name_fr: 'String', country: 'String' }]],
    );
    assert.equal(expected.size, 65);
  });

  for (const z of [0, 1, 2, 3]) {
    test(`every region appears at z${z} with its id, code, names and country`, async () => {
      const seen = new Map<string, Record<string, unknown>>();
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) {
          const layer = (await readVectorTile(boundaries, z, x, y))?.layers.regions;
          if (!layer) continue;
          assert.deepEqual(Object.keys((await readVectorTile(boundaries, z, x, y))!.layers), ['regions']);
          for (let i = 0; i < layer.length; i++) {
            const feature = layer.feature(i);
            assert.equal(typeof feature.id, 'number');
            const code = regionCodeFromFeatureId(feature.id!);
            assert.equal(feature.properties.code, code, 'the numeric id decodes to the code property');
            seen.set(code, { ...feature.properties });
          }
        }
      assert.deepEqual([...seen.keys()].sort(), [...expected.keys()].sort());
      for (const [code, properties] of seen) {
        const { name, name_fr, country } = expected.get(code)!;
        assert.deepEqual(properties, { code, name, name_fr, country });
      }
    });
  }

  test('a point inside a region at z8 finds that region', async () => {
    const ids = (await featuresAt(boundaries, 'regions', -98.5, 38.5, 8)).map((f) => f.properties.code);
    assert.ok(ids.includes('US-KS'), `Kansas tile holds ${ids.join(', ')}`);
    const quebec = (await featuresAt(boundaries, 'regions', -71.2, 46.8, 8)).map((f) => f.properties.code);
    assert.ok(quebec.includes('CA-QC'));
  });

  test('the same input gives the same bytes', async () => {
    const again = join(dir, 'again');
    await build({ boundaries: serverBoundariesFile, outDir: again, log: null, only: ['boundaries'] });
    assert.ok(readFileSync(join(again, 'boundaries.pmtiles')).equals(readFileSync(join(dir, 'boundaries.pmtiles'))));
  });
});

describe('chronos-tiles build: basemap.pmtiles (Protomaps basemap schema)', () => {
  test('has earth, water and boundaries layers from z0 to z7', async () => {
    const header = await basemap.getHeader();
    assert.deepEqual([header.minZoom, header.maxZoom], [0, 7]);
    const metadata = (await basemap.getMetadata()) as { vector_layers: { id: string }[]; attribution: string };
    assert.deepEqual(
      metadata.vector_layers.map((layer) => layer.id),
      ['earth', 'water', 'boundaries', 'places'],
    );
    assert.match(metadata.attribution, /Natural Earth/);
    // North America is there at every zoom.
    for (let z = 0; z <= 7; z++) {
      const earth = await featuresAt(basemap, 'earth', -87.6, 41.9, z); // Chicago
      assert.ok(earth.length > 0, `z${z} has land at Chicago`);
      assert.equal(earth[0]!.properties.kind, 'earth');
    }
  });

  test('open ocean is water (kind=ocean) with no land; the middle of a continent is land with no water', async () => {
    const ocean = await featuresAt(basemap, 'water', -60, 30, 7);
    assert.deepEqual(
      ocean.map((f) => f.properties.kind),
      ['ocean'],
    );
    assert.equal((await featuresAt(basemap, 'earth', -60, 30, 7)).length, 0);
    assert.equal((await featuresAt(basemap, 'water', -98.5, 38.5, 7)).length, 0);
    assert.equal((await featuresAt(basemap, 'earth', -98.5, 38.5, 7)).length, 1);
  });

  test('country borders are kind=country/kind_detail=2, state and province borders kind=region/kind_detail=4', async () => {
    const border = (lon: number, lat: number) =>
      featuresAt(basemap, 'boundaries', lon, lat, 6).then((features) =>
        features.map((f) => `${f.properties.kind}/${f.properties.kind_detail}`).sort(),
      );
    assert.ok((await border(-100, 49)).includes('country/2'), 'US–Canada border on the 49th parallel');
    assert.ok((await border(-102.05, 38)).includes('region/4'), 'Kansas–Colorado border');
    assert.ok((await border(-79.5, 47)).includes('region/4'), 'Ontario–Quebec border');
  });
});

/** lon/lat → [tile x, tile y, x and y inside the tile in extent units] at zoom z. */
function tilePoint(lon: number, lat: number, z: number, extent = 4096): [number, number, number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  const worldX = ((lon + 180) / 360) * 2 ** z;
  const worldY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 2 ** z;
  const [x, y] = [Math.floor(worldX), Math.floor(worldY)];
  return [x, y, (worldX - x) * extent, (worldY - y) * extent];
}

/** Whether a polygon feature (outer rings and holes, tile coordinates) covers a point: even–odd over its rings. */
function covers(rings: { x: number; y: number }[][], px: number, py: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i]!, ring[j]!];
      if (a.y > py !== b.y > py && px < ((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  return inside;
}

describe('chronos-tiles build: basemap land and sea at low zooms', () => {
  // Points well inside the land or sea at Natural Earth 110m/50m (Nuuk itself lies on a fjord, inside
  // the generalised coastline's error at z2, so the Greenland point is the ice sheet inland from it).
  // Many lie at 64–71°N, where world-atlas' land rings once stepped across the antimeridian (Eurasia
  // to eastern Chukotka, Wrangel Island) and drew a strip of "land" around the whole world.
  const land = [
    ['Anchorage', -149.9, 61.2],
    ['Whitehorse', -135.1, 60.7],
    ['Winnipeg', -97.1, 49.9],
    ['Inuvik', -133.7, 68.4],
    ['the Greenland ice sheet inland from Nuuk', -49, 64.5],
    ['Oslo', 10.7, 59.9],
    ['Rovaniemi', 25.7, 66.5],
    ['eastern Chukotka (west of 180°)', -175, 66.5],
    ['Chukotka east of 180°', 178, 67],
  ] as const;
  const sea = [
    ['the Gulf of Alaska', -145, 57],
    ['the Bering Sea', -175, 58],
    ['the Beaufort Sea', -140, 71],
    ['the Davis Strait', -57, 66],
    ['the Labrador Sea', -55, 60],
    ['the Norwegian Sea', 0, 66],
  ] as const;
  const [west, south, east, north] = NORTH_AMERICA;
  const inNorthAmerica = (lon: number, lat: number) => lon >= west && lon <= east && lat >= south && lat <= north;

  for (let z = 0; z <= 7; z++)
    test(`z${z}: known land is in an earth polygon and in no water; known sea is water and no earth`, async () => {
      for (const [name, lon, lat, isLand] of [
        ...land.map(([n, lo, la]) => [n, lo, la, true] as const),
        ...sea.map(([n, lo, la]) => [n, lo, la, false] as const),
      ]) {
        if (z > 4 && !inNorthAmerica(lon, lat)) continue; // z5–7 cover North America only
        const [x, y, px, py] = tilePoint(lon, lat, z);
        const tile = await readVectorTile(basemap, z, x, y);
        assert.ok(tile, `${name}: tile ${z}/${x}/${y} exists`);
        const hits = (layer: string) => {
          const found = tile.layers[layer];
          let count = 0;
          for (let i = 0; found && i < found.length; i++) if (covers(found.feature(i).loadGeometry(), px, py)) count++;
          return count;
        };
        const [earth, water] = [hits('earth'), hits('water')];
        const where = `${name} (${lat}, ${lon}) in ${z}/${x}/${y}: ${earth} earth, ${water} water polygons`;
        if (isLand) assert.ok(earth > 0 && water === 0, `land expected at ${where}`);
        else assert.ok(water > 0 && earth === 0, `sea expected at ${where}`);
      }
    });

  test('the archive bounds are the world (z0–4), so MapLibre asks for tiles outside North America', async () => {
    const header = await basemap.getHeader();
    assert.deepEqual([header.minLon, header.maxLon], [-180, 180]);
    assert.ok(header.minLat < -85 && header.maxLat > 85, `${header.minLat}..${header.maxLat}`);
  });
});

describe('chronos-tiles build: basemap labels (places layer)', () => {
  test('states and provinces have a label point inside them with name, French name and postal ref', async () => {
    const places = await featuresAt(basemap, 'places', -98.4, 38.5, 5);
    const kansas = places.find((f) => f.properties.name === 'Kansas');
    assert.ok(kansas, `Kansas label in its z5 tile: ${places.map((f) => f.properties.name).join(', ')}`);
    assert.deepEqual(
      { ...kansas.properties, sort_key: 0, population_rank: 0 },
      {
        kind: 'region',
        name: 'Kansas',
        'name:en': 'Kansas',
        'name:fr': 'Kansas',
        ref: 'KS',
        sort_key: 0,
        min_zoom: 3,
        population_rank: 0,
      },
    );
    const quebec = (await featuresAt(basemap, 'places', -72, 52, 4)).find((f) => f.properties.ref === 'QC');
    assert.equal(quebec?.properties['name:fr'], 'Québec');
  });

  test('countries are labelled from z2, regions from z3, nothing below', async () => {
    const names = async (z: number) => (await featuresAt(basemap, 'places', -98, 45, z)).map((f) => f.properties.kind);
    assert.deepEqual(await names(1), []);
    assert.ok((await names(2)).includes('country'));
    assert.ok(!(await names(2)).includes('region'));
    assert.ok((await names(3)).includes('region'));
  });
});

describe('chronos-tiles build: options', () => {
  test('reports what it built', () => {
    assert.deepEqual(
      result.archives.map((archive) => archive.name),
      ['boundaries', 'basemap'],
    );
    for (const archive of result.archives) assert.ok(archive.addressedTiles > 300 && archive.bytes > 100_000);
  });

  test('a missing boundary file is named, with the flag to fix it', async () => {
    await assert.rejects(
      build({ boundaries: join(dir, 'nope.topo.json'), outDir: dir, log: null }),
      /nope\.topo\.json does not exist; pass --boundaries/,
    );
  });
});
