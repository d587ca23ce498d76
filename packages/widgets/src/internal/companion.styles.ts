// Host styles shared by the map's companions (<chronos-time-slider>, <chronos-legend>): the same
// --chronos-* palette, fonts and themes as the map, so a companion beside a map looks like part of it
// and follows the page's overrides of the same custom properties.
import { css } from 'lit';
import { paletteDeclarations } from './theme.ts';

export const companionStyles = css`
  :host {
    --chronos-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --chronos-font-size: 14px;
    --chronos-radius: 6px;
    ${paletteDeclarations('light')}

    display: block;
    font-family: var(--chronos-font-family);
    font-size: var(--chronos-font-size);
    color: var(--chronos-text-color);
  }

  :host([theme='dark']) {
    ${paletteDeclarations('dark')}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${paletteDeclarations('dark')}
    }
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
