// A streaming PMTiles v3 writer. Tile bytes go to a temporary file as they arrive (deduplicated by
// content hash), so memory holds only a few numbers per tile; `finish()` sorts the entries on the
// Hilbert curve, run-length encodes them, builds the root and leaf directories and writes the archive
// in the spec's order: header, root directory, metadata, leaf directories, tile data (clustered).
// No npm package writes PMTiles (the official `pmtiles` package reads them), hence this module.
import { hash } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import { buildDirectories, type DirectoryEntry, HEADER_BYTES } from './directory.ts';
import { Compression, serializeHeader, TileType } from './header.ts';

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
  /** [west, south, east, north] in degrees; default: the extent of the tiles at the highest zoom. */
  bounds?: [number, number, number, number];
  /** [lon, lat, zoom]; default: the middle of `bounds` at the lowest zoom. */
  center?: [number, number, number];
  /** Directory for the temporary tile data file; default: beside the archive. */
  tempDir?: string;
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

/** Hilbert-curve tile id of z/x/y as the spec defines it (via the official reader's implementation). */
export function tileId(z: number, x: number, y: number): number {
  return zxyToTileId(z, x, y);
}

const MAX_ZOOM = 26; // tile ids above z26 exceed Number.MAX_SAFE_INTEGER
const WRITE_BUFFER_BYTES = 1 << 20;
const MAX_MERCATOR_LAT = 85.0511287798066;

/** A growable column of numbers (Float64Array: tile ids reach 2^53). */
class NumberColumn {
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  at(index: number): number {
    return this.values[index]!;
  }
}

function tileLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}
function tileLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

export class PMTilesWriter {
  readonly file: string;
  readonly #options: PMTilesWriterOptions;
  readonly #tempFile: string;
  #tempFd: number;
  readonly #buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  #buffered = 0;
  #tempLength = 0;
  /** content hash → content index */
  readonly #contentByHash = new Map<string, number>();
  readonly #contentOffset = new NumberColumn();
  readonly #contentLength = new NumberColumn();
  readonly #entryTileId = new NumberColumn();
  readonly #entryContent = new NumberColumn();
  #ascending = true;
  #lastTileId = -1;
  #minZoom = Number.POSITIVE_INFINITY;
  #maxZoom = Number.NEGATIVE_INFINITY;
  /** Tile x/y extent at the highest zoom seen: [minX, minY, maxX, maxY]. */
  #extent: [number, number, number, number] = [0, 0, 0, 0];
  #state: 'open' | 'finished' | 'aborted' = 'open';

  /** Opens a writer for `file` (created or replaced by `finish()`). */
  constructor(file: string, options: PMTilesWriterOptions = {}) {
    const tileType = options.tileType ?? 'mvt';
    if (!(tileType in TileType))
      throw new TypeError(`unknown tileType "${tileType}"; valid: ${Object.keys(TileType).join(', ')}`);
    const compression = options.tileCompression ?? 'gzip';
    if (compression !== 'gzip' && compression !== 'none')
      throw new TypeError(`unknown tileCompression "${compression}"; valid: gzip, none`);
    this.file = file;
    this.#options = options;
    this.#tempFile = join(options.tempDir ?? dirname(file), `.${basename(file)}.${process.pid}.tiles.tmp`);
    this.#tempFd = openSync(this.#tempFile, 'w+');
  }

  /** Adds one tile. `bytes` are the encoded tile (uncompressed unless `precompressed`). Any order. */
  addTile(z: number, x: number, y: number, bytes: Uint8Array): void {
    if (this.#state !== 'open') throw new Error(`cannot add a tile: the writer is ${this.#state}`);
    if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM)
      throw new RangeError(`zoom ${z} must be an integer 0–${MAX_ZOOM}`);
    const size = 2 ** z;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= size || y >= size)
      throw new RangeError(`tile ${z}/${x}/${y} is outside zoom ${z} (x and y must be integers 0–${size - 1})`);
    if (!(bytes instanceof Uint8Array) || bytes.length === 0)
      throw new TypeError(`tile ${z}/${x}/${y} has no bytes; leave empty tiles out`);

    const id = tileId(z, x, y);
    if (id <= this.#lastTileId) this.#ascending = false;
    this.#lastTileId = Math.max(id, this.#lastTileId);

    const key = hash('sha256', bytes, 'base64');
    let content = this.#contentByHash.get(key);
    if (content === undefined) {
      const stored = this.#compressTile(bytes);
      content = this.#contentOffset.length;
      this.#contentByHash.set(key, content);
      this.#contentOffset.push(this.#tempLength);
      this.#contentLength.push(stored.length);
      this.#appendTemp(stored);
    }
    this.#entryTileId.push(id);
    this.#entryContent.push(content);

    if (z > this.#maxZoom) {
      this.#maxZoom = z;
      this.#extent = [x, y, x, y];
    } else if (z === this.#maxZoom) {
      const extent = this.#extent;
      extent[0] = Math.min(extent[0], x);
      extent[1] = Math.min(extent[1], y);
      extent[2] = Math.max(extent[2], x);
      extent[3] = Math.max(extent[3], y);
    }
    this.#minZoom = Math.min(this.#minZoom, z);
  }

  /** Number of tiles added so far. */
  get tileCount(): number {
    return this.#entryTileId.length;
  }

  /** Writes the archive and removes the temporary file. */
  async finish(): Promise<PMTilesSummary> {
    if (this.#state !== 'open') throw new Error(`cannot finish: the writer is ${this.#state}`);
    if (this.tileCount === 0) {
      this.abort();
      throw new Error(`no tiles were added to ${this.file}`);
    }
    this.#state = 'finished';
    try {
      return this.#writeArchive();
    } finally {
      closeSync(this.#tempFd);
      rmSync(this.#tempFile, { force: true });
    }
  }

  /** Discards everything written so far. */
  abort(): void {
    if (this.#state !== 'open') return;
    this.#state = 'aborted';
    closeSync(this.#tempFd);
    rmSync(this.#tempFile, { force: true });
  }

  #compressTile(bytes: Uint8Array): Uint8Array {
    if (this.#options.precompressed || (this.#options.tileCompression ?? 'gzip') === 'none') return bytes;
    return gzipSync(bytes, { level: this.#options.gzipLevel ?? 9 });
  }

  #appendTemp(bytes: Uint8Array): void {
    if (this.#buffered + bytes.length > this.#buffer.length) this.#flushTemp();
    if (bytes.length > this.#buffer.length) {
      writeSync(this.#tempFd, bytes, 0, bytes.length, this.#tempLength);
    } else {
      this.#buffer.set(bytes, this.#buffered);
      this.#buffered += bytes.length;
    }
    this.#tempLength += bytes.length;
  }

  #flushTemp(): void {
    if (this.#buffered === 0) return;
    writeSync(this.#tempFd, this.#buffer, 0, this.#buffered, this.#tempLength - this.#buffered);
    this.#buffered = 0;
  }

  #writeArchive(): PMTilesSummary {
    this.#flushTemp();
    const count = this.tileCount;
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    const ids = this.#entryTileId.values;
    if (!this.#ascending) order.sort((a, b) => ids[a]! - ids[b]!);
    for (let i = 1; i < count; i++) {
      if (ids[order[i]!] === ids[order[i - 1]!]) {
        const [z, x, y] = tileIdToZxy(ids[order[i]!]!);
        throw new Error(`tile ${z}/${x}/${y} was added more than once`);
      }
    }

    // Clustered: tile data in tile-id order, each content placed where its first tile is. When tiles
    // arrived in id order the temporary file already has that layout and is copied as it is.
    const contents = this.#contentOffset.length;
    const newOffset = new Float64Array(contents).fill(-1);
    const placement: number[] = [];
    let dataLength = 0;
    for (let i = 0; i < count; i++) {
      const content = this.#entryContent.at(order[i]!);
      if (newOffset[content] !== -1) continue;
      newOffset[content] = dataLength;
      placement.push(content);
      dataLength += this.#contentLength.at(content);
    }

    const entries: DirectoryEntry[] = [];
    for (let i = 0; i < count; i++) {
      const index = order[i]!;
      const id = ids[index]!;
      const content = this.#entryContent.at(index);
      const offset = newOffset[content]!;
      const last = entries.at(-1);
      if (last && last.offset === offset && last.tileId + last.runLength === id) last.runLength++;
      else entries.push({ tileId: id, offset, length: this.#contentLength.at(content), runLength: 1 });
    }

    const internal = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 });
    const directories = buildDirectories(entries, internal);
    const metadata = internal(new TextEncoder().encode(JSON.stringify(this.#metadata())));

    const rootOffset = HEADER_BYTES;
    const metadataOffset = rootOffset + directories.root.length;
    const leafOffset = metadataOffset + metadata.length;
    const dataOffset = leafOffset + directories.leaves.length;
    const header = serializeHeader({
      rootDirectoryOffset: rootOffset,
      rootDirectoryLength: directories.root.length,
      jsonMetadataOffset: metadataOffset,
      jsonMetadataLength: metadata.length,
      leafDirectoryOffset: leafOffset,
      leafDirectoryLength: directories.leaves.length,
      tileDataOffset: dataOffset,
      tileDataLength: dataLength,
      numAddressedTiles: count,
      numTileEntries: entries.length,
      numTileContents: contents,
      clustered: true,
      internalCompression: Compression.gzip,
      tileCompression: Compression[this.#options.tileCompression ?? 'gzip'],
      tileType: TileType[this.#options.tileType ?? 'mvt'],
      minZoom: this.#minZoom,
      maxZoom: this.#maxZoom,
      bounds: this.#bounds(),
      center: this.#center(),
    });

    const partial = `${this.file}.partial`;
    const out = openSync(partial, 'w');
    try {
      let position = 0;
      for (const part of [header, directories.root, metadata, directories.leaves]) {
        writeSync(out, part, 0, part.length, position);
        position += part.length;
      }
      this.#copyTileData(out, position, placement);
    } finally {
      closeSync(out);
    }
    renameSync(partial, this.file);
    return {
      file: this.file,
      bytes: dataOffset + dataLength,
      addressedTiles: count,
      tileEntries: entries.length,
      tileContents: contents,
      leafDirectories: directories.leafCount,
      rootDirectoryBytes: directories.root.length,
      minZoom: this.#minZoom,
      maxZoom: this.#maxZoom,
    };
  }

  /** Copies tile contents from the temporary file in `placement` order, in 1 MiB chunks. */
  #copyTileData(out: number, start: number, placement: number[]): void {
    const chunk = this.#buffer;
    let position = start;
    let filled = 0;
    const flush = () => {
      writeSync(out, chunk, 0, filled, position);
      position += filled;
      filled = 0;
    };
    // Runs of contents that sit back to back in the temporary file are read with one call.
    let index = 0;
    while (index < placement.length) {
      const first = placement[index]!;
      const from = this.#contentOffset.at(first);
      let to = from + this.#contentLength.at(first);
      index++;
      while (index < placement.length && this.#contentOffset.at(placement[index]!) === to) {
        to += this.#contentLength.at(placement[index]!);
        index++;
      }
      let cursor = from;
      while (cursor < to) {
        if (filled === chunk.length) flush();
        const read = readSync(this.#tempFd, chunk, filled, Math.min(chunk.length - filled, to - cursor), cursor);
        if (read <= 0) throw new Error(`temporary tile file ${this.#tempFile} ended early`);
        filled += read;
        cursor += read;
      }
    }
    if (filled > 0) flush();
  }

  #bounds(): [number, number, number, number] {
    if (this.#options.bounds) return this.#options.bounds;
    const [minX, minY, maxX, maxY] = this.#extent;
    const z = this.#maxZoom;
    return [
      tileLon(minX, z),
      Math.max(tileLat(maxY + 1, z), -MAX_MERCATOR_LAT),
      tileLon(maxX + 1, z),
      Math.min(tileLat(minY, z), MAX_MERCATOR_LAT),
    ];
  }

  #center(): [number, number, number] {
    if (this.#options.center) return this.#options.center;
    const [west, south, east, north] = this.#bounds();
    return [(west + east) / 2, (south + north) / 2, this.#minZoom];
  }

  #metadata(): PMTilesMetadata {
    const bounds = this.#bounds();
    const center = this.#center();
    return {
      ...this.#options.metadata,
      bounds,
      center,
      minzoom: this.#minZoom,
      maxzoom: this.#maxZoom,
    };
  }
}
