// Where a map's regions come from: the API's GeoJSON (every region set in one request per page, each
// map keeping the sets it shows), a GeoJSON file the page names, or a PMTiles archive of vector tiles.
// Every download goes through @chronos/core's page-wide request cache, so N maps cost one request.
import {
  type BBox,
  bboxOf,
  type ChronosClient,
  type FeatureCollection,
  REGION_SETS,
  selectRegions,
  sharedFile,
} from '@chronos/core';
import type { RegionSource } from './map-layers.ts';
import { initialView } from './initial-view.ts';
import { loadRuntime } from './map-handle.ts';

export interface RegionGeometry {
  source: RegionSource;
  bbox: BBox | undefined;
  /** The box the map first opens on (the main regions; see initial-view.ts), when it differs from bbox. */
  view?: BBox | undefined;
  /** Code → display name, when the geometry carries names. */
  names: Map<string, string>;
  /** The names by language (`fr` from the boundaries' `name_fr`, the English name where it has none). */
  localNames?: Record<string, Map<string, string>>;
  features: Map<string, FeatureCollection['features'][number]>;
}

export interface GeometryRequest {
  /** The element's `boundaries`: `api`, a `.pmtiles` URL or a GeoJSON file URL. */
  boundaries: string;
  /** The API base URL (part of the source key: two APIs are two geometries). */
  api: string;
  client: ChronosClient;
  /** Region sets shown, comma-separated. */
  geo: string;
  signal: AbortSignal;
}

export async function loadGeometry(request: GeometryRequest): Promise<RegionGeometry> {
  const boundaries = request.boundaries.trim() || 'api';
  if (boundaries !== 'api' && new URL(boundaries, document.baseURI).pathname.endsWith('.pmtiles')) {
    return loadVectorGeometry(new URL(boundaries, document.baseURI).href);
  }
  // Every region set, whatever this map shows: one URL, so one download for every map on the page.
  const collection =
    boundaries === 'api'
      ? selectRegions(
          await request.client.boundaries({
            geo: REGION_SETS,
            detail: 'medium',
            format: 'geojson',
            signal: request.signal,
          }),
          request.geo,
        )
      : await sharedFile<FeatureCollection>(new URL(boundaries, document.baseURI).href, request.signal);
  const names = new Map<string, string>();
  const french = new Map<string, string>();
  const features = new Map<string, FeatureCollection['features'][number]>();
  for (const feature of collection.features) {
    const code = String(feature.properties?.code ?? feature.id);
    names.set(code, String(feature.properties?.name ?? code));
    french.set(code, String(feature.properties?.name_fr || names.get(code)));
    features.set(code, feature);
  }
  const key = boundaries === 'api' ? `api:${request.api}|${request.geo}` : `file:${boundaries}`;
  // Each box walks every coordinate (~10 ms): worked out when first asked for (the first view, when the map is
  // fitted; the whole box only when there is no first view), not on the way to the map.
  const bbox = once(() => bboxOf(collection.features.map((feature) => feature.geometry)));
  const view = once(() => initialView(collection.features));
  return {
    source: { kind: 'geojson', key, data: collection },
    get bbox() {
      return bbox();
    },
    get view() {
      return view();
    },
    names,
    localNames: { fr: french },
    features,
  };
}

/** `compute`'s result, worked out on the first call. */
function once<T>(compute: () => T): () => T {
  let result: { value: T } | undefined;
  return () => {
    result ??= { value: compute() };
    return result.value;
  };
}

/**
 * A PMTiles archive: its first layer is the regions; names and shapes arrive with the tiles. The first view
 * fits the main regions as for GeoJSON (initial-view.ts), from the archive's lowest-zoom shapes; an archive
 * whose lowest zoom is too detailed to read whole falls back on its header's bounds.
 */
async function loadVectorGeometry(url: string): Promise<RegionGeometry> {
  const runtime = await loadRuntime();
  const archive = runtime.pmtilesArchive(url);
  const metadata = await archive.getMetadata();
  const layers = (metadata as { vector_layers?: { id: string }[] } | undefined)?.vector_layers ?? [];
  const sourceLayer = layers[0]?.id ?? 'regions';
  const features = await runtime.archiveFeatures(archive, sourceLayer);
  const source: RegionSource = { kind: 'vector', key: url, url, sourceLayer };
  if (!features) return { source, bbox: await runtime.headerBBox(archive), names: new Map(), features: new Map() };
  return {
    source,
    bbox: bboxOf(features.map((feature) => feature.geometry)),
    view: initialView(features),
    names: new Map(),
    features: new Map(),
  };
}
