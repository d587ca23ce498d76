// Ocean polygons per tile, derived from the tile's land. A world-sized ocean polygon with every
// coastline as a hole, cut into tiles, leaves hole edges lying on the outline edges at the tile buffer,
// which the renderer's triangulation (earcut) does not survive: whole tiles filled with water. Instead
// each tile's water is its buffered square minus its (already simplified and clipped) land, computed in
// integer tile coordinates with polygon-clipping: valid polygons, and coastlines that match the land
// exactly.
import type { GeoJSONVTFeature } from '@maplibre/geojson-vt';
import polygonClipping, { type MultiPolygon, type Pair, type Polygon, type Ring } from 'polygon-clipping';

/** Signed area in the orientation geojson-vt gives outer rings (positive) and holes (negative). */
export function ringArea(ring: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    twice += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return twice / 2;
}

/** Land features of a tile (geojson-vt output, tile coordinates) as polygons with holes. */
function landPolygons(land: readonly GeoJSONVTFeature[]): MultiPolygon {
  const polygons: MultiPolygon = [];
  for (const feature of land) {
    if (feature.type !== 3) continue;
    let current: Polygon | undefined;
    for (const ring of feature.geometry as [number, number][][]) {
      const area = ringArea(ring);
      if (ring.length < 4 || Math.abs(area) < 0.5) continue;
      if (area > 0) {
        current = [ring as Ring];
        polygons.push(current);
      } else current?.push(ring as Ring);
    }
  }
  return polygons;
}

function orient(ring: Pair[], outer: boolean): [number, number][] {
  const rounded = ring.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]);
  return ringArea(rounded) > 0 === outer ? rounded : rounded.reverse();
}

/**
 * The water of one tile: the tile square grown by `buffer`, minus the land. Returns one polygon
 * feature's rings (outer rings positive, holes negative, as geojson-vt emits them), or [] for none.
 */
export function waterRings(land: readonly GeoJSONVTFeature[], extent: number, buffer: number): [number, number][][] {
  const min = -buffer;
  const max = extent + buffer;
  const square: Polygon = [
    [
      [min, min],
      [max, min],
      [max, max],
      [min, max],
      [min, min],
    ],
  ];
  const polygons = landPolygons(land);
  const water = polygons.length === 0 ? [square] : polygonClipping.difference(square, polygons);
  const rings: [number, number][][] = [];
  for (const polygon of water)
    for (const [index, ring] of polygon.entries()) {
      const oriented = orient(ring, index === 0);
      if (oriented.length >= 4 && Math.abs(ringArea(oriented)) >= 1) rings.push(oriented);
    }
  return rings;
}
