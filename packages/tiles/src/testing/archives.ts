// Test helpers: open an archive with the official reader, decode vector tiles with @mapbox/vector-tile.
import { openAsBlob } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { Compression, FileSource, PMTiles } from 'pmtiles';
import { PbfReader } from 'pbf';

/** The official `pmtiles` reader over a local file (FileSource). */
export async function openArchive(file: string): Promise<PMTiles> {
  const blob = await openAsBlob(file);
  // The reader's own gzip path (DecompressionStream) is slow per tile in Node; zlib is the same codec.
  const decompress = async (data: ArrayBuffer, compression: Compression) =>
    compression === Compression.Gzip ? new Uint8Array(gunzipSync(data)).buffer : data;
  return new PMTiles(new FileSource(new File([blob], file)), undefined, decompress);
}

/** Tile z/x/y of an archive decoded as a vector tile, or undefined when the archive has no such tile. */
export async function readVectorTile(
  archive: PMTiles,
  z: number,
  x: number,
  y: number,
): Promise<VectorTile | undefined> {
  const tile = await archive.getZxy(z, x, y);
  return tile ? new VectorTile(new PbfReader(new Uint8Array(tile.data))) : undefined;
}
