// Loads timeseries-chart.ts (the chart renderer of <chronos-timeseries> and the map tooltip's sparkline) on
// demand, once per page: a page pays for it when a chart or a sparkline is first shown. Until it has
// arrived, <chronos-timeseries> shows its loading state and the tooltip shows without its sparkline.
import { lazyModule } from '@chronos/core';
import { nothing, type ReactiveElement } from 'lit';
import type { SparklineMap } from './tooltip-sparkline.ts';

const chartModule = lazyModule(() => import('./timeseries-chart.ts'));

/** The chart module once it has arrived; undefined before (then call loadChart and render again). */
export const loadedChart = chartModule.loaded;

/** Imports the chart module once per page (a failed import is tried again on the next call). */
export const loadChart = chartModule.load;

/**
 * The map tooltip's sparkline of `region` (tooltip-sparkline.ts); on the first hover of the page its renderer
 * is loaded first, meanwhile the tooltip shows without it and `host` renders again once it has arrived.
 */
export function sparkline(host: ReactiveElement & SparklineMap, api: string, region: string): unknown {
  const chart = chartModule.loaded();
  if (chart) return chart.tooltipSparkline(host, api, region);
  void loadChart().then(
    () => host.requestUpdate(),
    () => undefined,
  );
  return nothing;
}
