// Host styles shared by every Chronos element: the --chronos-* palette, fonts and themes (hostPalette), the
// frame of the map and the chart (frameStyles), and the host of the map's companions (<chronos-time-slider>,
// <chronos-legend>), so a companion beside a map looks like part of it and follows the page's overrides
// of the same custom properties. Page rules reach the host element (even `* { all: unset }`), so the
// frame, typography and layout are set on the inner .base, which starts from `all: initial` and takes only
// --chronos-* properties from outside; each element's own .base rule (composed after) adds its layout.
import { css } from 'lit';
import { paletteDeclarations } from './theme.ts';

/** The --chronos-* fonts, radius and colours on :host, light or dark by `theme` and prefers-color-scheme. */
export const hostPalette = css`
  :host {
    --chronos-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --chronos-font-size: 14px;
    --chronos-radius: 6px;
    ${paletteDeclarations('light')}
  }

  :host([theme='dark']) {
    ${paletteDeclarations('dark')}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${paletteDeclarations('dark')}
    }
  }
`;

/** The framed elements' host and .base (<chronos-choropleth>, <chronos-timeseries>). */
export const frameStyles = css`
  ${hostPalette}

  :host {
    display: block;
    background: var(--chronos-background);
    border-radius: var(--chronos-radius);
  }

  .base {
    all: initial;
    visibility: inherit;
    direction: inherit;
    box-sizing: border-box;
    position: relative;
    font-family: var(--chronos-font-family);
    font-size: var(--chronos-font-size);
    line-height: 1.4;
    color: var(--chronos-text-color);
    background: var(--chronos-background);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
  }
`;

export const companionStyles = css`
  ${hostPalette}

  :host {
    display: block;
    font-family: var(--chronos-font-family);
    font-size: var(--chronos-font-size);
    color: var(--chronos-text-color);
  }

  button {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--chronos-accent-color);
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
