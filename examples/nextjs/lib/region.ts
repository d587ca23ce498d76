// One region's facts for its page: the latest value, its rank among the regions with a value in that
// period, the history and the sources that fill its country. Undefined when the metric or region is unknown.
import {
  ChronosApiError,
  type ChoroplethResponse,
  periodKey,
  type MetricSummary,
  type SourceInfo,
} from '@chronos/core';
import type { RegionSeries } from '../components/region-history.tsx';
import { findMetric, periodValues, regionSeries } from './api.ts';

export const GEO = ['us-states', 'ca-provinces'];

export interface RegionFacts {
  metric: MetricSummary;
  series: RegionSeries;
  latest: { time: string; value: number } | undefined;
  rank: { position: number; of: number } | undefined;
  sources: SourceInfo[];
}

/** The rank (1 = highest) of a region's value among the regions with a value in the same period. */
export function rankOf(values: ChoroplethResponse, region: string): { position: number; of: number } | undefined {
  const own = values.values.find((row) => row.region === region);
  if (!own) return undefined;
  return { position: values.values.filter((row) => row.value > own.value).length + 1, of: values.values.length };
}

export async function regionFacts(metricId: string, region: string): Promise<RegionFacts | undefined> {
  const metric = await findMetric(metricId);
  if (!metric || !/^(US|CA)-[A-Z]{2}$/.test(region)) return undefined;
  let series: RegionSeries | undefined;
  try {
    series = (await regionSeries(metric.id, [region])).series[0];
  } catch (error) {
    // The API names an unknown region with a 4xx: this page does not exist.
    if (error instanceof ChronosApiError && error.status >= 400 && error.status < 500) return undefined;
    throw error;
  }
  if (!series) return undefined;
  const last = series.points.findLast(([, value]) => value !== null);
  const latest = last ? { time: last[0], value: last[1] as number } : undefined;
  const rank = latest
    ? rankOf(await periodValues(metric.id, GEO, periodKey(latest.time, metric.frequency)), region)
    : undefined;
  const country = region.slice(0, 2);
  return { metric, series, latest, rank, sources: metric.sources.filter((source) => source.country === country) };
}
