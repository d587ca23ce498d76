// Shadow-root styles of <chronos-choropleth>'s download menu (the `download` attribute): a footer button
// that opens two buttons above it, over the map. Targets are at least 24 px high (WCAG 2.2 target size).
// (JS comments: css`` ships.)
import { css } from 'lit';

export const exportStyles = css`
  .download {
    position: relative;
  }

  .download button {
    font: inherit;
    min-height: 24px;
    padding: 0.1em 0.7em;
    border: 1px solid var(--chronos-border-color);
    background: var(--chronos-background);
    color: var(--chronos-text-color);
  }

  .download-menu {
    position: absolute;
    right: 0;
    bottom: calc(100% + 6px);
    z-index: 5;
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 6px;
    background: var(--chronos-tooltip-background);
    border: 1px solid var(--chronos-border-color);
    border-radius: var(--chronos-radius);
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15);
    white-space: nowrap;
  }

  .download-menu[hidden] {
    display: none;
  }

  .download-menu button {
    text-align: start;
  }
`;
