// Label points for the basemap's `places` layer (Protomaps schema): countries (world-atlas names) and
// US states / Canadian provinces (the region topology: name, French name, postal code as `ref`).
// Each point is the pole of inaccessibility of the feature's largest polygon (polylabel), so the label
// sits well inside it. No cities: every city data set on npm here is GeoNames (CC BY), which is not
// a licence this project takes (see README).
import type { Feature, Geometry, Point, Position } from 'geojson';
import polylabel from 'polylabel';
import type { Topology } from 'topojson-specification';
import { featuresOf, mercatorPixel } from '../geo/simplify.ts';

/** Zoom from which each kind of label is in the tiles. */
export const PLACE_MIN_ZOOM = { country: 2, region: 3 } as const;

export interface PlaceProperties {
  kind: 'country' | 'region';
  name: string;
  'name:en': string;
  'name:fr'?: string;
  ref?: string;
  /** Larger areas first: the renderer places lower sort keys first. */
  sort_key: number;
  min_zoom: number;
  /** Protomaps sizes country labels by population rank; this basemap ranks by area (0–15). */
  population_rank: number;
}

/** The outer ring area of a polygon in Web Mercator pixels² at zoom 0. */
function pixelArea(rings: Position[][]): number {
  const ring = rings[0] ?? [];
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = mercatorPixel(ring[j]![0]!, ring[j]![1]!);
    const [x2, y2] = mercatorPixel(ring[i]![0]!, ring[i]![1]!);
    twice += (x1 - x2) * (y1 + y2);
  }
  return Math.abs(twice / 2);
}

function largestPolygon(geometry: Geometry): { rings: Position[][]; area: number } | undefined {
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: { rings: Position[][]; area: number } | undefined;
  let total = 0;
  for (const rings of polygons) {
    const area = pixelArea(rings);
    total += area;
    if (!best || area > best.area) best = { rings, area };
  }
  return best && { rings: best.rings, area: total };
}

function labelPoint(rings: Position[][]): Position {
  const [x, y] = polylabel(rings as [number, number][][], 0.01);
  return [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
}

/** Area (zoom-0 pixels²) → 0–15, like a population rank: bigger means a larger label. */
function areaRank(area: number): number {
  return Math.max(0, Math.min(15, Math.round(8 + Math.log2(area))));
}

/**
 * Label points for every feature of a topology object that has a name, sorted largest first
 * (`sort_key` 0 is placed first).
 */
function placesOf(
  topology: Topology,
  object: string,
  kind: PlaceProperties['kind'],
  extra: (properties: Record<string, unknown>) => Partial<PlaceProperties>,
): Feature<Point, PlaceProperties>[] {
  const places: { feature: Feature<Point, PlaceProperties>; area: number }[] = [];
  for (const { properties, geometry } of featuresOf(topology, object)) {
    const name = properties.name;
    const largest = largestPolygon(geometry);
    if (typeof name !== 'string' || !largest) continue;
    places.push({
      area: largest.area,
      feature: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: labelPoint(largest.rings) },
        properties: {
          kind,
          name,
          'name:en': name,
          ...extra(properties),
          sort_key: 0,
          min_zoom: PLACE_MIN_ZOOM[kind],
          population_rank: areaRank(largest.area),
        },
      },
    });
  }
  places.sort((a, b) => b.area - a.area || a.feature.properties.name.localeCompare(b.feature.properties.name));
  return places.map(({ feature }, index) => {
    feature.properties.sort_key = index;
    return feature;
  });
}

export function countryPlaces(world: Topology): Feature<Point, PlaceProperties>[] {
  return placesOf(world, 'countries', 'country', () => ({}));
}

export function regionPlaces(regions: Topology): Feature<Point, PlaceProperties>[] {
  return placesOf(regions, 'regions', 'region', ({ name_fr, postal }) => ({
    ...(typeof name_fr === 'string' ? { 'name:fr': name_fr } : {}),
    ...(typeof postal === 'string' ? { ref: postal } : {}),
  }));
}
