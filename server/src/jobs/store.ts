// Writes for ingestion: each series is one batch, written in one transaction with one upsert that changes a row
// only when its value changed (or a preliminary value became final). Unchanged rows are filtered out before the
// upsert, so a run that brings nothing new writes nothing (ON CONFLICT … WHERE still locks every conflicting row).
// Also: the run record (`ingestion_runs`), the data version bump that refreshes API caches, and the metric's
// source credits.
import type { Db } from '../db/client.ts';
import { bumpVersion, readVersions } from '../db/versions.ts';
import { type SourceCredit, type SourceId, seriesFor, sourceCredits, unemploymentMetric } from './catalogue.ts';
import type { Observation } from './series.ts';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Sample rows (`status = 'sample'`) removed because real data now covers their region. */
  samplesReplaced: number;
}

interface ExistingRow {
  time: string;
  value: number | null;
  status: string;
}

/** Keeps the last observation of each period (a range answer may repeat a period); sorted by time. */
function dedupe(observations: readonly Observation[]): Observation[] {
  const byTime = new Map<string, Observation>();
  for (const observation of observations) byTime.set(observation.time, observation);
  return [...byTime.values()].sort((a, b) => (a.time < b.time ? -1 : 1));
}

/** The rows of one series that the upsert would change, and the counts of those it leaves alone. */
async function pendingChanges(db: Db, metric: string, region: string, batch: Observation[]) {
  const existing = await db.query<ExistingRow>(
    `select time::text as time, value, status from observations
      where metric = $1 and region = $2 and status <> 'sample' and time = any($3::date[])`,
    [metric, region, batch.map((observation) => observation.time)],
  );
  const byTime = new Map(existing.rows.map((row) => [row.time, row]));
  const changed: Observation[] = [];
  let wouldInsert = 0;
  for (const observation of batch) {
    const row = byTime.get(observation.time);
    if (!row) wouldInsert++;
    if (!row || needsUpdate(row, observation)) changed.push(observation);
  }
  return { changed, wouldInsert };
}

function needsUpdate(row: ExistingRow, observation: Observation): boolean {
  return row.value !== observation.value || (row.status === 'preliminary' && observation.status !== 'preliminary');
}

/** Writes one series for one region (all observations share metric and region). */
export async function writeSeries(db: Db, observations: readonly Observation[]): Promise<WriteCounts> {
  const batch = dedupe(observations);
  const first = batch[0];
  if (!first) return { inserted: 0, updated: 0, unchanged: 0, samplesReplaced: 0 };
  return db.transaction(async (tx) => {
    // Real data for a region replaces its sample rows (the embedded demo data), all periods at once.
    const replaced = await tx.query(
      `delete from observations where metric = $1 and region = $2 and status = 'sample' returning 1`,
      [first.metric, first.region],
    );
    const { changed } = await pendingChanges(tx, first.metric, first.region, batch);
    let inserted = 0;
    let updated = 0;
    if (changed.length > 0) {
      // A changed value is a revision; an unchanged value only moves from preliminary to final. The WHERE clause
      // repeats the filter above so that a concurrent writer's identical row is not rewritten.
      const result = await tx.query<{ inserted: boolean }>(
        `insert into observations as o (metric, region, time, value, status, source)
         select * from unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::text[], $6::text[])
         on conflict (metric, region, time) do update
           set value = excluded.value,
               status = case when o.value is distinct from excluded.value then 'revised' else excluded.status end,
               source = excluded.source,
               ingested_at = now()
           where o.value is distinct from excluded.value
              or (o.status = 'preliminary' and excluded.status <> 'preliminary')
         returning (xmax = 0) as inserted`,
        [
          changed.map((observation) => observation.metric),
          changed.map((observation) => observation.region),
          changed.map((observation) => observation.time),
          changed.map((observation) => observation.value),
          changed.map((observation) => observation.status),
          changed.map((observation) => observation.source),
        ],
      );
      for (const row of result.rows) {
        if (row.inserted) inserted++;
        else updated++;
      }
    }
    return { inserted, updated, unchanged: batch.length - inserted - updated, samplesReplaced: replaced.rows.length };
  });
}

/** Once a source has delivered, the sample rows of its country's regions that it has no series for (the
 * territories, which LFS table 14-10-0287-01 does not cover) go too: those regions show "no data", not samples.
 * Regions whose series failed keep their samples until their series succeeds. */
export async function retireSamples(db: Db, source: SourceId): Promise<number> {
  const { rows } = await db.query(
    `delete from observations
      where metric = $1 and status = 'sample' and not (region = any($3::text[]))
        and region in (select code from regions where country = $2)
      returning 1`,
    [unemploymentMetric.id, sourceCredits[source].country, seriesFor(source).map((spec) => spec.region)],
  );
  return rows.length;
}

/** What writeSeries would do, without writing (dry runs). */
export async function previewSeries(db: Db, observations: readonly Observation[]): Promise<WriteCounts> {
  const batch = dedupe(observations);
  const first = batch[0];
  if (!first) return { inserted: 0, updated: 0, unchanged: 0, samplesReplaced: 0 };
  const { changed, wouldInsert } = await pendingChanges(db, first.metric, first.region, batch);
  const samples = await db.query(`select 1 from observations where metric = $1 and region = $2 and status = 'sample'`, [
    first.metric,
    first.region,
  ]);
  const updated = changed.length - wouldInsert;
  return {
    inserted: wouldInsert,
    updated,
    unchanged: batch.length - changed.length,
    samplesReplaced: samples.rows.length,
  };
}

export interface SeriesError {
  series: string;
  region: string;
  message: string;
}

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'rescheduled';

export async function startRun(db: Db, source: SourceId): Promise<{ id: number; startedAt: string }> {
  const { rows } = await db.query<{ id: number; started_at: Date | string }>(
    `insert into ingestion_runs (source, started_at, status, rows_inserted, rows_updated, rows_unchanged, errors)
     values ($1, now(), 'running', 0, 0, 0, '[]'::jsonb) returning id, started_at`,
    [source],
  );
  const row = rows[0]!;
  return { id: Number(row.id), startedAt: new Date(row.started_at).toISOString() };
}

export async function finishRun(
  db: Db,
  id: number,
  result: { status: RunStatus; inserted: number; updated: number; unchanged: number; errors: SeriesError[] },
): Promise<void> {
  await db.query(
    `update ingestion_runs set finished_at = now(), status = $2, rows_inserted = $3, rows_updated = $4,
       rows_unchanged = $5, errors = $6::jsonb where id = $1`,
    [id, result.status, result.inserted, result.updated, result.unchanged, JSON.stringify(result.errors)],
  );
}

/** Bumps the 'data' version (the server's versions module): every API instance's cache keys change, so the
 * next response is built from the new rows. Returns the new version. */
export async function bumpDataVersion(db: Db): Promise<number> {
  await bumpVersion(db, 'data');
  return (await readVersions(db)).data;
}

/** Credits the source in the metric's metadata (one entry per country, replacing the sample entry) and drops the
 * sample wording and `is_sample` once no sample rows are left. Creates the metric row if there is none yet. */
export async function creditSource(db: Db, source: SourceId): Promise<void> {
  const metric = unemploymentMetric;
  await db.query(
    `insert into metrics (id, title, description, units, number_format, frequency, higher_is_better, sources,
                          is_sample, updated_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, '[]'::jsonb, false, now())
     on conflict (id) do nothing`,
    [
      metric.id,
      metric.title,
      metric.description,
      metric.units,
      JSON.stringify(metric.numberFormat),
      metric.frequency,
      metric.higherIsBetter,
    ],
  );
  const { rows } = await db.query<{ sources: unknown; samples: boolean }>(
    `select sources, exists (select 1 from observations where metric = $1 and status = 'sample') as samples
       from metrics where id = $1`,
    [metric.id],
  );
  const current = Array.isArray(rows[0]?.sources) ? (rows[0].sources as SourceCredit[]) : [];
  const samples = rows[0]?.samples ?? false;
  const credit = sourceCredits[source];
  // US before CA, as the map reads.
  const sources = [...current.filter((entry) => entry?.country !== credit.country), credit].sort((a, b) =>
    a.country < b.country ? 1 : -1,
  );
  const description = samples
    ? `${metric.description} Regions not yet ingested still show SAMPLE values (synthetic, not official statistics).`
    : metric.description;
  await db.query(
    `update metrics set title = $2, description = $3, sources = $4::jsonb, is_sample = $5, updated_at = now()
      where id = $1`,
    [metric.id, metric.title, description, JSON.stringify(sources), samples],
  );
}
