import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { bytesToHeader, readVarint, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { entryColumns, serializeDirectory } from './directory.ts';
import { openArchive as open, readEntries } from '../testing/archives.ts';
import { PMTilesWriter, tileId } from './writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'chronos-pmtiles-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic pseudo-random bytes (so the suite is reproducible). */
function bytesFor(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('Hilbert tile ids', () => {
  test('match the known values from the spec', () => {
    assert.equal(tileId(0, 0, 0), 0);
    assert.equal(tileId(1, 0, 0), 1);
    assert.equal(tileId(1, 0, 1), 2);
    assert.equal(tileId(1, 1, 1), 3);
    assert.equal(tileId(1, 1, 0), 4);
    assert.equal(tileId(2, 0, 0), 5);
    assert.equal(tileId(12, 3423, 1763), 19078479);
  });

  test("agree with the official reader's zxyToTileId and round-trip through tileIdToZxy", () => {
    for (let z = 0; z <= 26; z++)
      for (let i = 0; i < 200; i++) {
        const size = 2 ** z;
        const x = Math.floor(Math.abs(Math.sin(z * 977 + i * 31)) * size) % size;
        const y = Math.floor(Math.abs(Math.cos(z * 613 + i * 17)) * size) % size;
        const id = tileId(z, x, y);
        assert.equal(id, zxyToTileId(z, x, y), `${z}/${x}/${y}`);
        assert.deepEqual(tileIdToZxy(id), [z, x, y]);
      }
  });
});

describe('directory serialization', () => {
  test('varints read back through the official reader, including values past 2^32', () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 5, 2 ** 53 - 1];
    const entries = values.map((value) => ({ tileId: value, offset: 0, length: 0, runLength: 0 }));
    const position = { buf: serializeDirectory(entryColumns(entries)), pos: 0 };
    assert.equal(readVarint(position), values.length);
    let last = 0;
    const read = values.map(() => {
      last += readVarint(position);
      return last;
    });
    assert.deepEqual(read, values);
  });
});

describe('PMTilesWriter', () => {
  test('round trip: every tile reads back byte-identical through the official reader, with the header fields set', async () => {
    const file = join(dir, 'small.pmtiles');
    const writer = new PMTilesWriter(file, {
      metadata: {
        name: 'test',
        attribution: '© test',
        vector_layers: [{ id: 'regions', fields: { code: 'String' } }],
      },
    });
    const tiles: [number, number, number, Uint8Array][] = [];
    for (let z = 0; z <= 3; z++)
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) tiles.push([z, x, y, bytesFor(z * 100 + x * 10 + y, 50 + x + y)]);
    for (const [z, x, y, bytes] of tiles) writer.addTile(z, x, y, bytes);
    const summary = await writer.finish();

    const archive = await open(file);
    for (const [z, x, y, bytes] of tiles) {
      const tile = await archive.getZxy(z, x, y);
      assert.ok(tile, `tile ${z}/${x}/${y} missing`);
      assert.deepEqual(new Uint8Array(tile.data), bytes, `tile ${z}/${x}/${y} differs`);
    }
    assert.equal(await archive.getZxy(4, 0, 0), undefined);

    const raw = readFileSync(file);
    assert.equal(raw.subarray(0, 7).toString('latin1'), 'PMTiles');
    assert.equal(raw[7], 3);
    const header = await archive.getHeader();
    assert.equal(header.specVersion, 3);
    assert.equal(header.rootDirectoryOffset, 127);
    assert.ok(header.rootDirectoryOffset + header.rootDirectoryLength <= 16_384);
    assert.equal(header.jsonMetadataOffset, 127 + header.rootDirectoryLength);
    assert.equal(header.leafDirectoryLength, 0);
    assert.equal(
      header.tileDataOffset,
      header.jsonMetadataOffset + header.jsonMetadataLength,
      'sections are contiguous',
    );
    assert.equal(header.tileDataOffset + header.tileDataLength!, raw.length);
    assert.equal(summary.bytes, raw.length);
    assert.equal(header.numAddressedTiles, tiles.length);
    assert.equal(header.numTileEntries, tiles.length);
    assert.equal(header.numTileContents, tiles.length);
    assert.equal(header.clustered, true);
    assert.equal(header.tileType, 1);
    assert.equal(header.minZoom, 0);
    assert.equal(header.maxZoom, 3);
    assert.deepEqual([header.minLon, header.maxLon], [-180, 180]);
    assert.ok(header.minLat < -85 && header.maxLat > 85);
    assert.deepEqual([header.centerLon, header.centerLat, header.centerZoom], [0, 0, 0]);

    const metadata = (await archive.getMetadata()) as Record<string, unknown>;
    assert.equal(metadata.name, 'test');
    assert.equal(metadata.attribution, '© test');
    assert.deepEqual(metadata.vector_layers, [{ id: 'regions', fields: { code: 'String' } }]);
    assert.equal(metadata.minzoom, 0);
    assert.equal(metadata.maxzoom, 3);
    assert.deepEqual(readdirSync(dir), ['small.pmtiles'], 'temporary files are removed');
  });

  test('bounds cover the tiles of every zoom, not only the highest (the world at z0–1, one corner at z3)', async () => {
    // MapLibre requests no tile outside a source's bounds at any zoom: bounds from the highest zoom
    // alone hid the world-wide low zooms of the basemap outside North America.
    const file = join(dir, 'bounds.pmtiles');
    const writer = new PMTilesWriter(file);
    writer.addTile(0, 0, 0, bytesFor(1, 20));
    for (let x = 0; x < 2; x++) for (let y = 0; y < 2; y++) writer.addTile(1, x, y, bytesFor(2 + x * 2 + y, 20));
    writer.addTile(3, 1, 2, bytesFor(9, 20));
    await writer.finish();
    const header = await (await open(file)).getHeader();
    assert.deepEqual([header.minLon, header.maxLon], [-180, 180]);
    assert.ok(header.minLat < -85 && header.maxLat > 85, `${header.minLat}..${header.maxLat}`);
    const metadata = (await (await open(file)).getMetadata()) as { bounds: number[] };
    assert.deepEqual([metadata.bounds[0], metadata.bounds[2]], [-180, 180]);
    rmSync(file);

    const corner = join(dir, 'corner.pmtiles');
    const only = new PMTilesWriter(corner);
    only.addTile(3, 1, 2, bytesFor(9, 20));
    only.addTile(3, 2, 2, bytesFor(10, 20));
    await only.finish();
    const tight = await (await open(corner)).getHeader();
    assert.deepEqual([tight.minLon, tight.maxLon], [-135, -45]);
    assert.ok(Math.abs(tight.maxLat - 66.5133) < 1e-3 && Math.abs(tight.minLat - 40.9799) < 1e-3);
    rmSync(corner);
  });

  test('an archive too large for a 16 KiB root gets leaf directories, and every tile still reads back', async () => {
    const file = join(dir, 'leaves.pmtiles');
    const writer = new PMTilesWriter(file);
    const tiles: [number, number, Uint8Array][] = [];
    // 40,000 distinct tiles at z10 on every other column: no runs, so the root cannot hold them.
    for (let x = 0; x < 400; x += 2)
      for (let y = 0; y < 200; y++) tiles.push([x, y, bytesFor(x * 1000 + y, 8 + ((x * 7 + y * 13) % 40))]);
    for (const [x, y, bytes] of tiles) writer.addTile(10, x, y, bytes);
    const summary = await writer.finish();
    assert.ok(summary.leafDirectories > 1, `expected leaf directories, got ${summary.leafDirectories}`);

    const archive = await open(file);
    const header = await archive.getHeader();
    assert.ok(header.leafDirectoryLength! > 0);
    // Too large for the space reserved before the tile data: metadata and leaves follow the data.
    assert.ok(header.jsonMetadataOffset > header.tileDataOffset);
    assert.equal(header.leafDirectoryOffset, header.jsonMetadataOffset + header.jsonMetadataLength);
    assert.ok(header.rootDirectoryOffset + header.rootDirectoryLength <= 16_384);
    assert.equal(header.numAddressedTiles, 40_000);
    assert.equal(header.numTileEntries, 40_000);
    for (const [x, y, bytes] of tiles) {
      const tile = await archive.getZxy(10, x, y);
      assert.ok(tile, `tile 10/${x}/${y} missing`);
      assert.deepEqual(new Uint8Array(tile.data), bytes, `tile 10/${x}/${y} differs`);
    }
    assert.equal(await archive.getZxy(10, 1, 0), undefined, 'a tile between entries is absent');
  });

  test('identical consecutive tiles become one run-length entry; identical content is stored once', async () => {
    const file = join(dir, 'rle.pmtiles');
    const writer = new PMTilesWriter(file, { tileCompression: 'none' });
    const ocean = bytesFor(1, 100);
    const land = bytesFor(2, 70);
    // All 16 z2 tiles are "ocean" (ids 5–20, one run), then z3 tiles alternate land/ocean.
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) writer.addTile(2, x, y, ocean);
    writer.addTile(3, 0, 0, land);
    writer.addTile(3, 0, 1, ocean);
    writer.addTile(3, 1, 1, land);
    const summary = await writer.finish();
    assert.equal(summary.addressedTiles, 19);
    assert.equal(summary.tileContents, 2);

    const entries = readEntries(file);
    assert.deepEqual(entries[0], { tileId: 5, offset: 0, length: 100, runLength: 16 });
    assert.equal(entries.length, 4);
    assert.equal(summary.tileEntries, 4);
    const header = await (await open(file)).getHeader();
    assert.equal(header.tileDataLength, 170, 'each content is stored once');
    const archive = await open(file);
    assert.deepEqual(new Uint8Array((await archive.getZxy(2, 3, 2))!.data), ocean);
    assert.deepEqual(new Uint8Array((await archive.getZxy(3, 1, 1))!.data), land);
  });

  test('a tile repeated after megabytes of other tiles (already flushed to disk) is still stored once', async () => {
    const file = join(dir, 'far-duplicate.pmtiles');
    const writer = new PMTilesWriter(file, { tileCompression: 'none' });
    const repeated = bytesFor(77, 5000);
    writer.addTile(8, 0, 0, repeated);
    for (let i = 1; i <= 600; i++) writer.addTile(8, i % 256, Math.floor(i / 256), bytesFor(1000 + i, 4000));
    writer.addTile(8, 255, 255, repeated);
    const summary = await writer.finish();
    assert.equal(summary.addressedTiles, 602);
    assert.equal(summary.tileContents, 601);
    const archive = await open(file);
    assert.deepEqual(new Uint8Array((await archive.getZxy(8, 255, 255))!.data), repeated);
    assert.deepEqual(new Uint8Array((await archive.getZxy(8, 0, 0))!.data), repeated);
  });

  test('tiles added in any order give the same, clustered bytes as tiles added in id order', async () => {
    const tiles: [number, number, number, Uint8Array][] = [];
    for (let z = 0; z <= 4; z++)
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) tiles.push([z, x, y, bytesFor((x + y) % 5, 40 + ((x + y) % 5))]);
    const sorted = [...tiles].sort((a, b) => tileId(a[0], a[1], a[2]) - tileId(b[0], b[1], b[2]));
    const shuffled = [...tiles].sort((a, b) => ((a[1] * 31 + a[2] * 17) % 23) - ((b[1] * 31 + b[2] * 17) % 23));
    assert.notDeepEqual(shuffled, sorted);
    const files: string[] = [];
    for (const [name, list] of [
      ['sorted', sorted],
      ['shuffled', shuffled],
    ] as const) {
      const file = join(dir, `${name}.pmtiles`);
      const writer = new PMTilesWriter(file);
      for (const [z, x, y, bytes] of list) writer.addTile(z, x, y, bytes);
      await writer.finish();
      files.push(file);
    }
    assert.deepEqual(readFileSync(files[1]!), readFileSync(files[0]!));

    // Clustered: data offsets never go backwards except to point at earlier (deduplicated) data.
    const entries = readEntries(files[0]!);
    let end = 0;
    for (const entry of entries) {
      if (entry.offset >= end) {
        assert.equal(entry.offset, end, 'new content starts right after the previous content');
        end = entry.offset + entry.length;
      }
    }
    const archive = await open(files[1]!);
    for (const [z, x, y, bytes] of tiles)
      assert.deepEqual(new Uint8Array((await archive.getZxy(z, x, y))!.data), bytes);
  });

  test('compression flags: gzip tiles and gzip directories by default, raw tiles with "none"', async () => {
    const tile = bytesFor(9, 300);
    for (const compression of ['gzip', 'none'] as const) {
      const file = join(dir, `compression-${compression}.pmtiles`);
      const writer = new PMTilesWriter(file, { tileCompression: compression });
      writer.addTile(0, 0, 0, tile);
      await writer.finish();
      const raw = readFileSync(file);
      const header = bytesToHeader(raw.buffer.slice(raw.byteOffset, raw.byteOffset + 127) as ArrayBuffer);
      assert.equal(header.internalCompression, 2, 'directories and metadata are gzip');
      assert.deepEqual([...raw.subarray(header.rootDirectoryOffset, header.rootDirectoryOffset + 2)], [0x1f, 0x8b]);
      assert.deepEqual([...raw.subarray(header.jsonMetadataOffset, header.jsonMetadataOffset + 2)], [0x1f, 0x8b]);
      const stored = raw.subarray(header.tileDataOffset, header.tileDataOffset + header.tileDataLength!);
      if (compression === 'gzip') {
        assert.equal(header.tileCompression, 2);
        assert.deepEqual(new Uint8Array(gunzipSync(stored)), tile);
      } else {
        assert.equal(header.tileCompression, 1);
        assert.deepEqual(new Uint8Array(stored), tile);
      }
      const read = await (await open(file)).getZxy(0, 0, 0);
      assert.deepEqual(new Uint8Array(read!.data), tile);
    }
  });

  test('precompressed tiles are stored exactly as given', async () => {
    const file = join(dir, 'precompressed.pmtiles');
    const writer = new PMTilesWriter(file, { precompressed: true });
    const { gzipSync } = await import('node:zlib');
    const tile = bytesFor(3, 90);
    const compressed = gzipSync(tile);
    writer.addTile(0, 0, 0, compressed);
    await writer.finish();
    const raw = readFileSync(file);
    assert.ok(raw.subarray(raw.length - compressed.length).equals(compressed));
    assert.deepEqual(new Uint8Array((await (await open(file)).getZxy(0, 0, 0))!.data), tile);
  });

  test('bad input gets errors that name the problem', async () => {
    const file = join(dir, 'errors.pmtiles');
    const writer = new PMTilesWriter(file);
    assert.throws(() => writer.addTile(1, 2, 0, bytesFor(1, 5)), /tile 1\/2\/0 is outside zoom 1/);
    assert.throws(() => writer.addTile(27, 0, 0, bytesFor(1, 5)), /zoom 27 must be an integer 0–26/);
    assert.throws(() => writer.addTile(0, 0, 0, new Uint8Array()), /has no bytes/);
    writer.addTile(1, 1, 1, bytesFor(1, 5));
    writer.addTile(1, 1, 1, bytesFor(2, 5));
    await assert.rejects(writer.finish(), /tile 1\/1\/1 was added more than once/);
    assert.throws(() => writer.addTile(0, 0, 0, bytesFor(1, 5)), /the writer is finished/);
    assert.throws(
      () => new PMTilesWriter(file, { tileType: 'svg' as never }),
      /unknown tileType "svg"; valid: unknown, mvt/,
    );
    const empty = new PMTilesWriter(join(dir, 'empty.pmtiles'));
    await assert.rejects(empty.finish(), /no tiles were added/);
  });
});
