// The recorded API answers (fixtures/*.json, written by scripts/record-fixtures.ts), loaded by the mock API
// on its first request as one chunk.
import boundaries from '../fixtures/boundaries.json' with { type: 'json' };
import medianIncome from '../fixtures/data-median-income.json' with { type: 'json' };
import unemployment from '../fixtures/data-unemployment.json' with { type: 'json' };
import metrics from '../fixtures/metrics.json' with { type: 'json' };
import noData from '../fixtures/no-data.json' with { type: 'json' };
import rateLimited from '../fixtures/rate-limited.json' with { type: 'json' };
import refusals from '../fixtures/refusals.json' with { type: 'json' };
import seriesMedianIncome from '../fixtures/series-median-income.json' with { type: 'json' };
import seriesUnemployment from '../fixtures/series-unemployment.json' with { type: 'json' };
import unknownMetric from '../fixtures/unknown-metric.json' with { type: 'json' };

/** One recorded answer: the request it answered, status, the headers a page reads, body. */
export interface RecordedResponse {
  request: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const dataByMetric: Record<string, Record<string, RecordedResponse>> = {
  unemployment,
  'median-income': medianIncome,
};
export const seriesByMetric: Record<string, RecordedResponse> = {
  unemployment: seriesUnemployment,
  'median-income': seriesMedianIncome,
};
export { boundaries, metrics, noData, rateLimited, refusals, unknownMetric };
