// Shadow-root styles of <chronos-choropleth>. Every colour and size a page may want to change is a
// --chronos-* custom property declared on :host; the dark theme only swaps those properties (the palettes
// themselves are in internal/theme.ts, which the map reads too). Page rules reach the host element (even
// \`* { all: unset }\` or \`html { font-size: 40px }\`), so the frame, typography and layout are set on the
// inner .base, which starts from \`all: initial\` and takes only --chronos-* properties from outside.
import { css } from 'lit';
import { paletteDeclarations } from '../../internal/theme.ts';

// (Comments inside css`` ship to every page, so the layout is explained here.) .base inherits only
// visibility, pointer-events and direction from the host: what a page may still do to the whole element.
// The legend shares the map's grid cell, in a corner, its bottom margin keeping MapLibre's attribution
// free; in a narrow element (< 480 px, a container query) it is a one-line strip under the map instead:
// title, then the classes side by side, each labelled with where it starts, the last also where it ends.
export const choroplethStyles = css`
  :host {
    --chronos-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --chronos-font-size: 14px;
    --chronos-height: 440px;
    --chronos-table-height: 18em;
    --chronos-radius: 6px;
    ${paletteDeclarations('light')}

    display: block;
    background: var(--chronos-background);
    border-radius: var(--chronos-radius);
  }

  :host([theme='dark']) {
    ${paletteDeclarations('dark')}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${paletteDeclarations('dark')}
    }
  }

  .base {
    all: initial;
    visibility: inherit;
    pointer-events: inherit;
    direction: inherit;
    box-sizing: border-box;
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'stage' 'strip' 'footer' 'table';
    font-family: var(--chronos-font-family);
    font-size: var(--chronos-font-size);
    line-height: 1.4;
    color: var(--chronos-text-color);
    background: var(--chronos-background);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    overflow: hidden;
    container: chronos / inline-size;
  }

  .stage {
    grid-area: stage;
    position: relative;
    height: var(--chronos-height);
  }

  .map {
    position: absolute;
    inset: 0;
    background: var(--chronos-map-background);
  }

  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.75em;
    padding: 1.5em;
    text-align: center;
    z-index: 3;
  }

  /* A still placeholder: an animated overlay makes the compositor redraw the map canvas every frame, which
     costs a third of first-paint time where WebGL is software-rendered. */
  .skeleton {
    background: var(--chronos-skeleton-color);
    color: var(--chronos-muted-color);
  }

  .error {
    background: var(--chronos-background);
  }

  .error-message {
    color: var(--chronos-error-color);
    max-width: 42em;
  }

  .error-headline {
    margin: 0;
    font-weight: 600;
    color: var(--chronos-error-color);
    max-width: 42em;
  }

  .error-headline + .error-message {
    margin: 0;
    font-size: 0.9em;
    color: var(--chronos-muted-color);
  }

  button {
    font: inherit;
    color: var(--chronos-background);
    background: var(--chronos-accent-color);
    border: 0;
    border-radius: var(--chronos-radius);
    padding: 0.4em 1em;
    cursor: pointer;
  }

  button:focus-visible {
    outline: 2px solid var(--chronos-accent-color);
    outline-offset: 2px;
  }

  /* Under the legend and notices (z-index 2), over the canvas so the pointer cannot reach a map without style. */
  .context-lost {
    z-index: 1;
    justify-content: flex-start;
    background: color-mix(in srgb, var(--chronos-background) 85%, transparent);
  }

  .context-lost p {
    margin: 0;
    max-width: 42em;
  }

  .empty {
    pointer-events: none;
    justify-content: flex-start;
  }

  .empty p,
  .notice {
    margin: 0;
    background: var(--chronos-tooltip-background);
    color: var(--chronos-text-color);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    padding: 0.4em 0.8em;
  }

  .notices {
    position: absolute;
    top: 8px;
    left: 8px;
    right: 8px;
    display: flex;
    flex-direction: column;
    gap: 4px;
    z-index: 2;
    pointer-events: none;
  }

  .notice {
    font-size: 0.9em;
    border-left: 3px solid var(--chronos-error-color);
  }

  .legend {
    grid-area: stage;
    position: relative;
    z-index: 2;
    margin: 8px 8px 24px;
    padding: 0.5em 0.7em;
    background: var(--chronos-tooltip-background);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    font-size: 0.85em;
    line-height: 1.35;
    max-width: calc(100% - 16px);
    max-height: calc(var(--chronos-height) - 40px);
    overflow: auto;
    align-self: end;
    justify-self: start;
  }

  .legend[data-position$='right'] {
    justify-self: end;
  }
  .legend[data-position^='top'] {
    align-self: start;
    margin: 8px;
  }

  .legend-title {
    font-weight: 600;
    margin: 0 0 0.3em;
  }

  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }

  .swatch {
    display: inline-block;
    width: 1.1em;
    height: 0.9em;
    border-radius: 2px;
    flex: none;
  }

  @container chronos (max-width: 479.98px) {
    .legend {
      grid-area: strip;
      display: flex;
      align-items: center;
      gap: 0.8em;
      margin: 0;
      padding: 0.3em 0.6em;
      max-width: none;
      max-height: none;
      overflow: hidden;
      justify-self: stretch;
      align-self: auto;
      border: 0;
      border-top: 1px solid var(--chronos-border-color);
      border-radius: 0;
      background: var(--chronos-background);
      font-size: 0.75em;
      line-height: 1.25;
    }
    .legend-title {
      flex: 0 1 auto;
      max-width: 35%;
      margin: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .legend ul {
      flex: 1 1 0;
      min-width: 0;
      display: flex;
      gap: 2px;
    }
    .legend li {
      flex: 1 1 0;
      min-width: 0;
      flex-direction: column;
      align-items: stretch;
      gap: 1px;
    }
    .legend li[data-class='no-data'] {
      flex: 0 0 auto;
      margin-left: 0.5em;
    }
    .legend .swatch {
      width: auto;
      height: 0.6em;
      border-radius: 0;
    }
    .legend .range {
      display: flex;
      justify-content: space-between;
      gap: 0.3em;
      white-space: nowrap;
    }
    .legend .range > span {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .legend li:not(.last) .to {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
  }

  .swatch.no-data {
    background-color: var(--chronos-no-data-color);
    background-image: repeating-linear-gradient(
      135deg,
      var(--chronos-no-data-stripe-color) 0 1.5px,
      transparent 1.5px 5.5px
    );
  }

  .tooltip {
    position: absolute;
    z-index: 4;
    pointer-events: none;
    background: var(--chronos-tooltip-background);
    color: var(--chronos-tooltip-color);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    padding: 0.45em 0.7em;
    font-size: 0.9em;
    line-height: 1.4;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15);
    white-space: nowrap;
    transform: translate(12px, 12px);
  }

  .tooltip strong {
    display: block;
  }

  .tooltip .value {
    font-size: 1.15em;
    font-variant-numeric: tabular-nums;
  }

  .flag {
    display: inline-block;
    margin-left: 0.4em;
    padding: 0 0.35em;
    border-radius: 3px;
    font-size: 0.8em;
    border: 1px solid currentColor;
    color: var(--chronos-muted-color);
  }

  .footer {
    grid-area: footer;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    justify-content: space-between;
    padding: 0.45em 0.8em;
    font-size: 0.8em;
    color: var(--chronos-muted-color);
    border-top: 1px solid var(--chronos-border-color);
  }

  .footer a {
    color: inherit;
  }

  table {
    border-collapse: collapse;
  }

  .footer .table-toggle {
    margin-left: auto;
    font-size: inherit;
    padding: 0.1em 0.7em;
    color: var(--chronos-text-color);
    background: transparent;
    border: 1px solid var(--chronos-border-color);
  }

  .table-panel {
    grid-area: table;
    max-height: var(--chronos-table-height);
    overflow: auto;
    border-top: 1px solid var(--chronos-border-color);
    font-size: 0.9em;
  }

  .table-panel table {
    width: 100%;
  }

  .table-panel caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5em 0.8em;
  }

  .table-panel th,
  .table-panel td {
    text-align: start;
    padding: 0.25em 0.8em;
    border-bottom: 1px solid var(--chronos-border-color);
  }

  .table-panel thead th {
    position: sticky;
    top: 0;
    background: var(--chronos-background);
  }

  .table-panel :is(td, th):nth-child(2) {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .table-panel button.sort,
  .table-panel button.region {
    font: inherit;
    font-weight: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
  }

  .table-panel button.region {
    font-weight: normal;
  }

  .table-panel tr[aria-current='true'] {
    outline: 2px solid var(--chronos-region-selected-color);
    outline-offset: -2px;
  }

  .table-panel tbody tr:hover {
    background: color-mix(in srgb, var(--chronos-accent-color) 10%, transparent);
  }
`;
