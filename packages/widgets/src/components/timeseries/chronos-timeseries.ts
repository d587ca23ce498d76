// Registers <chronos-timeseries>. The only side effect of importing this module.
import { ChronosTimeseries } from './timeseries.ts';

ChronosTimeseries.define('chronos-timeseries');

declare global {
  interface HTMLElementTagNameMap {
    'chronos-timeseries': ChronosTimeseries;
  }
}

export { ChronosTimeseries };
