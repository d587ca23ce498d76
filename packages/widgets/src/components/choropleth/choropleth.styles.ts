// Shadow-root styles of <chronos-choropleth>, composed after frameStyles (internal/companion.styles.ts: the
// --chronos-* palette on :host, light and dark, and the .base frame that page rules cannot reach). Every
// colour and size a page may want to change is a --chronos-* custom property; the dark theme only swaps
// those properties (the palettes themselves are in internal/theme.ts, which the map reads too).
import { css } from 'lit';

// (Comments inside css`` ship to every page, so the layout is explained here.) .base inherits only
// visibility, pointer-events and direction from the host: what a page may still do to the whole element.
// The legend shares the map's grid cell, in a corner, its bottom margin keeping MapLibre's attribution
// free; in a narrow element (< 480 px, a container query) it is a one-line strip under the map instead:
// title, then the classes side by side, each labelled with where it starts, the last also where it ends
// (choropleth-legend.styles.ts; the data table's are in choropleth-table.styles.ts).
// The skeleton is a still placeholder: an animated overlay makes the compositor redraw the map canvas every
// frame, which costs a third of first-paint time where WebGL is software-rendered. The context-lost overlay
// sits under the legend and notices (z-index 2), over the canvas so the pointer cannot reach a map without style.
export const choroplethStyles = css`
  :host {
    --chronos-height: 440px;
    --chronos-table-height: 18em;
  }

  .base {
    pointer-events: inherit;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'stage' 'strip' 'footer' 'table';
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

  .map:focus-visible,
  .legend li:focus-visible {
    outline: 3px solid var(--chronos-accent-color);
    outline-offset: -3px;
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
`;
