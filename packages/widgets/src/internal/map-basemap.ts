// The basemap under a MapController's regions: shapes from a Protomaps-schema PMTiles archive, shown only
// when the archive answers (a missing one leaves the regions drawn without it, and says so).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_SOURCE, FILL } from './map-layers.ts';
import type { MapSettings } from './map-controller.ts';

type Runtime = typeof import('./maplibre-runtime.ts');

/** The controller's side: its current map (undefined once removed) and whether its context is lost. */
interface MapOwner {
  readonly map: MapLibreMap | undefined;
  readonly contextLost: boolean;
}

export class Basemap {
  /** `url#theme` on the map, or null for none. */
  #shown: string | null = null;
  #request = 0;
  #failed: (reason: string) => void;

  constructor(failed: (reason: string) => void) {
    this.#failed = failed;
  }

  /** The map was removed or replaced: nothing is shown on the next one yet. */
  reset(): void {
    this.#shown = null;
  }

  /** Shows the basemap if its archive answers; a missing archive (404) leaves the map without one. */
  async apply(owner: MapOwner, runtime: Runtime, settings: MapSettings): Promise<void> {
    const map = owner.map;
    if (!map || owner.contextLost) return;
    const wanted = settings.basemap ? `${settings.basemap}#${settings.theme.name}` : null;
    if (wanted === this.#shown) return;
    const request = ++this.#request;
    for (const layer of map.getStyle().layers ?? []) {
      if ((layer as { source?: string }).source === BASEMAP_SOURCE) map.removeLayer(layer.id);
    }
    if (map.getSource(BASEMAP_SOURCE)) map.removeSource(BASEMAP_SOURCE);
    this.#shown = null;
    if (!settings.basemap) return;
    const url = settings.basemap;
    try {
      await runtime.pmtilesArchive(url).getHeader();
      const basemaps = await runtime.loadBasemapStyles();
      if (request !== this.#request || owner.map !== map || owner.contextLost) return;
      // Attribution comes from the archive's own metadata (the protocol reads it), whatever its data source.
      map.addSource(BASEMAP_SOURCE, { type: 'vector', url: `pmtiles://${url}` });
      // Labels and icons need glyph and sprite servers a self-hosted basemap may not have: shapes only.
      const layers = basemaps
        .layers(BASEMAP_SOURCE, basemaps.namedFlavor(settings.theme.name), { lang: 'en' })
        .filter((layer) => layer.type !== 'symbol' && layer.type !== 'background');
      const before = map.getLayer(FILL) ? FILL : undefined;
      for (const layer of layers) map.addLayer(layer, before);
      this.#shown = wanted;
    } catch (error) {
      // No basemap archive at that URL: the choropleth is complete without it, and says so.
      if (request === this.#request && owner.map === map) this.#failed((error as Error).message);
    }
  }
}
