// The per-route request histogram of GET /metrics (`http_request_duration_seconds`), kept so that
// recording a request costs a map lookup and a few additions. prom-client's Histogram, even through a
// labelled child, validates and hashes the labels and allocates on every observe(): bench:api measured it
// (with the hook around it) at ~0.5 s of CPU per 90,000 cached hits, ~6 µs each on the loaded 2-core VM,
// about a tenth of what separated a cached hit from the bare route. Here each (method, route, status)
// series holds plain counters, and the Prometheus samples are made only when /metrics is scraped, in the
// exact form prom-client's Histogram writes (cumulative `_bucket` lines with `le`, then `_sum`, `_count`).
import type { Metric, Registry } from 'prom-client';

interface Series {
  labels: { method: string; route: string; status_code: string };
  /** Observations per bucket (not cumulative); the last slot is above every bound (+Inf only). */
  counts: Float64Array;
  sum: number;
  count: number;
}

/** One sample as prom-client's Histogram hands it to the Registry (`name{labels} value`; no exemplars). */
interface Sample {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
  exemplar: null | undefined;
}

export class RequestHistogram {
  readonly name: string;
  readonly help: string;
  /** What the Registry writes on the TYPE line (prom-client's typings say an enum; it reads strings). */
  readonly type = 'histogram';
  readonly aggregator = 'sum' as const;
  readonly #bounds: readonly number[];
  /** Every series, in the order first seen (the exposition's order). */
  readonly #series: Series[] = [];
  /** The same series by route, then status (a method's series in a short list): found without building
   * a label string per request. */
  readonly #byRoute = new Map<string, Map<number, Series[]>>();

  constructor(options: { name: string; help: string; buckets: readonly number[]; registers: Registry[] }) {
    this.name = options.name;
    this.help = options.help;
    this.#bounds = [...options.buckets].sort((a, b) => a - b);
    for (const registry of options.registers) registry.registerMetric(this as unknown as Metric);
  }

  /** Records one request of `seconds`. */
  observe(method: string, route: string, status: number, seconds: number): void {
    let byStatus = this.#byRoute.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.#byRoute.set(route, byStatus);
    }
    let byMethod = byStatus.get(status);
    if (byMethod === undefined) {
      byMethod = [];
      byStatus.set(status, byMethod);
    }
    let series: Series | undefined;
    for (const candidate of byMethod) if (candidate.labels.method === method) series = candidate;
    if (series === undefined) {
      series = {
        labels: { method, route, status_code: String(status) },
        counts: new Float64Array(this.#bounds.length + 1),
        sum: 0,
        count: 0,
      };
      byMethod.push(series);
      this.#series.push(series);
    }
    const bounds = this.#bounds;
    let bucket = 0;
    while (bucket < bounds.length && seconds > bounds[bucket]!) bucket++;
    series.counts[bucket]!++;
    series.sum += seconds;
    series.count++;
  }

  /** The samples, as prom-client's Registry reads them from a metric. */
  async get(): Promise<{ name: string; help: string; type: string; values: Sample[]; aggregator: 'sum' }> {
    const values: Sample[] = [];
    const bucketName = `${this.name}_bucket`;
    for (const { labels, counts, sum, count } of this.#series) {
      let cumulative = 0;
      this.#bounds.forEach((bound, i) => {
        cumulative += counts[i]!;
        values.push({ labels: { le: bound, ...labels }, value: cumulative, metricName: bucketName, exemplar: null });
      });
      values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: bucketName, exemplar: null });
      values.push({ labels: { ...labels }, value: sum, metricName: `${this.name}_sum`, exemplar: undefined });
      values.push({ labels: { ...labels }, value: count, metricName: `${this.name}_count`, exemplar: undefined });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.#series.length = 0;
    this.#byRoute.clear();
  }
}
