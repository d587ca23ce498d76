// What the pages say about metrics and their values: the catalogue grouped for the metric list, values and
// periods formatted the way the widgets format them (@chronos/core), and the request's view (metric, time,
// region) read from the URL with a clear message for a value that names nothing.
import { formatPeriod, formatValue, type MetricInfo, type MetricSummary } from '@chronos/core';

const LOCALE = 'en-US';

const FREQUENCY_LABELS: Record<MetricInfo['frequency'], string> = {
  daily: 'Daily',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};

/** The catalogue grouped by how often each metric is published, monthly first. */
export function groupByFrequency(metrics: MetricSummary[]): { label: string; metrics: MetricSummary[] }[] {
  const order: MetricInfo['frequency'][] = ['daily', 'monthly', 'quarterly', 'annual'];
  return order
    .map((frequency) => ({
      label: FREQUENCY_LABELS[frequency],
      metrics: metrics.filter((metric) => metric.frequency === frequency),
    }))
    .filter((group) => group.metrics.length > 0);
}

export function frequencyLabel(metric: MetricInfo): string {
  return FREQUENCY_LABELS[metric.frequency];
}

/** A value with the metric's units, as the map's legend and table show it. */
export function formatMetricValue(metric: MetricInfo, value: number | null | undefined): string {
  return formatValue(value, {
    locale: LOCALE,
    units: metric.units,
    ...(metric.number_format ? { numberFormat: metric.number_format as Intl.NumberFormatOptions } : {}),
  });
}

/** A `YYYY-MM-DD` period start as people read it ("September 2025", "Q3 2025", "2024"). */
export function periodLabel(metric: MetricInfo, time: string): string {
  return formatPeriod(time, metric.frequency, LOCALE);
}

/** The view a geospatial URL asks for; `problem` explains a parameter that names nothing known. */
export interface View {
  metric: MetricSummary;
  time: string;
  region: string | undefined;
  problem?: string;
}

const PERIOD = /^(latest|\d{4}(-\d{2}|-Q[1-4])?)$/;
const REGION = /^(US|CA)-[A-Z]{2}$/;

/** Reads `metric`, `time` and `region` from the query; an unknown value falls back with a message. */
export function readView(metrics: MetricSummary[], query: Record<string, string | string[] | undefined>): View {
  const one = (name: string) => {
    const value = query[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const problems: string[] = [];
  const fallback = metrics.find((metric) => metric.id === 'unemployment') ?? metrics[0];
  if (!fallback) throw new Error('The API lists no metrics: seed the database (npm start does it) and reload.');
  const wanted = one('metric');
  let metric = metrics.find((candidate) => candidate.id === wanted);
  if (!metric) {
    if (wanted) problems.push(`Unknown metric "${wanted}"; choose one of: ${metrics.map((m) => m.id).join(', ')}.`);
    metric = fallback;
  }
  let time = one('time') ?? 'latest';
  if (!PERIOD.test(time)) {
    problems.push(`Unknown period "${time}"; use latest, YYYY-MM, YYYY-Qn or YYYY.`);
    time = 'latest';
  }
  let region = one('region')?.toUpperCase();
  if (region && !REGION.test(region)) {
    problems.push(`Unknown region "${region}"; use an ISO 3166-2 code such as US-CA or CA-ON.`);
    region = undefined;
  }
  return { metric, time, region, ...(problems.length ? { problem: problems.join(' ') } : {}) };
}

/** The query string of a view, leaving out what is the default (latest period, no region). */
export function viewQuery(view: { metric: string; time: string; region?: string | undefined }): string {
  const query = new URLSearchParams({ metric: view.metric });
  if (view.time !== 'latest') query.set('time', view.time);
  if (view.region) query.set('region', view.region);
  return `?${query}`;
}
