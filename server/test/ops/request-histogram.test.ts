// The per-route request histogram of /metrics (src/ops/request-histogram.ts) writes exactly what
// prom-client's own Histogram writes for the same requests: operators' dashboards cannot tell them apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Histogram, Registry } from 'prom-client';
import { RequestHistogram } from '../../src/ops/request-histogram.ts';

test('the same exposition as prom-client Histogram, bucket edges and reset included', async () => {
  const buckets = [0.001, 0.01, 0.1, 1];
  const ours = new Registry();
  const theirs = new Registry();
  const help = 'HTTP requests by route pattern, method and status';
  const histogram = new RequestHistogram({ name: 'http_request_duration_seconds', help, buckets, registers: [ours] });
  const reference = new Histogram({
    name: 'http_request_duration_seconds',
    help,
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets,
    registers: [theirs],
  });
  const requests: [string, string, number, number][] = [
    ['GET', '/api/geo/choropleth', 200, 0.0004],
    ['GET', '/api/geo/choropleth', 200, 0.001], // on an edge: counted in le="0.001"
    ['GET', '/api/geo/choropleth', 200, 0.05],
    ['GET', '/api/geo/choropleth', 304, 0.002],
    ['GET', 'unmatched', 404, 3], // above every bound: +Inf only
    ['HEAD', '/api/metrics', 200, 0.2],
  ];
  for (const [method, route, status, seconds] of requests) {
    histogram.observe(method, route, status, seconds);
    reference.labels(method, route, String(status)).observe(seconds);
  }
  assert.equal(await ours.metrics(), await theirs.metrics());
  assert.deepEqual(await ours.getMetricsAsJSON(), await theirs.getMetricsAsJSON());
  ours.resetMetrics();
  theirs.resetMetrics();
  assert.equal(await ours.metrics(), await theirs.metrics());
});
