// The writer's bookkeeping without per-tile objects: growable typed-array columns, and the content
// table that deduplicates tile bytes by a sampled hash (confirmed byte by byte by the writer).

/** A growable column of numbers: Float64 for ids and offsets (up to 2^53), Uint32 for lengths and indexes. */
export class NumberColumn {
  values: Float64Array | Uint32Array;
  length = 0;
  constructor(type: 'float64' | 'uint32') {
    this.values = type === 'float64' ? new Float64Array(4096) : new Uint32Array(4096);
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown =
        this.values instanceof Float64Array ? new Float64Array(this.length * 4) : new Uint32Array(this.length * 4);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  at(index: number): number {
    return this.values[index]!;
  }
}

/**
 * Deduplication key of stored tile bytes: an FNV-style 32-bit hash of the length and of sampled bytes.
 * A gzip member ends with the CRC32 and length of its content, so for gzip tiles the last 8 bytes are
 * the sample (one cache line to touch); otherwise 8 bytes from the middle are mixed in too. Equal keys
 * are confirmed by comparing all bytes, so deduplication is exact whatever the sample.
 */
export function contentKey(bytes: Uint8Array, start: number, n: number, gzip: boolean): number {
  let hash = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  if (n <= 16) {
    for (let i = start; i < start + n; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    return hash >>> 0;
  }
  const e = start + n - 8;
  hash = Math.imul(
    hash ^ (bytes[e]! | (bytes[e + 1]! << 8) | (bytes[e + 2]! << 16) | (bytes[e + 3]! << 24)),
    0x01000193,
  );
  hash = Math.imul(
    hash ^ (bytes[e + 4]! | (bytes[e + 5]! << 8) | (bytes[e + 6]! << 16) | (bytes[e + 7]! << 24)),
    0x01000193,
  );
  if (!gzip) {
    const m = start + (n >> 1) - 4;
    hash = Math.imul(
      hash ^ (bytes[m]! | (bytes[m + 1]! << 8) | (bytes[m + 2]! << 16) | (bytes[m + 3]! << 24)),
      0x01000193,
    );
    hash = Math.imul(
      hash ^ (bytes[m + 4]! | (bytes[m + 5]! << 8) | (bytes[m + 6]! << 16) | (bytes[m + 7]! << 24)),
      0x01000193,
    );
  }
  return (hash ^ (hash >>> 15)) >>> 0;
}

/**
 * Content key → content indexes, as an open-addressing table in typed arrays: no per-tile objects
 * for the garbage collector, and equal keys simply occupy several slots.
 */
export class ContentTable {
  /** Pairs [key, content] side by side, so a probe touches one cache line; content -1 = empty. */
  #slots = new Int32Array(2 << 16).fill(-1);
  #mask = (1 << 16) - 1;
  #size = 0;
  /**
   * One bit per key hash (32 KiB, stays in cache): a clear bit means no content has this key, so
   * most new tiles skip the probe of the big table, a cache miss each (until a few hundred thousand
   * distinct tiles have set most bits; then it just always says maybe).
   */
  readonly #seen = new Uint32Array(1 << 13);

  /** False when no content can have this key (true may be a false positive). */
  mayHave(key: number): boolean {
    const bit = key & 0x3ffff;
    return (this.#seen[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /**
   * Walks the slots that may hold `key`: start with `slot = table.start(key)`, read
   * `table.contentAt(slot)` (-1: no more candidates), move on with `table.next(slot)`; a candidate
   * is a content whose key equals `table.keyAt(slot)`. (No callback: one fewer allocation a tile.)
   */
  start(key: number): number {
    return key & this.#mask;
  }
  next(slot: number): number {
    return (slot + 1) & this.#mask;
  }
  contentAt(slot: number): number {
    return this.#slots[2 * slot + 1]!;
  }
  keyAt(slot: number): number {
    return this.#slots[2 * slot]! >>> 0;
  }

  add(key: number, content: number): void {
    const bit = key & 0x3ffff;
    this.#seen[bit >>> 5]! |= 1 << (bit & 31);
    if ((this.#size + 1) * 2 > this.#mask + 1) this.#grow();
    this.#place(key, content);
    this.#size++;
  }

  #place(key: number, content: number): void {
    let slot = key & this.#mask;
    while (this.#slots[2 * slot + 1] !== -1) slot = (slot + 1) & this.#mask;
    this.#slots[2 * slot] = key | 0;
    this.#slots[2 * slot + 1] = content;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2).fill(-1);
    this.#mask = this.#mask * 2 + 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== -1) this.#place(old[i]! >>> 0, old[i + 1]!);
  }
}
