// Registers <chronos-choropleth>. The only side effect of importing this module.
import { ChronosChoropleth } from './choropleth.ts';

ChronosChoropleth.define('chronos-choropleth');

declare global {
  interface HTMLElementTagNameMap {
    'chronos-choropleth': ChronosChoropleth;
  }
}

export { ChronosChoropleth };
