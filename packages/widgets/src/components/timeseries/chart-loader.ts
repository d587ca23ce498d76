// Loads timeseries-chart.ts (the chart renderer of <chronos-timeseries> and the map tooltip's sparkline) on
// demand, once per page: a page pays for it when a chart or a sparkline is first shown. Until it has
// arrived, <chronos-timeseries> shows its loading state and the tooltip shows without its sparkline.
import { nothing, type ReactiveElement } from 'lit';
import type { SparklineMap } from './tooltip-sparkline.ts';

type Chart = typeof import('./timeseries-chart.ts');

let chart: Chart | undefined;
let loading: Promise<Chart> | undefined;

/** The chart module once it has arrived; undefined before (then call loadChart and render again). */
export function loadedChart(): Chart | undefined {
  return chart;
}

/** Imports the chart module once per page. */
export function loadChart(): Promise<Chart> {
  // A failed import (the network) is tried again on the next call: a retry must not fail for ever.
  loading ??= import('./timeseries-chart.ts').then(
    (module) => (chart = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The map tooltip's sparkline of `region` (tooltip-sparkline.ts); on the first hover of the page its renderer
 * is loaded first, meanwhile the tooltip shows without it and `host` renders again once it has arrived.
 */
export function sparkline(host: ReactiveElement & SparklineMap, api: string, region: string): unknown {
  if (chart) return chart.tooltipSparkline(host, api, region);
  void loadChart().then(
    () => host.requestUpdate(),
    () => undefined,
  );
  return nothing;
}
