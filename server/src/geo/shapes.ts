// Precomputed boundary geometry at three detail levels, made once at import in TypeScript so that both
// stores (PostGIS and PGlite, which has no PostGIS) serve identical bodies. Simplification runs on one
// topology of every region together (topology-preserving: a border shared by two regions is one arc,
// simplified once, so neighbours never gap or overlap), then coordinates are rounded to a grid per level.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';

export const DETAILS = ['low', 'medium', 'high'] as const;
export type Detail = (typeof DETAILS)[number];

/** Share of points kept (by Visvalingam weight) and decimal places kept, per level. Medium is the
 * default the widgets load: ~85 KB gzip as GeoJSON for the shipped 65 regions (goal ≤ 120 KB). */
const LEVELS: Record<Detail, { keep: number; decimals: number }> = {
  low: { keep: 0.03, decimals: 3 },
  medium: { keep: 0.12, decimals: 3 },
  high: { keep: 1, decimals: 4 },
};

export type AreaGeometry = Polygon | MultiPolygon;

export interface ShapeInput {
  code: string;
  geometry: AreaGeometry;
}

/** Returns, for every region code, its MultiPolygon at each detail level. */
export function buildShapes(regions: ShapeInput[]): Map<string, Record<Detail, MultiPolygon>> {
  const collection = {
    type: 'FeatureCollection' as const,
    features: regions.map((region) => ({
      type: 'Feature' as const,
      id: region.code,
      properties: {},
      geometry: region.geometry,
    })),
  };
  const presimplified = presimplify(topology({ regions: collection }) as unknown as Parameters<typeof presimplify>[0]);
  const result = new Map<string, Record<Detail, MultiPolygon>>();
  for (const region of regions) result.set(region.code, {} as Record<Detail, MultiPolygon>);
  for (const detail of DETAILS) {
    const { keep, decimals } = LEVELS[detail];
    const simplified = keep >= 1 ? presimplified : simplify(presimplified, quantile(presimplified, keep));
    const features = feature(simplified, simplified.objects.regions!) as unknown as {
      features: { id: string; geometry: AreaGeometry | null }[];
    };
    for (const item of features.features) {
      const original = regions.find((region) => region.code === item.id)!;
      result.get(item.id)![detail] = roundGeometry(item.geometry ?? original.geometry, decimals, original.geometry);
    }
  }
  return result;
}

/** Rounds to `decimals`, drops repeated points and rings that collapse; never returns an empty shape. */
function roundGeometry(geometry: AreaGeometry, decimals: number, fallback: AreaGeometry): MultiPolygon {
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][][] = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const [index, ring] of polygon.entries()) {
      const rounded: Position[] = [];
      for (const position of ring) {
        const point = [round(position[0]!), round(position[1]!)];
        const last = rounded.at(-1);
        if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
      }
      if (rounded.length < 4) {
        if (index === 0) break; // the outer ring collapsed: the polygon (and its holes) is gone at this level
        continue;
      }
      rings.push(rounded);
    }
    if (rings.length > 0) out.push(rings);
  }
  if (out.length === 0) {
    // A region too small for this level (e.g. a tiny island territory) keeps its largest polygon unsimplified.
    return roundGeometry(largestPolygon(fallback), Math.max(decimals, 5), largestPolygon(fallback));
  }
  return { type: 'MultiPolygon', coordinates: out };
}

function largestPolygon(geometry: AreaGeometry): Polygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0]!;
  for (const polygon of polygons) if (polygon[0]!.length > best[0]!.length) best = polygon;
  return { type: 'Polygon', coordinates: best };
}
