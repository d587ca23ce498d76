// The writer's options, its metadata (TileJSON-style, written into the archive) and the summary
// `finish()` returns.
import type { TileType } from './header.ts';

/** A layer description for the `vector_layers` metadata key (TileJSON 3.0). */
export interface VectorLayer {
  id: string;
  /** Attribute name → type ("String", "Number", "Boolean"). */
  fields: Record<string, string>;
  description?: string;
  minzoom?: number;
  maxzoom?: number;
}

/** Archive metadata; stored as gzipped JSON. Any extra key is written as given. */
export interface PMTilesMetadata {
  name?: string;
  description?: string;
  attribution?: string;
  version?: string;
  type?: 'baselayer' | 'overlay';
  vector_layers?: VectorLayer[];
  [key: string]: unknown;
}

export type TileTypeName = keyof typeof TileType;

export interface PMTilesWriterOptions {
  /** What the tiles are; default "mvt". */
  tileType?: TileTypeName;
  /** How tiles are stored in the archive; default "gzip". */
  tileCompression?: 'gzip' | 'none';
  /** `addTile` receives bytes already compressed as `tileCompression` says (default false: the writer compresses). */
  precompressed?: boolean;
  /** gzip level for tiles (default 9). */
  gzipLevel?: number;
  metadata?: PMTilesMetadata;
  /** fsync the archive before it takes its name, so a crash never leaves a partial one (default true). */
  durable?: boolean;
  /** [west, south, east, north] in degrees; default: the extent of all tiles, at every zoom. */
  bounds?: [number, number, number, number];
  /** [lon, lat, zoom]; default: the middle of `bounds` at the lowest zoom. */
  center?: [number, number, number];
}

export interface PMTilesSummary {
  file: string;
  /** Size of the archive in bytes. */
  bytes: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  rootDirectoryBytes: number;
  minZoom: number;
  maxZoom: number;
}
