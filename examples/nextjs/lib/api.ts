// Server-side access to the Chronos API for Server Components: the same typed client the widgets use
// (`ChronosClient` from @chronos/core). One client per call, because a client lets only its latest
// data()/series() call finish (it is made for one map), and requests of different visitors must not
// cancel each other. Next's fetch cache revalidates answers every few minutes.
import { ChronosClient, type ChoroplethResponse, type MetricSummary, type SeriesResponse } from '@chronos/core';
import { siteConfig } from './config.ts';

const REVALIDATE_SECONDS = 300;

function client(): ChronosClient {
  const { apiUrl, apiKey } = siteConfig();
  return new ChronosClient({
    baseUrl: apiUrl,
    apiKey,
    retries: 1,
    fetch: (input, init) => fetch(input, { ...init, next: { revalidate: REVALIDATE_SECONDS } }),
  });
}

/** Every metric in the catalogue, as `/api/metrics` lists it. */
export async function listMetrics(): Promise<MetricSummary[]> {
  return (await client().metrics()).metrics;
}

/** One metric's summary, or undefined when the catalogue has no such id. */
export async function findMetric(id: string): Promise<MetricSummary | undefined> {
  return (await listMetrics()).find((metric) => metric.id === id);
}

/** The metric's series for the given regions (every region when none are given). */
export function regionSeries(metric: string, regions?: readonly string[]): Promise<SeriesResponse> {
  return client().series({ metric, ...(regions ? { regions } : {}) });
}

/** The map's values for one period (`latest` by default), with the regions that have none. */
export function periodValues(metric: string, geo: readonly string[], time?: string): Promise<ChoroplethResponse> {
  return client().data({ metric, geo, ...(time ? { time } : {}) });
}
