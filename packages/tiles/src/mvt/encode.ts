// Mapbox Vector Tile encoding: GeoJSON is cut into tiles by @maplibre/geojson-vt and each tile is
// serialized with @maplibre/vt-pbf. Geometry arrives already simplified for the zoom being cut (see
// ../geo/simplify.ts), so geojson-vt runs with tolerance 0 and keeps every vertex: borders that two
// regions share land on the same tile coordinates on both sides.
import type { Feature, FeatureCollection } from 'geojson';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

/** Tile coordinate extent (MVT default). */
export const TILE_EXTENT = 4096;
/** Tile buffer in extent units, so lines and fills do not show seams at tile edges. */
export const TILE_BUFFER = 64;

/** The features of one layer at one zoom, indexed for cutting into tiles. */
export interface LayerIndex {
  name: string;
  index: GeoJSONVT;
}

/** Indexes `features` (one layer, geometry simplified for `zoom`) to cut tiles at exactly that zoom. */
export function indexLayer(name: string, features: Feature[] | FeatureCollection, zoom: number): LayerIndex {
  const data: FeatureCollection = Array.isArray(features) ? { type: 'FeatureCollection', features } : features;
  const index = new GeoJSONVT(data, {
    maxZoom: zoom,
    indexMaxZoom: 0,
    indexMaxPoints: 0,
    tolerance: 0,
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
  });
  return { name, index };
}

/**
 * A layer computed per tile from the other layers' tile features (e.g. water = tile minus land),
 * in tile coordinates.
 */
export interface DerivedLayer {
  name: string;
  derive(
    tile: Readonly<Record<string, readonly GeoJSONVTFeature[]>>,
    z: number,
    x: number,
    y: number,
  ): GeoJSONVTFeature[];
}

/** Encodes tile z/x/y from the layers, in the given order; null when no layer has anything there. */
export function encodeTile(
  layers: readonly (LayerIndex | DerivedLayer)[],
  z: number,
  x: number,
  y: number,
): Uint8Array | null {
  const features: Record<string, GeoJSONVTFeature[]> = {};
  for (const layer of layers) {
    if (!('index' in layer)) continue;
    const tile = layer.index.getTile(z, x, y);
    if (tile) features[layer.name] = tile.features.filter(hasArea);
  }
  for (const layer of layers) if ('derive' in layer) features[layer.name] = layer.derive(features, z, x, y);

  const tileLayers: Record<string, GeoJSONVTTile> = {};
  let empty = true;
  for (const { name } of layers) {
    const list = features[name];
    if (!list || list.length === 0) continue;
    tileLayers[name] = { features: list } as GeoJSONVTTile; // vt-pbf reads only `features`
    empty = false;
  }
  if (empty) return null;
  return fromGeojsonVt(tileLayers, { version: 2, extent: TILE_EXTENT });
}

/**
 * False for a polygon whose holes cancel its outline inside this tile: a tile in the middle of a
 * continent cuts the ocean (the world with land as holes) into a tile-sized square with a
 * tile-sized hole, which draws nothing and costs bytes. (A tiny polygon without holes stays: a
 * region smaller than a tile unit at z0 must still be there to be found.)
 */
function hasArea(feature: GeoJSONVTFeature): boolean {
  if (feature.type !== 3 || feature.geometry.length < 2) return true;
  const areas = (feature.geometry as [number, number][][]).map((ring) => {
    let twice = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      twice += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
    return twice / 2;
  });
  const outline = Math.sign(areas[0]!);
  if (outline === 0 || !areas.some((area) => Math.sign(area) === -outline)) return true; // no holes: nothing cancels
  return Math.abs(areas.reduce((sum, area) => sum + area, 0)) >= 1;
}

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The numeric vector-tile feature id of a region (MVT ids are unsigned integers, MapLibre's
 * feature-state needs one): "1" followed by the ISO 3166-2 code without its hyphen, read as a
 * base-36 number, so the same code always has the same id and the id decodes back to the code
 * (the leading 1 keeps "CA-N" and "CA-0N" apart).
 */
export function regionFeatureId(code: string): number {
  const match = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  if (!match) throw new RangeError(`"${code}" is not an ISO 3166-2 code such as US-CA or CA-ON`);
  let id = 1;
  for (const char of `${match[1]}${match[2]}`) id = id * 36 + CODE_ALPHABET.indexOf(char);
  return id;
}

/** The ISO 3166-2 code of a region feature id made by `regionFeatureId`. */
export function regionCodeFromFeatureId(id: number): string {
  let rest = id;
  let chars = '';
  while (rest > 1) {
    chars = CODE_ALPHABET[rest % 36] + chars;
    rest = Math.floor(rest / 36);
  }
  if (!Number.isSafeInteger(id) || rest !== 1 || chars.length < 3 || chars.length > 5)
    throw new RangeError(`${id} is not a region feature id`);
  return `${chars.slice(0, 2)}-${chars.slice(2)}`;
}
