// Shadow-root styles of <chronos-choropleth>'s data table (composed last in the element's static styles):
// the footer's toggle button, and the scrolling panel the table is shown in, its header row kept in view,
// the selected region's row outlined, every button at least 24 × 24 px (WCAG 2.2 target size). (JS comments:
// css`` ships.)
import { css } from 'lit';

export const tableStyles = css`
  table {
    border-collapse: collapse;
  }

  .footer .table-toggle {
    margin-left: auto;
    font-size: inherit;
    padding: 0.1em 0.7em;
    min-height: 24px;
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
    min-height: 24px;
    min-width: 24px;
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
