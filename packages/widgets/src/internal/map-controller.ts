// Owns one maplibregl.Map for an element: creates it lazily (MapLibre is a separate chunk), adopts
// MapLibre's stylesheet into the element's shadow root, draws the regions once per boundary set and
// colours them only through feature-state, so new values never re-upload geometry. Removed with the host.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  MapLayerMouseEvent,
  MapOptions,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from '@chronos/core';
import type { BBox } from './bounds.ts';

type Runtime = typeof import('./maplibre-runtime.ts');

/** Regions to draw: a GeoJSON collection (fetched once per page) or a vector-tile archive. */
export type RegionSource =
  | { kind: 'geojson'; key: string; data: FeatureCollection }
  | { kind: 'vector'; key: string; url: string; sourceLayer: string };

/** Colours the map itself needs (the rest of the theme is CSS). */
export interface MapTheme {
  name: 'light' | 'dark';
  background: string;
  noData: string;
  noDataStripe: string;
  outline: string;
  hoverOutline: string;
  selectedOutline: string;
}

export interface MapSettings {
  interactive: boolean;
  cooperativeGestures: boolean;
  theme: MapTheme;
  /** PMTiles URL of a Protomaps-schema basemap, or null for none. */
  basemap: string | null;
  options?: Partial<MapOptions>;
}

export interface MapCallbacks {
  onHover(code: string | null, point: { x: number; y: number } | null): void;
  onClick(code: string): void;
  /** A failure of the region source (basemap failures are not reported: the map renders without it). */
  onError(message: string): void;
}

const SOURCE = 'chronos-regions';
const BASEMAP_SOURCE = 'chronos-basemap';
const FILL = 'chronos-regions-fill';
const NO_DATA = 'chronos-regions-no-data';
const LINE = 'chronos-regions-line';
const PATTERN = 'chronos-no-data';

let runtimePromise: Promise<Runtime> | undefined;
/** The MapLibre chunk, imported once per page. */
export function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= import('./maplibre-runtime.ts');
  return runtimePromise;
}

/** A diagonal hatch, drawn once per theme: stripes on transparent, over the no-data fill colour. */
function hatch(stripe: string, size = 8): { width: number; height: number; data: Uint8Array } {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(stripe.slice(i, i + 2), 16)) as [number, number, number];
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size > 1) continue;
      const offset = (y * size + x) * 4;
      data.set([r, g, b, 255], offset);
    }
  }
  return { width: size, height: size, data };
}

export class MapController implements ReactiveController {
  /** The map, once created. */
  map: MapLibreMap | undefined;
  #host: ReactiveControllerHost & HTMLElement;
  #callbacks: MapCallbacks;
  #creating: Promise<MapLibreMap> | undefined;
  #runtime: Runtime | undefined;
  #regions: RegionSource | undefined;
  #settings: MapSettings | undefined;
  #basemapShown: string | null = null;
  #basemapRequest = 0;
  #hovered: string | null = null;
  #selected: string | null = null;
  #painted = new Set<string>();

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: MapCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.map?.remove();
    this.map = undefined;
    this.#creating = undefined;
    this.#regions = undefined;
    this.#basemapShown = null;
    this.#painted.clear();
  }

  /**
   * Creates the map in `container` (once; later calls return the same map). It starts with an empty style
   * so that WebGL and style set-up overlap the boundary request. Rejects without WebGL.
   */
  attach(container: HTMLElement, settings: MapSettings): Promise<MapLibreMap> {
    this.#settings = settings;
    this.#creating ??= this.#create(container, settings).catch((error) => {
      this.#creating = undefined;
      throw error;
    });
    return this.#creating;
  }

  async #create(container: HTMLElement, settings: MapSettings): Promise<MapLibreMap> {
    const runtime = await loadRuntime();
    this.#runtime = runtime;
    const root = this.#host.shadowRoot;
    const sheet = runtime.maplibreStyleSheet();
    if (root && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    }
    const map = new runtime.maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: {},
        layers: [
          { id: 'chronos-background', type: 'background', paint: { 'background-color': settings.theme.background } },
        ],
      },
      center: [-100, 50],
      zoom: 1.5,
      interactive: settings.interactive,
      cooperativeGestures: settings.cooperativeGestures,
      attributionControl: { compact: true },
      fadeDuration: 0,
      ...settings.options,
    });
    // The hatch is added when the style first asks for it (and is not missing before the style loads).
    map.on('styleimagemissing', (event: { id: string }) => {
      if (event.id === PATTERN && !map.hasImage(PATTERN)) map.addImage(PATTERN, hatch(this.#theme.noDataStripe));
    });
    map.on('error', (event) => {
      const sourceId = (event as { sourceId?: string }).sourceId;
      if (sourceId === SOURCE) this.#callbacks.onError(event.error?.message ?? 'The boundaries could not be loaded.');
    });
    // 'style.load' (the style is usable) rather than 'load' (after the first full render): sources can be
    // added a frame earlier, and that frame is expensive where WebGL is software-rendered.
    if (!map.isStyleLoaded()) await new Promise<void>((resolve) => map.once('style.load', () => resolve()));
    if (!map.hasImage(PATTERN)) map.addImage(PATTERN, hatch(settings.theme.noDataStripe));
    map.on('mousemove', FILL, (event: MapLayerMouseEvent) => {
      const code = event.features?.[0]?.id;
      this.setHovered(typeof code === 'string' ? code : null);
      map.getCanvas().style.cursor = typeof code === 'string' ? 'pointer' : '';
      this.#callbacks.onHover(typeof code === 'string' ? code : null, event.point);
    });
    map.on('mouseleave', FILL, () => {
      this.setHovered(null);
      map.getCanvas().style.cursor = '';
      this.#callbacks.onHover(null, null);
    });
    map.on('click', FILL, (event: MapLayerMouseEvent) => {
      const code = event.features?.[0]?.id;
      if (typeof code === 'string') this.#callbacks.onClick(code);
    });
    this.map = map;
    this.#applyBasemap();
    return map;
  }

  /** Draws `regions` unless they are already drawn; returns true when the source changed. */
  setRegions(regions: RegionSource): boolean {
    const map = this.map;
    if (!map || !this.#settings) return false;
    if (this.#regions?.key === regions.key) return false;
    for (const id of [LINE, NO_DATA, FILL]) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    this.#painted.clear();
    this.#hovered = null;
    const source = this.#sourceSpec(regions);
    map.addSource(SOURCE, source);
    for (const layer of this.#regionLayers(regions, this.#settings.theme)) map.addLayer(layer);
    this.#regions = regions;
    return true;
  }

  get #theme(): MapTheme {
    return this.#settings!.theme;
  }

  #sourceSpec(regions: RegionSource): GeoJSONSourceSpecification | VectorSourceSpecification {
    return regions.kind === 'geojson'
      ? { type: 'geojson', data: regions.data as GeoJSONSourceSpecification['data'], promoteId: 'code' }
      : { type: 'vector', url: `pmtiles://${regions.url}`, promoteId: 'code' };
  }

  #regionLayers(regions: RegionSource, theme: MapTheme): LayerSpecification[] {
    const sourceLayer = regions.kind === 'vector' ? { 'source-layer': regions.sourceLayer } : {};
    return [
      { id: FILL, type: 'fill', source: SOURCE, ...sourceLayer, paint: this.#fillPaint(theme) },
      {
        id: NO_DATA,
        type: 'fill',
        source: SOURCE,
        ...sourceLayer,
        paint: {
          'fill-pattern': PATTERN,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hasValue'], false], 0, 1],
        },
      },
      { id: LINE, type: 'line', source: SOURCE, ...sourceLayer, paint: this.#linePaint(theme) },
    ];
  }

  #fillPaint(theme: MapTheme): { 'fill-color': ExpressionSpecification } {
    return { 'fill-color': ['coalesce', ['feature-state', 'color'], theme.noData] };
  }

  #linePaint(theme: MapTheme): { 'line-color': ExpressionSpecification; 'line-width': ExpressionSpecification } {
    return {
      'line-color': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        theme.selectedOutline,
        ['boolean', ['feature-state', 'hover'], false],
        theme.hoverOutline,
        theme.outline,
      ],
      'line-width': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        2.5,
        ['boolean', ['feature-state', 'hover'], false],
        2,
        0.6,
      ],
    };
  }

  #feature(code: string): { source: string; id: string; sourceLayer?: string } {
    return this.#regions?.kind === 'vector'
      ? { source: SOURCE, id: code, sourceLayer: this.#regions.sourceLayer }
      : { source: SOURCE, id: code };
  }

  /** Colours regions: `colors` maps a code to its class colour; every other code drawn before is cleared. */
  paint(colors: Map<string, string>, allCodes: Iterable<string>): void {
    const map = this.map;
    if (!map || !this.#regions) return;
    const codes = new Set([...allCodes, ...this.#painted]);
    for (const code of codes) {
      const color = colors.get(code);
      map.setFeatureState(this.#feature(code), { color: color ?? null, hasValue: color !== undefined });
    }
    this.#painted = new Set(codes);
  }

  /** Outlines the region under the pointer or the keyboard focus (null clears). */
  setHovered(code: string | null): void {
    if (code === this.#hovered || !this.map || !this.#regions) return;
    if (this.#hovered) this.map.setFeatureState(this.#feature(this.#hovered), { hover: false });
    if (code) this.map.setFeatureState(this.#feature(code), { hover: true });
    this.#hovered = code;
  }

  /** Outlines the selected region (null clears). */
  setSelected(code: string | null): void {
    if (!this.map || !this.#regions) {
      this.#selected = code;
      return;
    }
    if (this.#selected) this.map.setFeatureState(this.#feature(this.#selected), { selected: false });
    if (code) this.map.setFeatureState(this.#feature(code), { selected: true });
    this.#selected = code;
  }

  /** Bounding box of a region drawn from vector tiles (only the tiles loaded so far are known). */
  vectorBBox(code: string): BBox | undefined {
    const map = this.map;
    if (!map || this.#regions?.kind !== 'vector') return undefined;
    const filter: FilterSpecification = ['==', ['get', 'code'], code];
    const features = map.querySourceFeatures(SOURCE, { sourceLayer: this.#regions.sourceLayer, filter });
    let box: BBox | undefined;
    for (const feature of features) {
      const coordinates: number[][] = [];
      const walk = (c: unknown): void => {
        if (Array.isArray(c) && typeof c[0] === 'number') coordinates.push(c as number[]);
        else if (Array.isArray(c)) for (const child of c) walk(child);
      };
      walk((feature.geometry as { coordinates?: unknown }).coordinates);
      for (const [lon, lat] of coordinates as [number, number][]) {
        box = box
          ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
          : [lon, lat, lon, lat];
      }
    }
    return box;
  }

  fit(bbox: BBox, animate = false): void {
    this.map?.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: 12, animate },
    );
  }

  /** Applies a new theme, basemap or interaction setting to an existing map. */
  update(settings: MapSettings): void {
    const previous = this.#settings;
    this.#settings = settings;
    const map = this.map;
    if (!map || !previous) return;
    if (previous.theme !== settings.theme) {
      map.setPaintProperty('chronos-background', 'background-color', settings.theme.background);
      if (map.getLayer(FILL)) map.setPaintProperty(FILL, 'fill-color', this.#fillPaint(settings.theme)['fill-color']);
      if (map.getLayer(LINE)) {
        const line = this.#linePaint(settings.theme);
        map.setPaintProperty(LINE, 'line-color', line['line-color']);
        map.setPaintProperty(LINE, 'line-width', line['line-width']);
      }
      map.updateImage(PATTERN, hatch(settings.theme.noDataStripe));
    }
    if (previous.interactive !== settings.interactive) {
      for (const handler of [
        map.dragPan,
        map.scrollZoom,
        map.boxZoom,
        map.dragRotate,
        map.keyboard,
        map.doubleClickZoom,
        map.touchZoomRotate,
      ]) {
        if (settings.interactive) handler.enable();
        else handler.disable();
      }
    }
    if (previous.cooperativeGestures !== settings.cooperativeGestures) {
      if (settings.cooperativeGestures) map.cooperativeGestures.enable();
      else map.cooperativeGestures.disable();
    }
    if (previous.basemap !== settings.basemap || previous.theme.name !== settings.theme.name) this.#applyBasemap();
  }

  /** Shows the basemap if its archive answers; a missing archive (404) leaves the map without one. */
  async #applyBasemap(): Promise<void> {
    const map = this.map;
    const runtime = this.#runtime;
    const settings = this.#settings;
    if (!map || !runtime || !settings) return;
    const wanted = settings.basemap ? `${settings.basemap}#${settings.theme.name}` : null;
    if (wanted === this.#basemapShown) return;
    const request = ++this.#basemapRequest;
    for (const layer of map.getStyle().layers ?? []) {
      if ((layer as { source?: string }).source === BASEMAP_SOURCE) map.removeLayer(layer.id);
    }
    if (map.getSource(BASEMAP_SOURCE)) map.removeSource(BASEMAP_SOURCE);
    this.#basemapShown = null;
    if (!settings.basemap) return;
    const url = settings.basemap;
    try {
      await runtime.pmtilesArchive(url).getHeader();
      const basemaps = await runtime.loadBasemapStyles();
      if (request !== this.#basemapRequest || this.map !== map) return;
      // Attribution comes from the archive's own metadata (the protocol reads it), whatever its data source.
      map.addSource(BASEMAP_SOURCE, { type: 'vector', url: `pmtiles://${url}` });
      // Labels and icons need glyph and sprite servers a self-hosted basemap may not have: shapes only.
      const layers = basemaps
        .layers(BASEMAP_SOURCE, basemaps.namedFlavor(settings.theme.name), { lang: 'en' })
        .filter((layer) => layer.type !== 'symbol' && layer.type !== 'background');
      const before = map.getLayer(FILL) ? FILL : undefined;
      for (const layer of layers) map.addLayer(layer, before);
      this.#basemapShown = wanted;
    } catch {
      // No basemap archive at that URL: the choropleth is complete without it.
    }
  }

  /**
   * Resolves once the map shows what it was asked to: the next frame when its sources are loaded
   * (feature-state changes are applied in that frame), else when everything has loaded and drawn.
   */
  painted(): Promise<void> {
    const map = this.map;
    if (!map) return Promise.resolve();
    const event = map.loaded() ? 'render' : 'idle';
    return new Promise((resolve) => {
      map.once(event, () => resolve());
      map.triggerRepaint();
    });
  }
}
