// Everything heavy that a map needs, behind one dynamic import() so the CDN entry stays small and
// MapLibre arrives as chunks beside it only when an element first draws a map: MapLibre, PMTiles, the
// worker, and the map side of the elements (MapController and its modules; see map-handle.ts).
import type { BBox, GeometryLike } from '@chronos/core';
import { VectorTile } from '@mapbox/vector-tile';
import * as maplibregl from 'maplibre-gl';
import { PbfReader } from 'pbf';
import { PMTiles, Protocol } from 'pmtiles';
import { watchWorkerViolations } from './map-failures.ts';
import { maplibreStyleSheet } from './maplibre.styles.ts';
import { workerUrl } from './maplibre-worker-url.ts';

// Before MapLibre's workers start: a policy that blocks them is heard of.
watchWorkerViolations();
if (workerUrl) maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's workers now: they boot (fetch + parse ~0.5 MB) while the map is being created, instead
// of after the regions are added, which is on the path to first paint.
maplibregl.prewarm();

/**
 * Settles when MapLibre's worker file is known to be reachable; rejects with the URL and the reason when
 * it is not. A worker that fails to load only fires `error` on a Worker object MapLibre keeps to itself,
 * and the map then waits for ever: this check (a HEAD request, in parallel with the workers' own fetch)
 * turns a bundler that did not emit the worker, or a wrong asset path, into the element's error state.
 */
export const workerReady: Promise<void> = checkWorker(maplibregl.getWorkerUrl());
// Nobody may be awaiting yet; the rejection is handled where a map is created.
workerReady.catch(() => {});

async function checkWorker(url: string): Promise<void> {
  if (!url || url.startsWith('blob:') || url.startsWith('data:')) return;
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
    // Read the (empty) body: a response left unread is cancelled, which devtools and test harnesses
    // report as a failed request (net::ERR_ABORTED) though nothing failed.
    await response.arrayBuffer();
  } catch (error) {
    throw new Error(`MapLibre's worker could not be loaded from ${url} (${(error as Error).message}).`);
  }
  // A server that does not answer HEAD says nothing about the file.
  if (response.ok || response.status === 405 || response.status === 501) return;
  throw new Error(`MapLibre's worker could not be loaded from ${url} (HTTP ${response.status}).`);
}

/** One PMTiles protocol per page, so every map shares archive headers and directories. */
const protocol = new Protocol({ metadata: true });
maplibregl.addProtocol('pmtiles', protocol.tile);

/** The PMTiles archive for a URL, shared with the protocol (one header read per archive and page). */
export function pmtilesArchive(url: string): PMTiles {
  const existing = protocol.get(url);
  if (existing) return existing;
  const archive = new PMTiles(url);
  protocol.add(archive);
  return archive;
}

/** More tiles than this at the archive's lowest zoom and its features are not read (see archiveFeatures). */
const MAX_EXTENT_TILES = 16;

/** A region read from an archive's lowest-zoom tiles: its properties (`code`, `name`) and simplified shape. */
export interface ArchiveFeature {
  properties: Record<string, unknown>;
  geometry: GeometryLike;
}

/**
 * One layer's features in an archive, read from its lowest-zoom tiles within the header's bounds (coarse
 * shapes, enough to fit a view with the same antimeridian-aware bboxOf as GeoJSON: a PMTiles header's bounds
 * cannot cross the antimeridian, so an archive holding Alaska says "the whole world" there). Undefined when
 * that zoom has more than MAX_EXTENT_TILES tiles in the bounds.
 */
export async function archiveFeatures(archive: PMTiles, layer: string): Promise<ArchiveFeature[] | undefined> {
  const header = await archive.getHeader();
  const z = header.minZoom;
  const span = 2 ** z;
  const x = (lon: number) => Math.min(span - 1, Math.max(0, Math.floor(((lon + 180) / 360) * span)));
  const y = (lat: number) => {
    const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
    return Math.min(span - 1, Math.max(0, Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * span)));
  };
  const [x0, x1, y0, y1] = [x(header.minLon), x(header.maxLon), y(header.maxLat), y(header.minLat)];
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_EXTENT_TILES) return undefined;
  const tiles = [];
  for (let tx = x0; tx <= x1; tx++) for (let ty = y0; ty <= y1; ty++) tiles.push([tx, ty] as const);
  const features: ArchiveFeature[] = [];
  await Promise.all(
    tiles.map(async ([tx, ty]) => {
      const tile = await archive.getZxy(z, tx, ty);
      const tileLayer = tile ? new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[layer] : undefined;
      for (let i = 0; i < (tileLayer?.length ?? 0); i++) {
        const feature = tileLayer!.feature(i).toGeoJSON(tx, ty, z);
        features.push({ properties: feature.properties ?? {}, geometry: feature.geometry as GeometryLike });
      }
    }),
  );
  return features;
}

/** The header's bounds, unless they span the whole world (a header cannot say "across the antimeridian"). */
export async function headerBBox(archive: PMTiles): Promise<BBox | undefined> {
  const { minLon, minLat, maxLon, maxLat } = await archive.getHeader();
  return maxLon - minLon < 180 ? [minLon, minLat, maxLon, maxLat] : undefined;
}

/** Protomaps basemap layers, loaded only when a map shows a basemap. */
export function loadBasemapStyles(): Promise<typeof import('@protomaps/basemaps')> {
  return import('@protomaps/basemaps');
}

export { maplibregl, maplibreStyleSheet };
// The map side of the elements travels in this chunk too: nothing of it is needed before a map exists.
export { MapController } from './map-controller.ts';
