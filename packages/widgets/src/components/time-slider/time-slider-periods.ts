// Where <chronos-time-slider> gets its periods, and how it keeps the next frames off the network.
// Periods: the linked map's own data response (`periods.first/last` for its region sets) when it has one,
// else the `/api/metrics` catalogue (first and latest period of the metric), both through @chronos/core's
// page-wide request cache, so a slider beside a map costs at most the catalogue request. Prefetch: the
// map's values request for a coming period, built with the very URL the map will ask for (same API base,
// key, metric, region sets, period form), so when the slider moves there the map's request is answered by
// the shared cache instead of the network.
import { ChronosClient, type Frequency, parseGeo, periodKey, periodRange } from '@chronos/core';
import type { ChronosChoropleth } from '../choropleth/choropleth.ts';
import { apiBase } from '../../internal/api-base.ts';

export interface Timeline {
  frequency: Frequency;
  /** Period keys, oldest first (`2025-09`, `2025-Q3`, `2025`). */
  periods: string[];
}

/** Where a slider's requests go: the linked map's settings, else the slider's own. */
export interface TimelineSource {
  api?: string | undefined;
  apiKey?: string | undefined;
  metric: string;
}

function clientFor(source: TimelineSource): ChronosClient {
  return new ChronosClient({ baseUrl: apiBase(source.api), ...(source.apiKey ? { apiKey: source.apiKey } : {}) });
}

/** The periods the linked map's data names, or undefined while it has loaded none. */
export function timelineOfMap(map: ChronosChoropleth | undefined): Timeline | undefined {
  const data = map?.loadedData;
  if (!data) return undefined;
  const frequency = data.metric.frequency;
  if (data.periods) return { frequency, periods: periodRange(data.periods.first, data.periods.last, frequency) };
  return data.time ? { frequency, periods: [periodKey(data.time, frequency)] } : undefined;
}

/** The metric's periods from the `/api/metrics` catalogue; rejects naming the valid metrics when unknown. */
export async function timelineOfCatalogue(source: TimelineSource, signal?: AbortSignal): Promise<Timeline> {
  const { metrics } = await clientFor(source).metrics(signal ? { signal } : {});
  const metric = metrics.find((entry) => entry.id === source.metric);
  if (!metric) {
    const valid = metrics.map((entry) => entry.id).join(', ');
    throw new Error(`unknown metric "${source.metric}"; valid: ${valid}`);
  }
  const { frequency } = metric;
  if (!metric.first || !metric.latest) return { frequency, periods: [] };
  return { frequency, periods: periodRange(metric.first, metric.latest, frequency) };
}

/**
 * Requests the map's values for `periods` ahead of time through the shared cache (nothing when the map
 * shows the page's own `data`). Each promise settles when its period is in the cache or failed: failures
 * are left for the map to meet and report when it gets there.
 */
export function prefetchPeriods(map: ChronosChoropleth, periods: readonly string[]): Map<string, Promise<void>> {
  const settled = new Map<string, Promise<void>>();
  if (map.data !== undefined && map.data !== null) return settled;
  const geo = parseGeo(map.geo).value.join(',');
  // One client per request: a client lets only its latest data() call live, and these run side by side.
  for (const time of periods) {
    const request = clientFor(map).data({ metric: map.metric, geo, time });
    settled.set(
      time,
      request.then(
        () => undefined,
        () => undefined,
      ),
    );
  }
  return settled;
}
