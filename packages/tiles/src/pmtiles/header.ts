// The fixed 127-byte PMTiles v3 header (little-endian), spec section "Header".
import { HEADER_BYTES } from './directory.ts';

/** Compression codes from the spec. */
export const Compression = { unknown: 0, none: 1, gzip: 2, brotli: 3, zstd: 4 } as const;
/** Tile type codes from the spec. */
export const TileType = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5, mlt: 6 } as const;

export interface HeaderFields {
  rootDirectoryOffset: number;
  rootDirectoryLength: number;
  jsonMetadataOffset: number;
  jsonMetadataLength: number;
  leafDirectoryOffset: number;
  leafDirectoryLength: number;
  tileDataOffset: number;
  tileDataLength: number;
  numAddressedTiles: number;
  numTileEntries: number;
  numTileContents: number;
  clustered: boolean;
  internalCompression: number;
  tileCompression: number;
  tileType: number;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]. */
  center: [number, number, number];
}

/** Degrees to the spec's fixed-point (E7) 32-bit integers. */
function e7(degrees: number): number {
  return Math.round(degrees * 1e7);
}

export function serializeHeader(fields: HeaderFields): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, fields.rootDirectoryOffset);
  u64(16, fields.rootDirectoryLength);
  u64(24, fields.jsonMetadataOffset);
  u64(32, fields.jsonMetadataLength);
  u64(40, fields.leafDirectoryOffset);
  u64(48, fields.leafDirectoryLength);
  u64(56, fields.tileDataOffset);
  u64(64, fields.tileDataLength);
  u64(72, fields.numAddressedTiles);
  u64(80, fields.numTileEntries);
  u64(88, fields.numTileContents);
  view.setUint8(96, fields.clustered ? 1 : 0);
  view.setUint8(97, fields.internalCompression);
  view.setUint8(98, fields.tileCompression);
  view.setUint8(99, fields.tileType);
  view.setUint8(100, fields.minZoom);
  view.setUint8(101, fields.maxZoom);
  view.setInt32(102, e7(fields.bounds[0]), true);
  view.setInt32(106, e7(fields.bounds[1]), true);
  view.setInt32(110, e7(fields.bounds[2]), true);
  view.setInt32(114, e7(fields.bounds[3]), true);
  view.setUint8(118, fields.center[2]);
  view.setInt32(119, e7(fields.center[0]), true);
  view.setInt32(123, e7(fields.center[1]), true);
  return bytes;
}
