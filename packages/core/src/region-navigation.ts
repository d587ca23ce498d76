// Moving between regions without a pointer: each region gets an anchor (the centroid of its largest polygon,
// in Web Mercator so "up" on the map is "up" in the arithmetic), and an arrow key goes to the nearest anchor
// in that direction, across the US–Canada border like any other. Pure arithmetic, no map needed.
import type { Geometry, Position } from './types.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** A point in Web Mercator units (0–1 across the world; y grows southward, as on screen). */
export interface Anchor {
  x: number;
  y: number;
}

/** Longitude/latitude → Web Mercator (0–1, y down). */
export function mercator([lon, lat]: Position | [number, number]): Anchor {
  const clamped = Math.max(-85, Math.min(85, lat!));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return { x: (lon! + 180) / 360, y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI) };
}

/** Web Mercator → longitude/latitude. */
export function unmercator({ x, y }: Anchor): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/** Signed area and centroid of a ring in Mercator units (shoelace). */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  const points = ring.map(mercator);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const cross = a.x * b.y - b.x * a.y;
    area += cross;
    x += (a.x + b.x) * cross;
    y += (a.y + b.y) * cross;
  }
  area /= 2;
  if (area === 0) {
    const first = points[0] ?? { x: 0, y: 0 };
    return { area: 0, x: first.x, y: first.y };
  }
  return { area: Math.abs(area), x: x / (6 * area), y: y / (6 * area) };
}

/**
 * Where a region "is" for keyboard movement and for the focus tooltip: the centroid of its largest polygon
 * (Michigan's lower peninsula, not a point in Lake Michigan; Hawaii's Big Island), as longitude/latitude.
 */
export function regionAnchor(geometry: Geometry | null | undefined): [number, number] | undefined {
  if (!geometry) return undefined;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { area: number; x: number; y: number } | undefined;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const centroid = ringCentroid(outer);
    if (!best || centroid.area > best.area) best = centroid;
  }
  return best ? unmercator(best) : undefined;
}

const VECTORS: Record<Direction, Anchor> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/**
 * The region an arrow key leads to from `from`: the anchor with the smallest distance along the direction
 * plus sideways offset (a "taxicab" distance turned to the direction: "right" from Washington is Idaho,
 * "up" is British Columbia), looked for first within 45° of the direction (so "up" from British Columbia is
 * Yukon, not Alberta a little further north), then anywhere ahead. Undefined when nothing lies that way.
 */
export function nextRegion(
  anchors: ReadonlyMap<string, [number, number]>,
  from: string,
  direction: Direction,
): string | undefined {
  const start = anchors.get(from);
  if (!start) return undefined;
  const origin = mercator(start);
  const vector = VECTORS[direction];
  let cone: { code?: string; score: number } = { score: Number.POSITIVE_INFINITY };
  let ahead: { code?: string; score: number } = { score: Number.POSITIVE_INFINITY };
  for (const [code, lngLat] of anchors) {
    if (code === from) continue;
    const point = mercator(lngLat);
    const dx = point.x - origin.x;
    const dy = point.y - origin.y;
    const along = dx * vector.x + dy * vector.y;
    const across = Math.abs(dx * vector.y - dy * vector.x);
    if (along <= 0) continue;
    const score = along + across;
    if (across <= along && score < cone.score) cone = { code, score };
    if (score < ahead.score) ahead = { code, score };
  }
  return cone.code ?? ahead.code;
}

/** The anchor nearest to a longitude/latitude (where keyboard movement starts when nothing is focused). */
export function nearestRegion(
  anchors: ReadonlyMap<string, [number, number]>,
  lngLat: [number, number],
): string | undefined {
  const target = mercator(lngLat);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [code, anchor] of anchors) {
    const point = mercator(anchor);
    const distance = (point.x - target.x) ** 2 + (point.y - target.y) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = code;
    }
  }
  return best;
}
