// The colour palettes of the light and dark themes, in one place: the stylesheet declares them as
// --chronos-* custom properties, and the map (which WebGL paints, so CSS cannot reach it) reads the same
// properties back, falling back to these values when a page has set one to nothing.
import { type CSSResult, type ReactiveController, type ReactiveControllerHost, unsafeCSS } from 'lit';
import type { MapTheme } from './map-layers.ts';

export type ThemeName = 'light' | 'dark';

const light = {
  '--chronos-background': '#ffffff',
  '--chronos-text-color': '#1f2328',
  '--chronos-muted-color': '#59636e',
  '--chronos-border-color': '#d0d7de',
  '--chronos-accent-color': '#0969da',
  '--chronos-map-background': '#eef2f5',
  '--chronos-region-outline-color': '#ffffff',
  '--chronos-region-hover-color': '#1f2328',
  '--chronos-region-selected-color': '#000000',
  '--chronos-no-data-color': '#d9d9d9',
  '--chronos-no-data-stripe-color': '#a3a3a3',
  '--chronos-tooltip-background': 'rgba(255, 255, 255, 0.97)',
  '--chronos-tooltip-color': '#1f2328',
  '--chronos-skeleton-color': '#e6eaef',
  '--chronos-error-color': '#b42318',
};

type Palette = Record<keyof typeof light, string>;

const dark: Palette = {
  '--chronos-background': '#15191e',
  '--chronos-text-color': '#e6edf3',
  '--chronos-muted-color': '#9198a1',
  '--chronos-border-color': '#30363d',
  '--chronos-accent-color': '#4493f8',
  '--chronos-map-background': '#0d1117',
  '--chronos-region-outline-color': '#15191e',
  '--chronos-region-hover-color': '#ffffff',
  '--chronos-region-selected-color': '#ffd33d',
  '--chronos-no-data-color': '#4d4d4d',
  '--chronos-no-data-stripe-color': '#737373',
  '--chronos-tooltip-background': 'rgba(22, 27, 34, 0.97)',
  '--chronos-tooltip-color': '#e6edf3',
  '--chronos-skeleton-color': '#21262d',
  '--chronos-error-color': '#ff7b72',
};

export const palettes: Record<ThemeName, Palette> = { light, dark };

/** A palette as custom-property declarations, for a rule in the stylesheet. */
export function paletteDeclarations(name: ThemeName): CSSResult {
  return unsafeCSS(
    Object.entries(palettes[name])
      .map(([property, value]) => `${property}: ${value};`)
      .join('\n'),
  );
}

/** The map's colours as `host` resolves its custom properties now (a page may override any of them). */
export function readMapTheme(host: Element, name: ThemeName): MapTheme {
  const style = getComputedStyle(host);
  const palette = palettes[name];
  const read = (property: keyof Palette): string => style.getPropertyValue(property).trim() || palette[property];
  const stripe = read('--chronos-no-data-stripe-color');
  return {
    name,
    background: read('--chronos-map-background'),
    noData: read('--chronos-no-data-color'),
    // The hatch is drawn into pixels by hand, so only #rrggbb can be used.
    noDataStripe: /^#[0-9a-f]{6}$/i.test(stripe) ? stripe : palettes.light['--chronos-no-data-stripe-color'],
    outline: read('--chronos-region-outline-color'),
    hoverOutline: read('--chronos-region-hover-color'),
    selectedOutline: read('--chronos-region-selected-color'),
    focus: read('--chronos-accent-color'),
    focusHalo: read('--chronos-background'),
  };
}

/**
 * Follows the element's `theme` setting and, for `auto`, the page's prefers-color-scheme: gives the map
 * its colours (the same object while nothing changed, so the map can skip repainting) and calls
 * `onChange` when the page's scheme flips.
 */
export class ThemeController implements ReactiveController {
  #darkQuery: MediaQueryList | undefined;
  #host: ReactiveControllerHost & Element;
  #onChange: () => void;
  #last: MapTheme | undefined;
  #listener = (): void => this.#onChange();

  constructor(host: ReactiveControllerHost & Element, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.#darkQuery?.addEventListener('change', this.#listener);
  }

  hostDisconnected(): void {
    this.#darkQuery?.removeEventListener('change', this.#listener);
  }

  /** The map's colours for a `theme` setting (`auto`, `light` or `dark`). */
  mapTheme(setting: 'auto' | ThemeName): MapTheme {
    const name = setting !== 'auto' ? setting : this.#darkQuery?.matches ? 'dark' : 'light';
    const theme = readMapTheme(this.#host, name);
    if (!this.#last || JSON.stringify(this.#last) !== JSON.stringify(theme)) this.#last = theme;
    return this.#last;
  }
}
