// `chronos-tiles build`: boundaries.pmtiles and basemap.pmtiles from the committed region topology and
// world-atlas, with a progress bar and a summary. The same inputs give the same bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import { writeTileset, type TilesetPlan } from '../mvt/tileset.ts';
import { PMTilesWriter, type PMTilesSummary, type PMTilesWriterOptions } from '../pmtiles/writer.ts';
import { basemapPlan, basemapWriterOptions, type WorldAtlas } from './basemap.ts';
import { boundariesPlan, boundariesWriterOptions } from './boundaries.ts';
import { createProgress } from './progress.ts';

export const ARCHIVES = ['boundaries', 'basemap'] as const;
export type ArchiveName = (typeof ARCHIVES)[number];

/** Where the package keeps its build output. */
export const packageDist = resolve(import.meta.dirname, '../../dist');
export const BOUNDARIES_ATTRIBUTION = '<a href="https://www.naturalearthdata.com/">Natural Earth</a> admin-1';

export interface BuildOptions {
  /** TopoJSON with object `regions` (in the Chronos repository: server/data/boundaries.topo.json). */
  boundaries: string;
  /** Output directory (default: packages/tiles/dist). */
  outDir?: string;
  /** Build only these archives (default: both). */
  only?: readonly ArchiveName[];
  /** Progress and summary go here (default: process.stderr); null for silence. */
  log?: NodeJS.WritableStream | null;
}

export interface BuildResult {
  archives: (PMTilesSummary & { name: ArchiveName; seconds: number })[];
  seconds: number;
}

const requireFromHere = createRequire(import.meta.url);

export function readTopology(file: string): Topology {
  if (!existsSync(file)) throw new Error(`boundary file ${file} does not exist; pass --boundaries <file.topo.json>`);
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  if (topology.type !== 'Topology' || !topology.objects?.regions)
    throw new Error(`${file} is not a TopoJSON topology with an object "regions"`);
  return topology;
}

export function readWorldAtlas(): WorldAtlas {
  const load = (resolution: string) =>
    JSON.parse(readFileSync(requireFromHere.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology;
  return { '110m': load('110m'), '50m': load('50m'), '10m': load('10m') };
}

async function buildArchive(
  name: ArchiveName,
  file: string,
  plan: TilesetPlan,
  options: PMTilesWriterOptions,
  log: NodeJS.WritableStream | null,
): Promise<PMTilesSummary & { name: ArchiveName; seconds: number }> {
  const started = performance.now();
  const progress = createProgress(name, plan.maxZoom - plan.minZoom + 1, log);
  const writer = new PMTilesWriter(file, options);
  try {
    writeTileset(writer, plan, ({ zoom, done, total, written }) =>
      progress.update(zoom - plan.minZoom + done / total, `z${zoom} ${written.toLocaleString('en-US')} tiles`),
    );
  } catch (error) {
    writer.abort();
    progress.done('failed');
    throw error;
  }
  const summary = await writer.finish();
  const seconds = (performance.now() - started) / 1000;
  progress.done(
    `${summary.addressedTiles.toLocaleString('en-US')} tiles, ${formatBytes(summary.bytes)}, ${seconds.toFixed(1)} s`,
  );
  return { ...summary, name, seconds };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const outDir = options.outDir ?? packageDist;
  const only = options.only ?? ARCHIVES;
  const log = options.log === undefined ? process.stderr : options.log;
  mkdirSync(outDir, { recursive: true });
  const regions = readTopology(options.boundaries);

  const archives: BuildResult['archives'] = [];
  if (only.includes('boundaries'))
    archives.push(
      await buildArchive(
        'boundaries',
        join(outDir, 'boundaries.pmtiles'),
        boundariesPlan(regions),
        boundariesWriterOptions(BOUNDARIES_ATTRIBUTION),
        log,
      ),
    );
  if (only.includes('basemap'))
    archives.push(
      await buildArchive(
        'basemap',
        join(outDir, 'basemap.pmtiles'),
        basemapPlan(readWorldAtlas(), regions),
        basemapWriterOptions(),
        log,
      ),
    );
  const seconds = (performance.now() - started) / 1000;
  // `npm start` rebuilds a package whose dist/.build-stamp is older than its sources.
  if (outDir === packageDist && only.length === ARCHIVES.length) writeFileSync(join(outDir, '.build-stamp'), '');
  if (log) {
    const tiles = archives.reduce((sum, archive) => sum + archive.addressedTiles, 0);
    const bytes = archives.reduce((sum, archive) => sum + archive.bytes, 0);
    log.write(
      `built ${archives.length} archive${archives.length === 1 ? '' : 's'} in ${outDir}: ${tiles.toLocaleString('en-US')} tiles, ${formatBytes(bytes)}, ${seconds.toFixed(1)} s\n`,
    );
  }
  return { archives, seconds };
}
