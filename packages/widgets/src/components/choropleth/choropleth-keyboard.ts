// The map of <chronos-choropleth> from the keyboard: one tab stop (the map area); arrow keys move the focus to
// the nearest region in that direction (across the US–Canada border like any other), Home and End to the
// first and last region in the data table's order, Enter or Space selects as a click does, Escape clears,
// + and − zoom. The focused region is outlined on the map (feature-state `focused`), the tooltip follows it,
// the live region speaks it, and a region outside the view is brought into it (zoomTo). The focus appears
// for keyboard users only: a click on the map focuses the area without outlining a region. Where the keys
// lead (region anchors, nearest-region search) is choropleth-navigation.ts, a chunk fetched when the element
// connects (not in the CDN entry); a focus or key that comes before it has arrived is taken (a key's default
// prevented) and acted on when it arrives.
import { lazyModule } from '@chronos/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { RegionGeometry } from '../../internal/geometry-loader.ts';
import type { MapHandle } from '../../internal/map-handle.ts';
import type { ChoroplethA11y } from './choropleth-a11y.ts';

/** The element as the keyboard uses it: its selection, and zoomTo for a region out of view. */
export interface KeyboardHost extends ReactiveControllerHost, HTMLElement {
  selected?: string | undefined;
  select(code: string | null): boolean;
  zoomTo(code: string): boolean;
}

/** What the keyboard reads from and does to the element beyond its public side. */
export interface KeyboardHooks {
  controller(): MapHandle;
  geometry(): RegionGeometry | undefined;
  /** Selects a region as a click does (the `chronos-region-click` event). */
  activate(code: string): void;
  /** The focused region changed (null: none), as a hover would. */
  hover(code: string | null): void;
}

type Navigation = typeof import('./choropleth-navigation.ts');
type Direction = import('./choropleth-navigation.ts').Direction;

/** The navigation module, imported once per page. */
const navigationModule = lazyModule(() => import('./choropleth-navigation.ts'));

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Whether the user asked for less motion: the map jumps instead of flying. */
export function reducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** MapLibre makes its canvas a second tab stop and a "Map" landmark (one per map on the page): the map area
 * around it is the one tab stop and carries the name, so the canvas is neither. */
export function quietCanvas(canvas: HTMLCanvasElement | undefined): void {
  if (!canvas) return;
  canvas.removeAttribute('tabindex');
  canvas.removeAttribute('role');
  canvas.removeAttribute('aria-label');
}

export class MapKeyboard implements ReactiveController {
  /** The region with the keyboard focus (outlined), while the map area has the focus. */
  focused: string | null = null;
  #host: KeyboardHost;
  #a11y: ChoroplethA11y;
  #hooks: KeyboardHooks;
  /** The last region focused, taken up again when the focus comes back to the map. */
  #last: string | null = null;
  #moving: MapLibreMap | undefined;
  #repaint = (): void => this.#host.requestUpdate();

  constructor(host: KeyboardHost, a11y: ChoroplethA11y, hooks: KeyboardHooks) {
    this.#host = host;
    this.#a11y = a11y;
    this.#hooks = hooks;
    host.addController(this);
  }

  hostConnected(): void {
    // Fetched beside the map's other chunks, so that it is there when the map area first gets the focus.
    void navigationModule.load().catch(() => undefined);
  }

  hostDisconnected(): void {
    this.#moving?.off('moveend', this.#repaint);
    this.#moving = undefined;
    this.focused = null;
    // The map goes with the element: a map drawn again later starts with no region focused.
    this.#hooks.controller().setFlag('focused', []);
  }

  /** Where the tooltip of the focused region goes (map-area pixels), while one is focused. */
  tooltip(): { code: string; x: number; y: number } | undefined {
    const map = this.#hooks.controller().map;
    const anchor = this.focused ? this.#anchors().get(this.focused) : undefined;
    if (!map || !anchor || !this.focused) return undefined;
    const point = map.project(anchor);
    return { code: this.focused, x: point.x, y: point.y };
  }

  readonly onFocus = (event: FocusEvent): void => {
    // A click focuses the map area too: only keyboard focus shows a region.
    const area = event.target as HTMLElement;
    if (!area.matches(':focus-visible')) return;
    this.#withNavigation(() => {
      const code = this.#last ?? this.#host.selected ?? null;
      if (area.matches(':focus-visible') && code && this.#anchors().has(code)) this.#focus(code);
    });
  };

  readonly onBlur = (): void => {
    if (this.focused === null) return;
    this.#set(null);
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!this.#handle(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
  };

  #handle(key: string): boolean {
    const direction = ARROWS[key];
    if (direction) {
      this.#withNavigation(({ nextRegion }) => {
        const from = this.focused ?? this.#start();
        if (!from) return;
        const to = this.focused ? nextRegion(this.#anchors(), from, direction) : from;
        if (to) this.#focus(to);
      });
      return true;
    }
    switch (key) {
      case 'Home':
      case 'End': {
        this.#withNavigation(() => {
          const codes = this.#a11y.byName().filter((code) => this.#anchors().has(code));
          const code = key === 'Home' ? codes[0] : codes.at(-1);
          if (code) this.#focus(code);
        });
        return true;
      }
      case 'Enter':
      case ' ':
        if (this.focused) this.#hooks.activate(this.focused);
        return this.focused !== null;
      case 'Escape':
        if (this.focused === null && (this.#host.selected ?? null) === null) return false;
        this.#last = null;
        this.#set(null);
        this.#host.select(null);
        return true;
      case '+':
      case '=':
      case '-':
      case '_': {
        const map = this.#hooks.controller().map;
        const options = { animate: !reducedMotion() };
        if (key === '+' || key === '=') map?.zoomIn(options);
        else map?.zoomOut(options);
        this.#followMap(map);
        return map !== undefined;
      }
      default:
        return false;
    }
  }

  /** Where arrows start when no region is focused: the selected region, else the one nearest the view's centre. */
  #start(): string | undefined {
    const selected = this.#host.selected ?? null;
    if (selected && this.#anchors().has(selected)) return selected;
    const center = this.#hooks.controller().map?.getCenter();
    const navigation = navigationModule.loaded();
    return center && navigation ? navigation.nearestRegion(this.#anchors(), [center.lng, center.lat]) : undefined;
  }

  /** Runs `act` with the navigation module: now when it is loaded, else once it has arrived. */
  #withNavigation(act: (module: Navigation) => void): void {
    const navigation = navigationModule.loaded();
    if (navigation) act(navigation);
    else void navigationModule.load().then(act, () => undefined);
  }

  #focus(code: string): void {
    this.#last = code;
    this.#set(code);
    const map = this.#hooks.controller().map;
    const anchor = this.#anchors().get(code);
    if (map && anchor && !this.#inView(map, anchor)) {
      this.#host.zoomTo(code);
      this.#followMap(map);
    }
    this.#a11y.announce(this.#a11y.regionText(code));
  }

  #set(code: string | null): void {
    if (code === this.focused) return;
    this.focused = code;
    this.#hooks.controller().setFlag('focused', code ? [code] : []);
    this.#hooks.hover(code);
    this.#host.requestUpdate();
  }

  /** The tooltip moves with the map after a jump or a zoom. */
  #followMap(map: MapLibreMap | undefined): void {
    if (!map || this.#moving === map) return;
    this.#moving?.off('moveend', this.#repaint);
    this.#moving = map;
    map.on('moveend', this.#repaint);
  }

  #inView(map: MapLibreMap, anchor: [number, number]): boolean {
    const point = map.project(anchor);
    const canvas = map.getCanvas();
    return point.x >= 0 && point.y >= 0 && point.x <= canvas.clientWidth && point.y <= canvas.clientHeight;
  }

  /** Each region's anchor (choropleth-navigation.ts); none before that module has arrived. */
  #anchors(): Map<string, [number, number]> {
    const navigation = navigationModule.loaded();
    if (!navigation) return new Map();
    return navigation.regionAnchors(
      this.#hooks.geometry(),
      () => this.#a11y.byName(),
      (code) => this.#hooks.controller().vectorBBox(code),
    );
  }
}
