// The metric description embedded in data and series responses (the MetricInfo body of schemas.ts), in a
// fixed key order.
import type { Db } from '../db/client.ts';
import { notFound } from '../http-error.ts';
import type { MetricInfo, NumberFormat, Source } from '../schemas.ts';

/** A metrics table row: the same columns, with sources as stored (fields may be missing). */
export interface MetricRow extends Omit<MetricInfo, 'sources'> {
  sources: Partial<Source>[];
}

export const METRIC_COLUMNS =
  'id, title, description, units, frequency, number_format, higher_is_better, sources, is_sample, ' +
  'seasonal_adjustment, classify, scheme, comparability, derivation';

export function toMetricInfo(row: MetricRow): MetricInfo {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    units: row.units,
    frequency: row.frequency,
    number_format: row.number_format ? sortKeys(row.number_format) : null,
    higher_is_better: row.higher_is_better,
    sources: (row.sources ?? []).map((source) => ({
      name: source.name ?? '',
      url: source.url ?? '',
      licence: source.licence ?? '',
      attribution: source.attribution ?? '',
      country: source.country ?? '',
    })),
    is_sample: row.is_sample,
    seasonal_adjustment: row.seasonal_adjustment,
    classify: row.classify,
    scheme: row.scheme,
    comparability: row.comparability,
    derivation: row.derivation,
  };
}

export async function loadMetricInfo(db: Db, metric: string): Promise<MetricInfo> {
  const { rows } = await db.query<MetricRow>(`select ${METRIC_COLUMNS} from metrics where id = $1`, [metric]);
  if (!rows[0]) throw notFound(`Unknown metric "${metric}".`);
  return toMetricInfo(rows[0]);
}

function sortKeys(format: NumberFormat): NumberFormat {
  return Object.fromEntries(Object.entries(format).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
