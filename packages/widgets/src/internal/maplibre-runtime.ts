// Everything heavy that a map needs, behind one dynamic import() so the CDN entry stays small and
// MapLibre arrives as chunks beside it only when an element first draws a map.
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { maplibreStyles } from './maplibre.styles.ts';
import { workerUrl } from './maplibre-worker-url.ts';

if (workerUrl) maplibregl.setWorkerUrl(workerUrl);

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

export { maplibregl, maplibreStyles };
