// Shadow-root styles of <chronos-timeseries>, composed after frameStyles (internal/companion.styles.ts: the
// map's palettes in both themes, the same --chronos-* properties a page overrides, and the .base frame):
// a colour a line (--chronos-series-color-1 … 8), the chart, its readout, legend and table.
import { css, unsafeCSS } from 'lit';

/** Line colours, light and dark themes: distinct hues with at least 3:1 contrast on the background. */
const seriesColors = {
  light: ['#0969da', '#d1600a', '#1a7f37', '#a9398e', '#8250df', '#0e7c86', '#b35900', '#57606a'],
  dark: ['#4493f8', '#f0883e', '#3fb950', '#e275ad', '#a371f7', '#39c5cf', '#d29922', '#9198a1'],
};

function seriesDeclarations(theme: 'light' | 'dark') {
  return unsafeCSS(seriesColors[theme].map((color, i) => `--chronos-series-color-${i + 1}: ${color};`).join('\n'));
}

const seriesRules = unsafeCSS(
  seriesColors.light.map((_, i) => `.series-${i} { color: var(--chronos-series-color-${i + 1}); }`).join('\n'),
);

export const timeseriesStyles = css`
  :host {
    --chronos-timeseries-height: 260px;
    ${seriesDeclarations('light')}
  }
  :host([theme='dark']) {
    ${seriesDeclarations('dark')}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${seriesDeclarations('dark')}
    }
  }
  .base {
    display: block;
    padding: 8px 8px 4px;
  }
  .stage {
    position: relative;
    height: var(--chronos-timeseries-height);
  }
  .plot {
    position: absolute;
    inset: 0;
    border-radius: 4px;
    touch-action: pan-y;
  }
  .plot:focus-visible {
    outline: 2px solid var(--chronos-accent-color);
    outline-offset: 2px;
  }
  .chart {
    display: block;
    overflow: visible;
  }
  .axis text {
    fill: var(--chronos-muted-color);
    font-size: 12px;
  }
  .grid {
    stroke: var(--chronos-border-color);
    stroke-width: 1;
  }
  .tick {
    stroke: var(--chronos-muted-color);
  }
  .line {
    stroke-width: 2;
  }
  .mark {
    stroke: currentColor;
    stroke-width: 1.5;
  }
  .mark.preliminary {
    fill: var(--chronos-background);
  }
  .current-period {
    stroke: var(--chronos-accent-color);
    stroke-width: 2;
    opacity: 0.5;
  }
  .crosshair line {
    stroke: var(--chronos-muted-color);
    stroke-dasharray: 3 3;
  }
  .crosshair circle {
    fill: currentColor;
    stroke: var(--chronos-background);
    stroke-width: 2;
  }
  ${seriesRules}
  .readout {
    min-height: 1.4em;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-variant-numeric: tabular-nums;
  }
  .readout-item {
    color: var(--chronos-text-color);
  }
  .swatch,
  .key {
    display: inline-block;
    width: 10px;
    height: 10px;
    margin-inline-end: 5px;
    border-radius: 50%;
    vertical-align: baseline;
  }
  .swatch {
    background: var(--chronos-series-color-1);
  }
  ${unsafeCSS(seriesColors.light.map((_, i) => `.series-${i} .swatch { background: var(--chronos-series-color-${i + 1}); }`).join('\n'))}
  .key {
    border: 1.5px solid var(--chronos-text-color);
  }
  .key.revised {
    background: var(--chronos-text-color);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
    padding-top: 4px;
    color: var(--chronos-muted-color);
    font-size: 0.9em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--chronos-text-color);
  }
  button {
    font: inherit;
    color: var(--chronos-accent-color);
    background: none;
    border: 1px solid var(--chronos-border-color);
    border-radius: 4px;
    padding: 4px 10px;
    min-height: 24px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--chronos-accent-color);
    outline-offset: 1px;
  }
  .table-panel {
    max-height: 18em;
    overflow: auto;
    margin-top: 6px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 4px 0;
  }
  th,
  td {
    padding: 3px 8px;
    border-bottom: 1px solid var(--chronos-border-color);
    text-align: end;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    padding: 16px;
    text-align: center;
    color: var(--chronos-muted-color);
  }
  .skeleton {
    background: var(--chronos-skeleton-color);
    border-radius: 4px;
  }
  .error {
    color: var(--chronos-error-color);
  }
  .error p {
    margin: 0;
  }
  .error-headline {
    font-weight: 600;
  }
`;
