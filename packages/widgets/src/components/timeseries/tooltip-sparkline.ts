// The sparkline in <chronos-choropleth>'s tooltip: the hovered region's recent values (the 24 periods up to
// the one the map shows), drawn by the chart's own renderer. The region's series is fetched on first hover
// only, once per (API, key, metric, region) for the page's life; until it arrives the tooltip shows without
// it, and a failure leaves it out (the tooltip's value is what matters). An async directive, so the
// arriving series redraws the tooltip alone, not the map element.
import { type ChoroplethData, ChronosClient, isAbortError, type SeriesResponse } from '@chronos/core';
import { nothing } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { renderSparkline } from '../../internal/line-chart.ts';

/** How many periods the sparkline shows, ending with the period on the map. */
export const SPARKLINE_PERIODS = 24;

type Points = SeriesResponse['series'][number]['points'];

/** Settled series (null: failed or empty, not asked again) and requests in flight, by key. */
const loaded = new Map<string, Points | null>();
const pending = new Map<string, Promise<void>>();
const clients = new Map<string, ChronosClient>();

function clientFor(api: string, apiKey: string | undefined): ChronosClient {
  const id = `${api}|${apiKey ?? ''}`;
  let client = clients.get(id);
  if (!client) {
    // One client per API and key: a newer region's request replaces an older one still in flight (the
    // pointer moved on), which is what ChronosClient.series does on one client.
    client = new ChronosClient({ baseUrl: api, ...(apiKey ? { apiKey } : {}) });
    clients.set(id, client);
  }
  return client;
}

/** What the sparkline reads from the map: its key, and the values it shows (API data only: a page's own
 * `data` has no series to fetch). */
export interface SparklineMap {
  apiKey?: string | undefined;
  data?: unknown;
  readonly loadedData: ChoroplethData | undefined;
}

/** The values of the `SPARKLINE_PERIODS` periods up to `time`, and the index of `time` among them. */
function recent(points: Points, time: string): { values: (number | null)[]; current: number | undefined } {
  let end = points.findIndex(([date]) => date > time);
  if (end === -1) end = points.length;
  const slice = points.slice(Math.max(0, end - SPARKLINE_PERIODS), end);
  const last = slice.at(-1);
  return { values: slice.map(([, value]) => value), current: last?.[0] === time ? slice.length - 1 : undefined };
}

class SparklineDirective extends AsyncDirective {
  #key: string | undefined;

  render(map: SparklineMap, api: string, region: string): unknown {
    const data = map.loadedData;
    if (map.data || !data?.time || !api) return nothing;
    const metric = data.metric;
    const key = `${api}|${map.apiKey ?? ''}|${metric.id}|${region}`;
    this.#key = key;
    const time = data.time;
    const draw = (points: Points | null | undefined) => {
      if (!points || points.length === 0) return nothing;
      const { values, current } = recent(points, time);
      if (values.every((value) => value === null)) return nothing;
      return renderSparkline(values, { width: 120, height: 32, ...(current === undefined ? {} : { current }) });
    };
    if (loaded.has(key)) return draw(loaded.get(key));
    if (!pending.has(key)) {
      const request = clientFor(api, map.apiKey)
        .series({ metric: metric.id, regions: region })
        .then(
          (body) => {
            loaded.set(key, body.series.find((series) => series.region === region)?.points ?? null);
          },
          (error: unknown) => {
            // Superseded by the next region: asked again on the next hover. Other failures: left out.
            if (!isAbortError(error)) loaded.set(key, null);
          },
        )
        .finally(() => pending.delete(key));
      pending.set(key, request);
    }
    void pending.get(key)!.then(() => {
      if (this.#key === key && this.isConnected) this.setValue(draw(loaded.get(key)));
    });
    return nothing;
  }
}

/** The tooltip's sparkline of `region` on `map` (nothing while it loads, or without API data). */
export const tooltipSparkline = directive(SparklineDirective);
