// `pnpm bench:tiles`: build time and archive sizes, writer throughput against a raw sequential write of
// the same tile bytes (measured in the same run), and the HTTP requests a first paint needs per archive.
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bytesToHeader, Compression, PMTiles, type RangeResponse, type Source, tileIdToZxy } from 'pmtiles';
import { recordFigure } from '@chronos/devkit/bench-record';
import { build } from '../src/build/build.ts';
import { tileAt } from '../src/mvt/tileset.ts';
import { PMTilesWriter, tileId } from '../src/pmtiles/writer.ts';
import { readEntries } from '../src/testing/archives.ts';
import { serverBoundariesFile } from '../src/testing/boundaries.ts';

const bench = 'tiles';
const dir = mkdtempSync(join(tmpdir(), 'chronos-bench-tiles-'));
const MB = 1024 * 1024;

try {
  // 1. Build both archives (what `npm start` does on a fresh checkout).
  const result = await build({ boundaries: serverBoundariesFile, outDir: dir, log: null });
  recordFigure({
    bench,
    figure: 'build boundaries + basemap',
    value: result.seconds,
    unit: 's',
    goal: '≤ 60 s',
    pass: result.seconds <= 60,
  });
  for (const [name, limit] of [
    ['boundaries', 2],
    ['basemap', 15],
  ] as const) {
    const archive = result.archives.find((item) => item.name === name)!;
    recordFigure({
      bench,
      figure: `${name}.pmtiles size (${archive.addressedTiles.toLocaleString('en-US')} tiles)`,
      value: archive.bytes / MB,
      unit: 'MB',
      goal: `≤ ${limit} MB`,
      pass: archive.bytes <= limit * MB,
    });
  }

  // 2. Writer throughput vs a raw buffered sequential write of the same bytes. The workload is every
  // distinct (already gzipped) tile of both archives, eight times over with the last byte varied so
  // no two tiles are equal (deduplication saves nothing), at consecutive tile ids (the order
  // `chronos-tiles build` adds tiles in): ~43k tiles, enough for leaf directories and for per-archive
  // fixed costs to stop dominating.
  const contents: Uint8Array[] = [];
  for (const name of ['boundaries', 'basemap']) {
    const file = join(dir, `${name}.pmtiles`);
    const raw = readFileSync(file);
    const header = bytesToHeader(raw.buffer.slice(raw.byteOffset, raw.byteOffset + 127) as ArrayBuffer);
    const seen = new Set<number>();
    for (const entry of readEntries(file)) {
      if (seen.has(entry.offset)) continue;
      seen.add(entry.offset);
      const start = header.tileDataOffset + entry.offset;
      contents.push(raw.subarray(start, start + entry.length));
    }
  }
  const VARIANTS = 8;
  const firstId = tileId(8, 0, 0); // z8 holds 65,536 tiles, like the deepest zoom of the build
  const workload = Array.from({ length: contents.length * VARIANTS }, (_, k) => {
    const bytes = new Uint8Array(contents[k % contents.length]!);
    bytes[bytes.length - 1]! ^= Math.floor(k / contents.length);
    const [z, x, y] = tileIdToZxy(firstId + k);
    return { z, x, y, bytes };
  });
  const totalBytes = workload.reduce((sum, tile) => sum + tile.bytes.length, 0);
  const ROUNDS = 11;
  const REPEAT = 1; // archives written per timed round
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  /**
   * Median MB/s of the raw write and of the writer; with `durable`, both fsync before closing. Times
   * are wall-clock for writes that wait on the disk, and CPU time (user + system) for page-cache
   * writes, which are pure CPU work: on a shared machine wall time there mostly measures the neighbours.
   */
  const measure = async (durable: boolean) => {
    const clock = durable
      ? () => performance.now()
      : () => {
          const { user, system } = process.cpuUsage();
          return (user + system) / 1000;
        };
    const rawWrite = () => {
      for (let r = 0; r < REPEAT; r++) {
        const fd = openSync(join(dir, `raw-${r}.bin`), 'w');
        const buffer = Buffer.allocUnsafe(MB);
        let used = 0;
        let position = 0;
        for (const { bytes } of workload) {
          if (used + bytes.length > buffer.length) {
            writeSync(fd, buffer, 0, used, position);
            position += used;
            used = 0;
          }
          buffer.set(bytes, used);
          used += bytes.length;
        }
        writeSync(fd, buffer, 0, used, position);
        if (durable) fsyncSync(fd);
        closeSync(fd);
      }
    };
    const writerWrite = async () => {
      for (let r = 0; r < REPEAT; r++) {
        const writer = new PMTilesWriter(join(dir, `writer-${r}.pmtiles`), { precompressed: true, durable });
        for (const { z, x, y, bytes } of workload) writer.addTile(z, x, y, bytes);
        await writer.finish();
      }
    };
    // Each timed round creates new files (the previous outputs are removed outside the timing), so
    // neither side pays for freeing the last round's blocks.
    const clear = () => {
      for (let r = 0; r < REPEAT; r++) {
        rmSync(join(dir, `raw-${r}.bin`), { force: true });
        rmSync(join(dir, `writer-${r}.pmtiles`), { force: true });
      }
    };
    const rawTimes: number[] = [];
    const writerTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      clear();
      let started = clock();
      rawWrite();
      rawTimes.push(clock() - started);
      started = clock();
      await writerWrite();
      writerTimes.push(clock() - started);
    }
    const throughput = (ms: number) => (totalBytes * REPEAT) / MB / (ms / 1000);
    // Each round times both back to back, so the per-round ratio is what a busy machine disturbs least.
    const ratio = median(rawTimes.map((raw, round) => raw / writerTimes[round]!));
    return { writer: throughput(median(writerTimes)), raw: throughput(median(rawTimes)), ratio };
  };

  const label = `${workload.length.toLocaleString('en-US')} tiles, ${(totalBytes / MB).toFixed(1)} MB`;
  const durable = await measure(true);
  recordFigure({
    bench,
    figure: `PMTilesWriter throughput to disk (${label}, fsync)`,
    value: durable.writer,
    unit: 'MB/s',
    baseline: 'raw sequential write + fsync',
    baselineValue: durable.raw,
    ratio: durable.ratio,
    goal: '≥ 0.5× baseline (median of paired rounds)',
    pass: durable.ratio >= 0.5,
  });
  // The same without fsync: page-cache speed, where the writer's fixed per-archive work (directories,
  // metadata, rename) weighs most against a few milliseconds of memcpy.
  const cached = await measure(false);
  recordFigure({
    bench,
    figure: `PMTilesWriter throughput to page cache (${label}, no fsync, CPU time)`,
    value: cached.writer,
    unit: 'MB/s',
    baseline: 'raw buffered sequential write',
    baselineValue: cached.raw,
    ratio: cached.ratio,
    goal: '≥ 0.5× baseline (median of paired rounds)',
    pass: cached.ratio >= 0.5,
  });

  // 3. Requests before the first tile of the first view can be drawn: a fresh reader per view tile
  // (header + root in one 16 KiB read, a leaf directory if any, the tile), worst tile counted.
  for (const name of ['boundaries', 'basemap']) {
    const file = readFileSync(join(dir, `${name}.pmtiles`));
    let worst = 0;
    const [cx, cy] = tileAt(-98, 45, 3);
    for (const [dx, dy] of [
      [0, 0],
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
      [-1, -1],
      [1, 1],
    ] as [number, number][]) {
      let requests = 0;
      const source: Source = {
        getKey: () => name,
        getBytes: async (offset: number, length: number): Promise<RangeResponse> => {
          requests++;
          const slice = file.subarray(offset, offset + length);
          return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.length) as ArrayBuffer };
        },
      };
      const reader = new PMTiles(source, undefined, async (data, compression) =>
        compression === Compression.Gzip ? new Uint8Array(gunzipSync(data)).buffer : data,
      );
      await reader.getZxy(3, cx + dx, cy + dy);
      worst = Math.max(worst, requests);
    }
    recordFigure({
      bench,
      figure: `${name}.pmtiles requests to first paint (z3 view, worst tile)`,
      value: worst,
      unit: 'requests',
      goal: '≤ 3',
      pass: worst <= 3,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
