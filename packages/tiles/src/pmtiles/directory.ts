// PMTiles v3 directories: serialization (varint columns, delta-coded ids, offset elision) and the
// root/leaf split that keeps header + root directory inside the first 16 KiB of the archive.
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md ("Directories").
// Hand-written because no npm package writes PMTiles; the reader side (`pmtiles`) only deserializes.

/** One directory entry. `runLength` 0 marks a pointer to a leaf directory. */
export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Directory entries as columns (no object per tile), sorted by tile id. */
export interface EntryColumns {
  count: number;
  tileId: Float64Array;
  offset: Float64Array;
  length: Float64Array;
  runLength: Float64Array;
}

export function entryColumns(entries: readonly DirectoryEntry[]): EntryColumns {
  const count = entries.length;
  const columns: EntryColumns = {
    count,
    tileId: new Float64Array(count),
    offset: new Float64Array(count),
    length: new Float64Array(count),
    runLength: new Float64Array(count),
  };
  for (const [i, entry] of entries.entries()) {
    columns.tileId[i] = entry.tileId;
    columns.offset[i] = entry.offset;
    columns.length[i] = entry.length;
    columns.runLength[i] = entry.runLength;
  }
  return columns;
}

/** The spec reserves the first 16 KiB of an archive for the 127-byte header plus the root directory. */
export const HEADER_BYTES = 127;
export const ROOT_DIRECTORY_MAX_BYTES = 16_384 - HEADER_BYTES;

/** Appends varints to a byte buffer sized up front (at most 10 bytes a value). */
class ByteWriter {
  readonly bytes: Uint8Array;
  length = 0;

  constructor(values: number) {
    this.bytes = new Uint8Array(values * 10);
  }

  varint(value: number): void {
    let rest = value;
    if (rest >>> 0 !== rest) {
      if (!Number.isSafeInteger(rest) || rest < 0) throw new RangeError(`varint out of range: ${value}`);
      // Bitwise operators are 32-bit in JS: peel off 7 bits with division while above 2^32.
      while (rest > 0xffffffff) {
        this.bytes[this.length++] = (rest % 0x80) | 0x80;
        rest = Math.floor(rest / 0x80);
      }
    }
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Serializes entries `start`..`end` (sorted by tileId) into the uncompressed directory format. */
export function serializeDirectory(entries: EntryColumns, start = 0, end = entries.count): Uint8Array {
  const { tileId, offset, length, runLength } = entries;
  const out = new ByteWriter(1 + 4 * (end - start));
  out.varint(end - start);
  let lastId = 0;
  for (let i = start; i < end; i++) {
    out.varint(tileId[i]! - lastId);
    lastId = tileId[i]!;
  }
  for (let i = start; i < end; i++) out.varint(runLength[i]!);
  for (let i = start; i < end; i++) out.varint(length[i]!);
  for (let i = start; i < end; i++) {
    // 0 means "directly after the previous entry's data"; otherwise the offset is stored plus one.
    if (i > start && offset[i] === offset[i - 1]! + length[i - 1]!) out.varint(0);
    else out.varint(offset[i]! + 1);
  }
  return out.result();
}

export interface Directories {
  /** Compressed root directory. */
  root: Uint8Array;
  /** Compressed leaf directories, concatenated (empty when the root holds every entry). */
  leaves: Uint8Array;
  leafCount: number;
}

/**
 * Builds the root directory, splitting entries into leaf directories when the compressed root would not
 * fit in the first 16 KiB. Follows the reference writer (go-pmtiles `optimizeDirectories`): start with
 * 4096 entries per leaf and grow by 20% until the root of leaf pointers fits.
 */
export function buildDirectories(
  entries: EntryColumns,
  compress: (bytes: Uint8Array) => Uint8Array,
  rootMaxBytes = ROOT_DIRECTORY_MAX_BYTES,
): Directories {
  const root = compress(serializeDirectory(entries));
  if (root.length <= rootMaxBytes) return { root, leaves: new Uint8Array(0), leafCount: 0 };

  let leafSize = 4096;
  for (;;) {
    const leafChunks: Uint8Array[] = [];
    const rootEntries: DirectoryEntry[] = [];
    let offset = 0;
    for (let start = 0; start < entries.count; start += leafSize) {
      const leaf = compress(serializeDirectory(entries, start, Math.min(entries.count, start + leafSize)));
      rootEntries.push({ tileId: entries.tileId[start]!, offset, length: leaf.length, runLength: 0 });
      leafChunks.push(leaf);
      offset += leaf.length;
    }
    const leafRoot = compress(serializeDirectory(entryColumns(rootEntries)));
    if (leafRoot.length <= rootMaxBytes) {
      const leaves = new Uint8Array(offset);
      let position = 0;
      for (const chunk of leafChunks) {
        leaves.set(chunk, position);
        position += chunk.length;
      }
      return { root: leafRoot, leaves, leafCount: leafChunks.length };
    }
    leafSize = Math.ceil(leafSize * 1.2);
  }
}
