// Shadow-root styles of <chronos-time-slider>: one row (play, previous, the range, next, the period's
// name). Every button and the range's thumb are at least 24 px (WCAG 2.2 target size).
import { css } from 'lit';

export const timeSliderStyles = css`
  .base {
    display: flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.35em 0.5em;
    background: var(--chronos-background);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
  }

  button {
    display: inline-grid;
    place-items: center;
    min-width: 28px;
    min-height: 28px;
    padding: 0 0.3em;
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    background: var(--chronos-tooltip-background);
    cursor: pointer;
  }

  button:disabled {
    cursor: default;
    opacity: 0.5;
  }

  svg {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }

  input[type='range'] {
    flex: 1;
    min-width: 6em;
    min-height: 28px;
    margin: 0;
    accent-color: var(--chronos-accent-color);
    cursor: pointer;
  }

  .label {
    min-width: 8em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .status {
    color: var(--chronos-muted-color);
  }
`;
