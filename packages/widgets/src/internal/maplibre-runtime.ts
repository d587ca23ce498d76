// Everything heavy that a map needs, behind one dynamic import() so the CDN entry stays small and
// MapLibre arrives as chunks beside it only when an element first draws a map.
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { maplibreStyleSheet } from './maplibre.styles.ts';
import { workerUrl } from './maplibre-worker-url.ts';

if (workerUrl) maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's workers now: they boot (fetch + parse ~0.5 MB) while the map is being created, instead
// of after the regions are added, which is on the path to first paint.
maplibregl.prewarm();

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

/** Protomaps basemap layers, loaded only when a map shows a basemap. */
export function loadBasemapStyles(): Promise<typeof import('@protomaps/basemaps')> {
  return import('@protomaps/basemaps');
}

export { maplibregl, maplibreStyleSheet };
