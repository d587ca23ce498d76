// Cuts a tileset zoom by zoom and streams it into a PMTiles writer in tile-id order (the writer's fast
// path: the temporary data file is already clustered). Each zoom gets its own layer indexes, built from
// geometry simplified for that zoom, so only one zoom's geometry is held at a time.
import type { Feature, Geometry, Position } from 'geojson';
import type { PMTilesWriter } from '../pmtiles/writer.ts';
import { tileId } from '../pmtiles/writer.ts';
import { MAX_LATITUDE } from '../geo/simplify.ts';
import { type DerivedLayer, encodeTile, type LayerIndex } from './encode.ts';

export type Bbox = [west: number, south: number, east: number, north: number];

export interface TilesetPlan {
  minZoom: number;
  maxZoom: number;
  /** The areas to cut tiles for at `zoom` (tiles touching any of them are tried; empty ones are left out). */
  areasFor(zoom: number): Bbox[];
  /** The layers at `zoom`. */
  layersFor(zoom: number): (LayerIndex | DerivedLayer)[];
}

export interface TilesetProgress {
  zoom: number;
  done: number;
  total: number;
  written: number;
}

function tileX(lon: number, z: number): number {
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
}
function tileY(lat: number, z: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 2 ** z;
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(y)));
}

/** Tiles at zoom `z` touching any of the areas, sorted by tile id (each once). */
export function tilesCovering(areas: readonly Bbox[], z: number): [number, number][] {
  const tiles = new Map<number, [number, number]>();
  // geojson-vt wraps geometry past the antimeridian (Alaska's Aleutians reach -187.5°) onto the other
  // side of the world, so an area past ±180° also covers the tiles where the wrapped copy lands.
  const wrapped = areas.flatMap(([west, south, east, north]): Bbox[] => [
    [west, south, east, north],
    ...(west < -180 ? [[west + 360, south, 180, north] as Bbox] : []),
    ...(east > 180 ? [[-180, south, east - 360, north] as Bbox] : []),
  ]);
  for (const [west, south, east, north] of wrapped) {
    const [x0, x1, y0, y1] = [tileX(west, z), tileX(east, z), tileY(north, z), tileY(south, z)];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.set(tileId(z, x, y), [x, y]);
  }
  return [...tiles.entries()].sort((a, b) => a[0] - b[0]).map(([, xy]) => xy);
}

/** The bounding box of each polygon (or line) part of the features: tight areas for `tilesCovering`. */
export function partBboxes(features: readonly Feature<Geometry | null>[]): Bbox[] {
  const boxes: Bbox[] = [];
  const add = (positions: Position[]) => {
    const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of positions) {
      box[0] = Math.min(box[0], lon!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lon!);
      box[3] = Math.max(box[3], lat!);
    }
    if (box[0] <= box[2]) boxes.push(box);
  };
  for (const { geometry } of features) {
    if (!geometry) continue;
    if (geometry.type === 'Polygon') add(geometry.coordinates[0] ?? []);
    else if (geometry.type === 'MultiPolygon') for (const polygon of geometry.coordinates) add(polygon[0] ?? []);
    else if (geometry.type === 'LineString') add(geometry.coordinates);
    else if (geometry.type === 'MultiLineString') for (const line of geometry.coordinates) add(line);
  }
  return boxes;
}

/** Cuts and writes every non-empty tile of the plan; returns the number written. */
export function writeTileset(
  writer: PMTilesWriter,
  plan: TilesetPlan,
  onProgress?: (progress: TilesetProgress) => void,
): number {
  let written = 0;
  for (let zoom = plan.minZoom; zoom <= plan.maxZoom; zoom++) {
    const layers = plan.layersFor(zoom);
    const tiles = tilesCovering(plan.areasFor(zoom), zoom);
    for (const [index, [x, y]] of tiles.entries()) {
      const bytes = encodeTile(layers, zoom, x, y);
      if (bytes) {
        writer.addTile(zoom, x, y, bytes);
        written++;
      }
      if (onProgress && (index % 64 === 63 || index === tiles.length - 1))
        onProgress({ zoom, done: index + 1, total: tiles.length, written });
    }
  }
  return written;
}

/** The tile [x, y] at zoom `z` that contains lon/lat. */
export function tileAt(lon: number, lat: number, z: number): [number, number] {
  return [tileX(lon, z), tileY(lat, z)];
}
