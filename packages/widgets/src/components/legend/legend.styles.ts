// Shadow-root styles of <chronos-legend>: a framed list of entries, one a line (or side by side with
// orientation="horizontal"); each entry is a 24 px-high button so it can be focused and pointed at.
import { css } from 'lit';

export const legendElementStyles = css`
  .base {
    padding: 0.5em 0.7em;
    background: var(--chronos-background);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    line-height: 1.35;
  }

  .title {
    font-weight: 600;
    margin: 0 0 0.3em;
  }

  .country {
    margin: 0.4em 0 0.1em;
    font-size: 0.9em;
  }

  .period {
    font-weight: 400;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  :host([orientation='horizontal']) ul {
    flex-direction: row;
    flex-wrap: wrap;
    gap: 2px 0.8em;
  }

  .item {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 24px;
    padding: 0 0.25em;
    border: 0;
    border-radius: 3px;
    background: none;
    cursor: default;
    text-align: start;
  }

  .item:hover {
    background: color-mix(in srgb, var(--chronos-accent-color) 12%, transparent);
  }

  .swatch {
    display: inline-block;
    width: 1.1em;
    height: 0.9em;
    border-radius: 2px;
    flex: none;
  }

  .swatch.no-data {
    background: repeating-linear-gradient(
      45deg,
      var(--chronos-no-data-color) 0 3px,
      var(--chronos-no-data-stripe-color, #9a9a9a) 3px 4px
    );
  }
`;
