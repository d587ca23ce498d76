// The map side of <chronos-choropleth>: its MapLibre map (MapController) in the element's map area,
// created once the element may hold a WebGL context and created again as it was after a release; the
// regions drawn, selected and fitted once per boundary set; the element's attributes as map settings;
// MapLibre's own words kept in the element's language.
import type { ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import type { RegionGeometry } from '../../internal/geometry-loader.ts';
import type { MapCallbacks, MapSettings, MapTheme } from '../../internal/map-controller.ts';
import { MapHandle } from '../../internal/map-handle.ts';
import type { VisibilityController } from '../../internal/visibility.ts';
import { messagesOf } from '../../internal/lang.ts';
import { mapFailure } from './choropleth-errors.ts';
import { quietCanvas } from './choropleth-keyboard.ts';

/** The element's attributes that become map settings. */
export interface MapAttributes {
  interactive: boolean;
  cooperativeGestures: boolean;
  basemap?: string | undefined;
  mapOptions?: Partial<MapOptions> | undefined;
}

/** The element's attributes as map settings; without a `basemap` attribute, the API's own basemap. */
export function mapSettings(attributes: MapAttributes, theme: MapTheme, api: () => string): MapSettings {
  const basemap = attributes.basemap?.trim();
  return {
    interactive: attributes.interactive,
    cooperativeGestures: attributes.cooperativeGestures,
    theme,
    basemap:
      basemap === 'none'
        ? null
        : basemap
          ? new URL(basemap, document.baseURI).href
          : new URL(`${api()}/tiles/basemap.pmtiles`, document.baseURI).href,
    ...(attributes.mapOptions ? { options: attributes.mapOptions } : {}),
  };
}

/**
 * Puts MapLibre's own words on an existing map. MapLibre reads them (its `locale` option) only when a map is
 * created and has no public setter (6.17): its table is patched, so what it writes from now on is in the new
 * language, and what it already wrote is rewritten: the attribution button's title and label, the
 * cooperative-gesture hints (re-created by turning the handler off and on).
 */
export function applyMapLibreWords(map: MapLibreMap, words: Record<string, string>): void {
  Object.assign(map._locale, words);
  const toggle = words['AttributionControl.ToggleAttribution'];
  for (const button of map.getContainer().querySelectorAll<HTMLElement>('.maplibregl-ctrl-attrib-button')) {
    if (toggle) button.title = toggle;
    if (toggle) button.setAttribute('aria-label', toggle);
  }
  if (map.cooperativeGestures.isEnabled()) {
    map.cooperativeGestures.disable();
    map.cooperativeGestures.enable();
  }
}

/** What the map side reads from the element, at the time it needs it. */
export interface ChoroplethMapHooks {
  settings(): MapSettings;
  selected(): string | null;
  visibility(): VisibilityController;
  /** A released map could not be created again. */
  failed(message: string): void;
  /** A released map was created again and shows its regions and colours (the element fires `chronos-load`). */
  restored(): void;
}

export class ChoroplethMap {
  /** The element's map area. */
  readonly container = createRef<HTMLDivElement>();
  readonly controller: MapHandle;
  /** The next regions drawn are fitted into view (set again for new regions and after a move in the DOM). */
  needsFit = true;
  #firstMap = true;
  #hooks: ChoroplethMapHooks;
  #host: HTMLElement;
  /** The MapLibre words each map shows (a map is created with the language of that moment). */
  #words = new WeakMap<MapLibreMap, Record<string, string>>();

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: MapCallbacks, hooks: ChoroplethMapHooks) {
    this.controller = new MapHandle(host, callbacks);
    // After every update of the element (a `lang` change among them): MapLibre's words in its language.
    host.addController({ hostUpdated: () => this.#followLanguage() });
    this.#hooks = hooks;
    this.#host = host;
  }

  /** Applies the element's current settings (theme, basemap, interaction) to the map. */
  update(): void {
    this.controller.update(this.#settings());
  }

  /** The element's settings, with MapLibre's own words (attribution button, gesture hints) in its language. */
  #settings(): MapSettings {
    const settings = this.#hooks.settings();
    return { ...settings, options: { locale: messagesOf(this.#host).map.maplibre, ...settings.options } };
  }

  #followLanguage(): void {
    const map = this.controller.map;
    if (!map) return;
    const words = messagesOf(this.#host).map.maplibre;
    if (this.#words.get(map) === words) return;
    this.#words.set(map, words);
    applyMapLibreWords(map, words);
  }

  /** Creates the map once the element may hold a WebGL context (near the viewport, or `lazy` off). */
  attach(): Promise<unknown> | undefined {
    const container = this.container.value;
    if (!container) return undefined;
    return this.#hooks
      .visibility()
      .whenWanted()
      .then(() => {
        this.#firstMap = !this.controller.map;
        return this.#created(this.controller.attach(container, this.#settings()));
      });
  }

  /** Resolves once the map can show values (MapLibre's worker loads); rejects with the element's map failure. */
  ready(): Promise<void> {
    return this.controller.ready().catch((error: unknown) => this.#failed(error));
  }

  /** A released map came near the viewport again: recreated as it was, without loading anything, and announced
   * once it shows its regions again. */
  restore(): void {
    const container = this.container.value;
    if (!container || !this.controller.released) return;
    const visibility = this.#hooks.visibility();
    void visibility
      .whenWanted()
      .then(() => this.#created(this.controller.restore(container)))
      .then(() => this.controller.painted())
      .then(() => this.#hooks.restored())
      .catch((error: unknown) => {
        if (!removed(error)) this.#hooks.failed((error as Error).message);
      })
      .finally(() => visibility.settled());
  }

  #created<T>(creating: Promise<T>): Promise<T> {
    const visibility = this.#hooks.visibility();
    return creating.then(
      (map) => {
        visibility.started();
        quietCanvas(this.controller.map?.getCanvas());
        return map;
      },
      (error: unknown) => this.#failed(error),
    );
  }

  /** The map could not be created, or was removed: it holds no WebGL context; the element's map failure. */
  #failed(error: unknown): never {
    this.#hooks.visibility().stopped();
    // Removed while being created: not a failure (the run that asked for the map was aborted with the removal).
    if (removed(error)) throw error;
    throw mapFailure(error, messagesOf(this.#host));
  }

  /** Draws the regions (once per boundary set), outlines the selected one and fits the view when due. */
  draw(geometry: RegionGeometry): void {
    const regionsChanged = this.controller.setRegions(geometry.source);
    if (regionsChanged) this.needsFit = true;
    if (regionsChanged || this.#firstMap) this.controller.setSelected(this.#hooks.selected());
    if (this.needsFit && (geometry.view ?? geometry.bbox)) {
      this.controller.fit((geometry.view ?? geometry.bbox)!);
      this.needsFit = false;
    }
  }
}

/** Whether a map's creation was given up because its element left the page (MapController's AbortError). */
const removed = (error: unknown): boolean => (error as Error | undefined)?.name === 'AbortError';
