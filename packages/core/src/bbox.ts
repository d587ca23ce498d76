// The one bounding-box function of Chronos maps (GeoJSON boundaries, regions read back from vector tiles,
// a whole PMTiles archive). Longitudes are taken on the circle: Alaska's Aleutians cross the antimeridian,
// and a naive min/max would fit the whole world instead of North America.

export type BBox = [west: number, south: number, east: number, north: number];

export interface GeometryLike {
  type: string;
  coordinates?: unknown;
  geometries?: GeometryLike[];
}

function collect(coordinates: unknown, lons: number[], lats: number[]): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    lons.push(coordinates[0] as number);
    lats.push(coordinates[1] as number);
    return;
  }
  for (const child of coordinates) collect(child, lons, lats);
}

function collectGeometry(geometry: GeometryLike | null | undefined, lons: number[], lats: number[]): void {
  if (!geometry) return;
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries ?? []) collectGeometry(g, lons, lats);
  else collect(geometry.coordinates, lons, lats);
}

/**
 * The smallest box holding every geometry. `west` is below -180 when the box crosses the antimeridian
 * (MapLibre accepts that for fitBounds). Undefined when there are no coordinates.
 */
export function bboxOf(geometries: Iterable<GeometryLike | null | undefined>): BBox | undefined {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const geometry of geometries) collectGeometry(geometry, lons, lats);
  if (lons.length === 0) return undefined;
  // Find the widest band of empty longitude (1° bins); the box is everything else.
  const occupied = new Uint8Array(360);
  for (const lon of lons) occupied[((Math.floor(lon) % 360) + 540) % 360] = 1;
  let bestStart = 0;
  let bestLength = 0;
  for (let start = 0; start < 360; start++) {
    if (occupied[start] || occupied[(start + 359) % 360] === 0) continue;
    let length = 0;
    while (length < 360 && occupied[(start + length) % 360] === 0) length++;
    if (length > bestLength) {
      bestLength = length;
      bestStart = start;
    }
  }
  // Longitudes east of the gap's end start the box; shift everything into [gapEnd, gapEnd + 360).
  const gapEnd = bestLength === 0 ? -180 : bestStart + bestLength - 180;
  let west = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  for (const lon of lons) {
    let shifted = lon;
    while (shifted < gapEnd) shifted += 360;
    while (shifted >= gapEnd + 360) shifted -= 360;
    if (shifted < west) west = shifted;
    if (shifted > east) east = shifted;
  }
  // Express the box with east ≤ 180 (west then goes below -180 when it crosses the antimeridian).
  if (east > 180) {
    west -= 360;
    east -= 360;
  }
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const lat of lats) {
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}
