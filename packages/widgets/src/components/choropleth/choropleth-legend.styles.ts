// Shadow-root styles of <chronos-choropleth>'s legend (composed after choroplethStyles in the element's
// static styles). Over the map in a corner of the stage; in a narrow element (< 480 px, a container query
// on .base) a one-line strip under the map, each class labelled with where it starts, the last also where
// it ends. The "No data" swatch is hatched like the regions without data. (JS comments: css`` ships.)
import { css } from 'lit';

export const legendStyles = css`
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

  .legend-group {
    font-weight: 600;
    margin: 0.4em 0 0.15em;
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
`;
