// Test helpers: open an archive with the official reader, decode vector tiles with @mapbox/vector-tile.
import { openAsBlob, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { bytesToHeader, Compression, FileSource, PMTiles, readVarint } from 'pmtiles';
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

export interface ArchiveEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Every tile entry of an archive, read with the spec's directory layout (root + leaves). */
export function readEntries(file: string): ArchiveEntry[] {
  const bytes = readFileSync(file);
  const header = bytesToHeader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 127) as ArrayBuffer);
  const parse = (offset: number, length: number): ArchiveEntry[] => {
    const buf = new Uint8Array(gunzipSync(bytes.subarray(offset, offset + length)));
    const position = { buf, pos: 0 };
    const count = readVarint(position);
    const entries: ArchiveEntry[] = [];
    let last = 0;
    for (let i = 0; i < count; i++) {
      last += readVarint(position);
      entries.push({ tileId: last, offset: 0, length: 0, runLength: 0 });
    }
    for (const entry of entries) entry.runLength = readVarint(position);
    for (const entry of entries) entry.length = readVarint(position);
    for (const [i, entry] of entries.entries()) {
      const value = readVarint(position);
      entry.offset = value === 0 && i > 0 ? entries[i - 1]!.offset + entries[i - 1]!.length : value - 1;
    }
    return entries;
  };
  const result: ArchiveEntry[] = [];
  for (const entry of parse(header.rootDirectoryOffset, header.rootDirectoryLength)) {
    if (entry.runLength > 0) result.push(entry);
    else result.push(...parse(header.leafDirectoryOffset + entry.offset, entry.length));
  }
  return result;
}
