// @chronos/tiles: a spec-exact PMTiles v3 writer and the vector-tile pipeline behind `chronos-tiles`.
export {
  PMTilesWriter,
  tileId,
  type PMTilesMetadata,
  type PMTilesSummary,
  type PMTilesWriterOptions,
  type TileTypeName,
  type VectorLayer,
} from './pmtiles/writer.ts';
export { Compression, TileType } from './pmtiles/header.ts';
