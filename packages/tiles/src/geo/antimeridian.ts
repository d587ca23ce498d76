// Rings that cross the antimeridian, made continuous. world-atlas merges Natural Earth's land across
// the ±180° cut, so a ring such as Eurasia's steps from 179.9°E to 180°W to take in eastern Chukotka
// and steps back a few degrees further south. Read as planar lon/lat, as geojson-vt reads it, each step
// is an edge across the whole world: the ring wraps a strip from 180°W to 180°E (65–69°N for Eurasia,
// 71°N for Wrangel Island, 16°S for Fiji) that overlaps Alaska, Canada, Greenland and Scandinavia, and
// both the renderer and the per-tile ocean (tile minus land) cut those countries into horizontal bands.
// Shifting the points after each step by 360° gives the same ring without the steps (eastern Chukotka
// at 180–190°E); geojson-vt then wraps the part past 180° onto the other side of the world.
import type { Polygon, Position } from 'geojson';

/**
 * The ring with every step across the antimeridian (|Δlon| > 180°) removed by shifting the points
 * after it by ±360°. A ring around a pole (Antarctica) does not close again once shifted: it is
 * returned unchanged, as its step runs along the edge of the map, where it belongs.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  let offset = 0;
  let stepped = false;
  const unwrapped: Position[] = [];
  for (const [index, point] of ring.entries()) {
    if (index > 0) {
      const step = point[0]! - ring[index - 1]![0]!;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
      if (Math.abs(step) > 180) stepped = true;
    }
    unwrapped.push([point[0]! + offset, ...point.slice(1)]);
  }
  return !stepped || offset !== 0 ? [...ring] : unwrapped;
}

/** The polygon with each ring made continuous across the antimeridian (see `unwrapRing`). */
export function unwrapPolygon(polygon: Polygon): Polygon {
  return { type: 'Polygon', coordinates: polygon.coordinates.map(unwrapRing) };
}
