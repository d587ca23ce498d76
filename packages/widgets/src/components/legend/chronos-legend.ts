// Registers <chronos-legend>. The only side effect of importing this module.
import { ChronosLegend } from './legend.ts';

ChronosLegend.define('chronos-legend');

declare global {
  interface HTMLElementTagNameMap {
    'chronos-legend': ChronosLegend;
  }
}

export { ChronosLegend };
