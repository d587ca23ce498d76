// Sample data so the product works offline: synthetic values for every metric of the catalogue, at the metric's
// own frequency (monthly to 2025-09, quarterly to 2025-Q3, annual to 2024), deterministic (the same values on every
// machine), clearly marked as sample in the metric row (`is_sample`, title, description, sources) and with status
// 'sample' on every observation. Derived measures are computed from the sample levels by the same statement that
// computes them from real levels. Real ingestion replaces a region's sample rows when its data arrives.
//
// Coverage follows the real sources: a country that publishes no such statistic (US states have no CPI) gets no
// sample either; a region without an upstream series (Puerto Rico in FRED's participation rates, the territories in
// the monthly LFS) shows no data. For unemployment, Nunavut has no values and Yukon/Northwest Territories appear
// quarterly only, as in the LFS's own territorial publications.
import type { Db } from '../db/client.ts';
import { writeMetricRow } from '../db/metric-rows.ts';
import { bumpVersion } from '../db/versions.ts';
import { writeDerived } from '../jobs/store.ts';
import { type Country, type MetricDeclaration, type MetricFrequency, metricCatalogue } from '../metric-catalogue.ts';
import type { Source } from '../schemas.ts';

export const SAMPLE_FIRST_MONTH = '2021-10';
export const SAMPLE_MONTHS = 48;
/** The last sample period of each frequency (as a first day). */
const LAST: Record<MetricFrequency, string> = { monthly: '2025-09-01', quarterly: '2025-07-01', annual: '2024-01-01' };
const NO_DATA = new Set(['CA-NU']);
const QUARTERLY_ONLY = new Set(['CA-NT', 'CA-YT']);

/** A small deterministic hash → [0, 1). */
function unit(text: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619);
  return ((hash >>> 0) % 100_000) / 100_000;
}

/** `count` periods of a frequency ending at its last sample period, as first days. */
export function samplePeriods(frequency: MetricFrequency, count: number): string[] {
  const last = new Date(`${LAST[frequency]}T00:00:00Z`);
  const months = { monthly: 1, quarterly: 3, annual: 12 }[frequency];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - months * (count - 1 - i), 1));
    return date.toISOString().slice(0, 10);
  });
}

export function sampleMonths(): string[] {
  return samplePeriods('monthly', SAMPLE_MONTHS);
}

/** Periods of a level metric: the derived measures need one lag more than they show. */
function periodsOf(metric: MetricDeclaration): string[] {
  const shown = { monthly: SAMPLE_MONTHS, quarterly: 16, annual: 8 }[metric.frequency];
  const lag = Math.max(
    0,
    ...metricCatalogue.filter((m) => m.derivation?.from === metric.id).map((m) => m.derivation!.lag),
  );
  return samplePeriods(metric.frequency, shown + lag);
}

/** The unemployment sample of a region in a month (kept as first shipped), or null where it has no value. */
export function sampleValue(region: string, time: string, index: number): number | null {
  if (NO_DATA.has(region)) return null;
  const month = Number(time.slice(5, 7));
  if (QUARTERLY_ONLY.has(region) && month % 3 !== 0) return null;
  const base = 3 + unit(region) * 4.5; // 3.0 … 7.5 %
  const cycle = 0.7 * Math.sin((2 * Math.PI * (index + 6 * unit(`${region}:phase`))) / SAMPLE_MONTHS);
  const seasonal = 0.35 * Math.cos((2 * Math.PI * (month - 2)) / 12);
  const noise = (unit(`${region}:${time}`) - 0.5) * 0.3;
  return Math.max(0.5, Math.round((base + cycle + seasonal + noise) * 10) / 10);
}

/** Any other level: rates wander around a regional base; counts, money and indexes grow by a regional rate. */
function levelValue(metric: MetricDeclaration, region: string, time: string, index: number, count: number): number {
  const { low, high, wobble } = metric.sample;
  // Levels in two currencies (or on two index bases) sit on different scales, as real ones do: Canadian values
  // lower, so a map that put both countries on one scale would show it.
  const scale = metric.classify === 'per-country' && region.startsWith('CA-') ? 0.6 : 1;
  const base = (low + unit(`${metric.id}:${region}`) * (high - low)) * scale;
  if (metric.units === 'percent') {
    const cycle = wobble * Math.sin((2 * Math.PI * (index + count * unit(`${region}:phase`))) / count);
    return Math.round((base + cycle + (unit(`${metric.id}:${region}:${time}`) - 0.5) * 0.4) * 10) / 10;
  }
  const perYear = { monthly: 12, quarterly: 4, annual: 1 }[metric.frequency];
  const growth = wobble * (unit(`${metric.id}:${region}:growth`) - 0.25);
  const noise = 1 + (unit(`${metric.id}:${region}:${time}`) - 0.5) * wobble * 0.2;
  const value = base * (1 + growth) ** (index / perYear) * noise;
  return value >= 1000 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** The regions of a country that a level metric's sample covers (see the module comment). */
function sampleRegions(metric: MetricDeclaration, country: Country, regions: string[]): string[] {
  const coverage = metric.coverage[country];
  if (coverage.status === 'none') return [];
  const ofCountry = regions.filter((code) => code.startsWith(`${country}-`));
  if (coverage.status === 'pending' || metric.id === 'unemployment') return ofCountry;
  const covered = new Set(coverage.series.map((spec) => spec.region));
  return ofCountry.filter((code) => covered.has(code));
}

const sampleSource = (country: Country): Source => ({
  name: 'Chronos sample data (synthetic)',
  url: '',
  licence: 'CC0-1.0',
  attribution: 'Synthetic sample values, not official statistics',
  country,
});

/** Writes the sample rows of every catalogue metric (or only those without a metric row yet), idempotently. */
export async function seedSampleData(
  db: Db,
  options: { missingOnly?: boolean } = {},
): Promise<{ observations: number }> {
  const { rows: regionRows } = await db.query<{ code: string }>('select code from regions order by code');
  const regions = regionRows.map((row) => row.code);
  const { rows: existing } = await db.query<{ id: string }>('select id from metrics');
  const present = new Set(existing.map((row) => row.id));
  const wanted = metricCatalogue.filter((metric) => !options.missingOnly || !present.has(metric.id));
  let observations = 0;
  await db.transaction(async (tx) => {
    for (const metric of wanted) {
      const countries = (['US', 'CA'] as const).filter(
        (country) => sampleRegions(metric.derivation ? baseOf(metric) : metric, country, regions).length > 0,
      );
      await writeMetricRow(tx, metric, {
        title: `${metric.title} (sample data)`,
        description:
          'SAMPLE DATA — synthetic, deterministic values generated by Chronos so the product works offline. ' +
          `Not official statistics. Replaced by FRED and Statistics Canada values when ingestion runs. ${metric.definition}`,
        sources: countries.map(sampleSource),
        isSample: true,
      });
      if (metric.derivation) continue; // computed below, from the sample levels
      const periods = periodsOf(metric);
      const codes: string[] = [];
      const times: string[] = [];
      const values: number[] = [];
      for (const country of countries) {
        for (const code of sampleRegions(metric, country, regions)) {
          for (const [index, time] of periods.entries()) {
            const value =
              metric.id === 'unemployment'
                ? sampleValue(code, time, index)
                : levelValue(metric, code, time, index, periods.length);
            if (value === null) continue;
            codes.push(code);
            times.push(time);
            values.push(value);
          }
        }
      }
      // One statement with array parameters: fast on both stores, and still no data in SQL text.
      await tx.query(
        `insert into observations (metric, region, time, value, status, source)
         select $1, region, time, value, 'sample', 'chronos-sample'
         from unnest($2::text[], $3::date[], $4::float8[]) as t(region, time, value)
         on conflict (metric, region, time) do update set value = excluded.value, status = 'sample',
           source = excluded.source, ingested_at = now()`,
        [metric.id, codes, times, values],
      );
      observations += values.length;
    }
    for (const metric of wanted.filter((m) => m.derivation)) {
      observations += (await writeDerived(tx, metric, true)).inserted;
    }
    await bumpVersion(tx, 'data');
  });
  return { observations };
}

function baseOf(metric: MetricDeclaration): MetricDeclaration {
  return metricCatalogue.find((m) => m.id === metric.derivation!.from)!;
}
