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

/** The spec reserves the first 16 KiB of an archive for the 127-byte header plus the root directory. */
export const HEADER_BYTES = 127;
export const ROOT_DIRECTORY_MAX_BYTES = 16_384 - HEADER_BYTES;

/** Grows a byte buffer while varints are appended (directories are small: tens of KB at most). */
class ByteWriter {
  bytes = new Uint8Array(1024);
  length = 0;

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    if (this.length + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    // Bitwise operators are 32-bit in JS, so peel off 7 bits with division for values above 2^31.
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Serializes entries (sorted by tileId) into the uncompressed directory format. */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out = new ByteWriter();
  out.varint(entries.length);
  let lastId = 0;
  for (const entry of entries) {
    out.varint(entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) out.varint(entry.runLength);
  for (const entry of entries) out.varint(entry.length);
  for (const [index, entry] of entries.entries()) {
    const previous = index > 0 ? entries[index - 1] : undefined;
    // 0 means "directly after the previous entry's data"; otherwise the offset is stored plus one.
    if (previous && entry.offset === previous.offset + previous.length) out.varint(0);
    else out.varint(entry.offset + 1);
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
  entries: readonly DirectoryEntry[],
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
    for (let start = 0; start < entries.length; start += leafSize) {
      const slice = entries.slice(start, start + leafSize);
      const leaf = compress(serializeDirectory(slice));
      rootEntries.push({ tileId: slice[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafChunks.push(leaf);
      offset += leaf.length;
    }
    const leafRoot = compress(serializeDirectory(rootEntries));
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
