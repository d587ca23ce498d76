// The metrics table row of a catalogue metric (src/metric-catalogue.ts): written by the sample seeder and by
// ingestion, so both describe a metric with the same words and the same comparability metadata.
import { describeDerivation, type MetricDeclaration } from '../metric-catalogue.ts';
import type { Source } from '../schemas.ts';
import type { Db } from './client.ts';

export interface MetricRowText {
  title: string;
  description: string;
  sources: Source[];
  isSample: boolean;
}

/** Inserts or replaces the row of `metric` (metadata from the catalogue, the rest as given). */
export async function writeMetricRow(db: Db, metric: MetricDeclaration, text: MetricRowText): Promise<void> {
  await db.query(
    `insert into metrics (id, title, description, units, number_format, frequency, higher_is_better, sources, is_sample,
                          seasonal_adjustment, classify, scheme, comparability, derivation, updated_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, now())
     on conflict (id) do update set title = excluded.title, description = excluded.description, units = excluded.units,
       number_format = excluded.number_format, frequency = excluded.frequency,
       higher_is_better = excluded.higher_is_better, sources = excluded.sources, is_sample = excluded.is_sample,
       seasonal_adjustment = excluded.seasonal_adjustment, classify = excluded.classify, scheme = excluded.scheme,
       comparability = excluded.comparability, derivation = excluded.derivation, updated_at = now()`,
    [
      metric.id,
      text.title,
      text.description,
      metric.units,
      JSON.stringify(metric.numberFormat),
      metric.frequency,
      metric.higherIsBetter,
      JSON.stringify(text.sources),
      text.isSample,
      metric.seasonalAdjustment,
      metric.classify,
      metric.scheme,
      comparabilityText(metric),
      describeDerivation(metric),
    ],
  );
}

/** The comparability note plus each country's coverage note (what is covered, what shows no data and why). */
export function comparabilityText(metric: MetricDeclaration): string {
  return `${metric.comparability} United States: ${metric.coverage.US.note} Canada: ${metric.coverage.CA.note}`;
}
