// @chronos/tiles: a spec-exact PMTiles v3 writer and the vector-tile pipeline behind `chronos-tiles`.
export { ARCHIVES, type ArchiveName, type BuildOptions, type BuildResult, build } from './build/build.ts';
export { Compression, TileType } from './pmtiles/header.ts';
export {
  type DerivedLayer,
  encodeTile,
  indexLayer,
  type LayerIndex,
  regionCodeFromFeatureId,
  regionFeatureId,
  TILE_BUFFER,
  TILE_EXTENT,
} from './mvt/encode.ts';
export {
  type PMTilesMetadata,
  type PMTilesSummary,
  PMTilesWriter,
  type PMTilesWriterOptions,
  type TileTypeName,
  tileId,
  type VectorLayer,
} from './pmtiles/writer.ts';
export { CACHE_CONTROL, CONTENT_TYPE, corsRule, planUpload, type UploadPlan, upload } from './upload.ts';
