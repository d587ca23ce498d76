// Owns one maplibregl.Map for an element: travels in the MapLibre chunk and is created with the element's
// first map (by its MapHandle, map-handle.ts, which stands in for it until then), adopts MapLibre's stylesheet into the element's shadow root, draws the regions once per boundary set and
// colours them only through feature-state (map-feature-state.ts), so new values never re-upload geometry. Removed with the host.
// When the browser takes the WebGL context away, MapLibre drops its style: nothing touches the map until
// the context is restored, and then the regions, colours, outlines and settings are put back.
// Released (WebGL context given back) while far off-screen, it is restored as it was: same view, regions,
// colours and selection.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import type { BBox } from '@chronos/core';
import { messagesOf } from './lang.ts';
import { Basemap } from './map-basemap.ts';
import {
  hatch,
  type MapTheme,
  PATTERN,
  REGION_LAYERS,
  type RegionSource,
  regionLayers,
  SOURCE,
  sourceSpec,
  vectorRegionBBox,
} from './map-layers.ts';
import { RegionFeatureState } from './map-feature-state.ts';
import { watchMapFailures } from './map-failures.ts';
import { ContextLoss, drawnFrame, FIT_PADDING, mapOptions, type Released, releasedState } from './map-lifecycle.ts';
import { watchRegionPointer } from './map-pointer.ts';
import { applySettings } from './map-settings.ts';

export type { MapTheme, RegionSource } from './map-layers.ts';

type Runtime = typeof import('./maplibre-runtime.ts');

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
  /** The map cannot draw: the region source failed, or MapLibre's worker did not load or was blocked. */
  onError(message: string): void;
  /** The basemap at `url` could not be shown (MapLibre's `reason`, '' when none); the regions draw without it. */
  onBasemapError(url: string, reason: string): void;
  /** The WebGL context was lost (true), or restored and the regions repainted (false). */
  onContextLost(lost: boolean): void;
}

/** A map that has not drawn its regions after this long is reported as failing (a last resort: blocked
 * workers and failing sources are reported by their own events within a few seconds). */
const DRAW_DEADLINE_MS = 45_000;

export class MapController implements ReactiveController {
  /** The map, once created. */
  map: MapLibreMap | undefined;
  #host: ReactiveControllerHost & HTMLElement;
  #callbacks: MapCallbacks;
  #creating: Promise<MapLibreMap> | undefined;
  #runtime: Runtime;
  #regions: RegionSource | undefined;
  #settings: MapSettings | undefined;
  #basemap = new Basemap((reason) => this.#basemapFailed(reason));
  #states = new RegionFeatureState({
    map: () => this.map,
    regions: () => this.#regions,
    contextLost: () => this.#context.lost,
    released: () => this.#released !== undefined,
  });
  /** Settings and region source on the map itself (they lag behind while the context is lost). */
  #drawn: MapSettings | undefined;
  #regionsDrawn: string | undefined;
  #context = new ContextLoss((lost) => this.#callbacks.onContextLost(lost));
  #unwatch: (() => void) | undefined;
  /** Set while released: what the restored map shows. */
  #released: Released | undefined;
  #restoring: Promise<MapLibreMap> | undefined;
  /** Runs waiting for a released map to be back and painted. */
  #backFromRelease: (() => void)[] = [];
  /** Counts the times the map was removed (with the host, or released): a map whose creation spans one is dropped. */
  #removals = 0;

  /** `runtime` is the MapLibre chunk this class came with (passed in: the chunk's module imports this one). */
  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: MapCallbacks, runtime: Runtime) {
    this.#host = host;
    this.#callbacks = callbacks;
    this.#runtime = runtime;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#removals++;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#context.set(false);
    this.map?.remove();
    this.map = undefined;
    this.#creating = undefined;
    this.#regions = undefined;
    this.#basemap.reset();
    this.#states.painted.clear();
    this.#drawn = undefined;
    this.#regionsDrawn = undefined;
    this.#released = undefined;
    this.#restoring = undefined;
    for (const resolve of this.#backFromRelease.splice(0)) resolve();
  }

  /** True while the browser has taken the map's WebGL context away. */
  get contextLost(): boolean {
    return this.#context.lost;
  }

  /** Whether the map was released and not yet restored. */
  get released(): boolean {
    return this.#released !== undefined;
  }

  /** Removes the map (its WebGL context is lost with it), keeping what it showed for `restore()`. */
  release(): void {
    const map = this.map;
    if (!map) return;
    this.#released = releasedState(map, this.#regions);
    this.#remove();
  }

  /** Removes the map and forgets what was drawn on it; the next attach() creates another. */
  #remove(): void {
    this.#removals++;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#context.set(false);
    this.map?.remove();
    this.map = undefined;
    this.#creating = undefined;
    this.#regions = undefined;
    this.#drawn = undefined;
    this.#regionsDrawn = undefined;
    this.#basemap.reset();
    this.#states.hovered = null;
  }

  /** Creates the released map again in `container` with the same view, regions, colours and selection. */
  restore(container: HTMLElement): Promise<MapLibreMap | undefined> {
    const released = this.#released;
    if (!released || !this.#settings) return Promise.resolve(this.map);
    this.#restoring ??= this.attach(container, this.#settings).then((map) => {
      this.#restoring = undefined;
      if (this.map !== map) return map;
      const states = this.#states;
      const codes = [...states.painted];
      // Unless a full load drew (other) regions on the new map meanwhile.
      if (released.regions && !this.#regions) this.setRegions(released.regions);
      states.paint(states.colors, codes);
      const selected = states.selected;
      states.selected = null;
      states.setSelected(selected);
      void this.painted().then(() => {
        for (const resolve of this.#backFromRelease.splice(0)) resolve();
      });
      return map;
    });
    return this.#restoring.catch((error) => {
      this.#restoring = undefined;
      throw error;
    });
  }

  /**
   * Creates the map in `container` (once; later calls return the same map). It starts with an empty style
   * so that WebGL and style set-up overlap the boundary request. Rejects without WebGL.
   */
  attach(container: HTMLElement, settings: MapSettings): Promise<MapLibreMap> {
    this.#settings = settings;
    if (!this.#creating) {
      const creating = this.#create(container, settings).catch((error) => {
        // Unless another creation started meanwhile (the host was moved in the DOM).
        if (this.#creating === creating) this.#creating = undefined;
        throw error;
      });
      this.#creating = creating;
    }
    return this.#creating;
  }

  async #create(container: HTMLElement, settings: MapSettings): Promise<MapLibreMap> {
    // Off the page (removed while the MapLibre chunk or an idle moment was awaited): no WebGL context to hold.
    if (!this.#host.isConnected) throw removedMeanwhile();
    const removals = this.#removals;
    const runtime = this.#runtime;
    const root = this.#host.shadowRoot;
    const sheet = runtime.maplibreStyleSheet();
    if (root && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    }
    const map = new runtime.maplibregl.Map(mapOptions(container, settings, this.#released?.camera));
    this.#unwatch?.();
    const unwatch = watchMapFailures(map, {
      fatal: (message) => this.#callbacks.onError(message),
      basemap: (reason) => this.#basemapFailed(reason),
      messages: () => messagesOf(this.#host),
    });
    this.#unwatch = unwatch;
    // The hatch is added when the style first asks for it (and is not missing before the style loads).
    map.on('styleimagemissing', (event: { id: string }) => {
      if (event.id === PATTERN && !map.hasImage(PATTERN)) map.addImage(PATTERN, hatch(this.#theme.noDataStripe));
    });
    map.on('webglcontextlost', () => this.#context.set(true));
    map.on('webglcontextrestored', () => void this.#restore(map));
    // 'style.load' (the style is usable) rather than 'load' (after the first full render): sources can be
    // added a frame earlier, and that frame is expensive where WebGL is software-rendered.
    if (!map.isStyleLoaded()) await new Promise<void>((resolve) => map.once('style.load', () => resolve()));
    // Removed (or moved, which creates another) while the style loaded: this map was never the host's.
    if (removals !== this.#removals) {
      unwatch();
      map.remove();
      throw removedMeanwhile();
    }
    if (!map.hasImage(PATTERN)) map.addImage(PATTERN, hatch(settings.theme.noDataStripe));
    watchRegionPointer(map, {
      hover: (code, point) => {
        this.setHovered(code);
        this.#callbacks.onHover(code, point);
      },
      click: (code) => this.#callbacks.onClick(code),
    });
    this.map = map;
    this.#drawn = settings;
    this.#released = undefined;
    this.#applyBasemap();
    return map;
  }

  /**
   * Resolves once MapLibre's worker is known to load. A worker that cannot would leave the map waiting for ever:
   * the map is removed instead and this rejects (the element's error state). Checked apart from attach() so that
   * regions can be drawn, and the worker start tiling them, while the check's request is still out.
   */
  async ready(): Promise<void> {
    try {
      await this.#runtime.workerReady;
    } catch (error) {
      this.#remove();
      throw error;
    }
  }

  /** Draws `regions` unless they are already drawn; returns true when the source changed. */
  setRegions(regions: RegionSource): boolean {
    const map = this.map;
    if (!map || !this.#settings) return false;
    if (this.#regions?.key === regions.key) return false;
    this.#regions = regions;
    this.#states.painted.clear();
    // While the context is lost they are drawn when it comes back (#restore).
    if (!this.#context.lost) this.#drawRegions(map, regions);
    return true;
  }

  #drawRegions(map: MapLibreMap, regions: RegionSource): void {
    for (const id of [...REGION_LAYERS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    this.#states.painted.clear();
    this.#states.hovered = null;
    const source = sourceSpec(regions);
    map.addSource(SOURCE, source);
    this.#states.stateColors.clear();
    for (const layer of regionLayers(regions, this.#theme)) map.addLayer(layer);
    this.#regionsDrawn = regions.key;
    this.#states.applyFlags(map);
  }

  get #theme(): MapTheme {
    return this.#settings!.theme;
  }

  /** Colours regions: `colors` maps a code to its class colour; every other code drawn before is cleared. */
  paint(colors: Map<string, string>, allCodes: Iterable<string>): void {
    this.#states.paint(colors, allCodes);
  }

  /** Outlines the region under the pointer or the keyboard focus (null clears). */
  setHovered(code: string | null): void {
    this.#states.setHovered(code);
  }

  /** Sets feature-state `flag` on exactly `codes`; kept across context loss and release. */
  setFlag(flag: string, codes: readonly string[]): void {
    this.#states.setFlag(flag, codes);
  }

  /** Outlines the selected region (null clears). */
  setSelected(code: string | null): void {
    this.#states.setSelected(code);
  }

  /** Bounding box of a region drawn from vector tiles (only the tiles loaded so far are known). */
  vectorBBox(code: string): BBox | undefined {
    const map = this.map;
    if (!map || this.#regions?.kind !== 'vector' || this.#context.lost) return undefined;
    return vectorRegionBBox(map, this.#regions.sourceLayer, code);
  }

  fit(bbox: BBox, animate = false): void {
    const released = this.#released;
    if (!this.map && released) {
      // The restored map opens on the box: centre and zoom are worked out when it has a size again.
      released.camera = { ...released.camera, bounds: bbox };
      return;
    }
    this.map?.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: FIT_PADDING, animate },
    );
  }

  /** Applies a new theme, basemap or interaction setting to an existing map. */
  update(settings: MapSettings): void {
    this.#settings = settings;
    const map = this.map;
    const previous = this.#drawn;
    if (!map || !previous || this.#context.lost) return;
    this.#drawn = settings;
    applySettings(map, previous, settings);
    if (previous.basemap !== settings.basemap || previous.theme.name !== settings.theme.name) this.#applyBasemap();
  }

  #applyBasemap(): void {
    if (this.#settings) void this.#basemap.apply(this, this.#runtime, this.#settings);
  }

  #basemapFailed(reason: string): void {
    const url = this.#settings?.basemap;
    if (!url) return;
    this.#callbacks.onBasemapError(url, reason);
  }

  /**
   * The context is back and MapLibre restores its style from a snapshot taken when it was lost, without
   * feature-state: draw what changed meanwhile, then every colour and outline again.
   */
  async #restore(map: MapLibreMap): Promise<void> {
    if (this.#regionsDrawn && !map.getSource(SOURCE)) {
      await new Promise<void>((resolve) => map.once('style.load', () => resolve()));
    }
    if (this.map !== map || !this.#context.lost) return;
    // Waiters of painted() resume after this synchronous block, so they wait for the frame drawn below.
    this.#context.set(false);
    const { painted, hovered, selected } = this.#states;
    const codes = new Set(painted);
    const regions = this.#regions;
    if (regions && regions.key !== this.#regionsDrawn) this.#drawRegions(map, regions);
    if (this.#settings && this.#settings !== this.#drawn) this.update(this.#settings);
    this.#states.rewrite(map, codes, hovered, selected);
    map.triggerRepaint();
  }

  /**
   * Resolves once the map shows what it was asked to: in the task of the next frame drawn with every region tile
   * loaded (feature-state is applied in each frame), whatever the basemap's tiles are doing ('idle' waits for them).
   */
  async painted(): Promise<void> {
    await this.#context.whenRestored;
    const map = this.map;
    // Released: painted when the map is restored (an aborted run simply never reads the answer).
    if (!map && this.#released) return new Promise((resolve) => this.#backFromRelease.push(resolve));
    if (!map) return;
    const regionsDrawn = () => this.#regions !== undefined && !!map.getSource(SOURCE) && map.isSourceLoaded(SOURCE);
    // A map whose regions never draw (a worker that never answered) must not stay blank and "ready".
    await drawnFrame(map, this.#regions ? regionsDrawn : undefined, DRAW_DEADLINE_MS, (resolve) => {
      if (this.map !== map || this.#context.lost) return;
      if (regionsDrawn()) resolve();
      else this.#callbacks.onError(messagesOf(this.#host).mapFailures.didNotDraw(DRAW_DEADLINE_MS / 1000));
    });
  }
}

/** The rejection of a map creation that the host's removal made pointless (its load run was aborted with it). */
function removedMeanwhile(): Error {
  return new DOMException('The element was removed while its map was being created', 'AbortError');
}
