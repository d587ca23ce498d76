// Writes for ingestion: each series is one batch, written in one transaction with one upsert that changes a row
// only when its value changed (or a preliminary value became final). Unchanged rows are filtered out before the
// upsert, so a run that brings nothing new writes nothing (ON CONFLICT … WHERE still locks every conflicting row).
// Also: the derived measures (recomputed from stored levels), the run record (`ingestion_runs`), the data version
// bump that refreshes API caches, and the metric's source credits.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { bumpVersion, readVersions } from '../db/versions.ts';
import { writeMetricRow } from '../db/metric-rows.ts';
import { type MetricDeclaration, type SourceId, sourceCountry } from '../metric-catalogue.ts';
import type { Source } from '../schemas.ts';
import { seriesFor } from './catalogue.ts';
import type { Observation } from './series.ts';

type SourceCredit = Source & { country: string };

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Sample rows (`status = 'sample'`) removed because real data now covers their region. */
  samplesReplaced: number;
}

/** Keeps the last observation of each period (a range answer may repeat a period); sorted by time. */
function dedupe(observations: readonly Observation[]): Observation[] {
  const byTime = new Map<string, Observation>();
  for (const observation of observations) byTime.set(observation.time, observation);
  return [...byTime.values()].sort((a, b) => (a.time < b.time ? -1 : 1));
}

interface Pending {
  /** New or changed observations: what the upsert must write. */
  changed: Observation[];
  /** How many of `changed` have no row yet. */
  newRows: number;
  /** Sample rows of the region (any period) that real data replaces. */
  samples: number;
}

/** The cheap check first: a digest of the stored rows over the batch's periods, compared with the same digest of
 * the batch. Equal (and no sample rows) means nothing to write, at the cost of four parameters and one short row.
 * Different digests (including any formatting difference between PostgreSQL's and JavaScript's number text, or a
 * stored period the source no longer sends) only mean the exact comparison below runs. A stored `revised` value
 * and an incoming `final` one compare equal: both say "not preliminary", which is all an update would look at. */
async function quickCheck(
  db: Db,
  batch: Observation[],
): Promise<{ verdict: 'unchanged' | 'all-new' | 'compare'; samples: number }> {
  const first = batch[0]!;
  const { rows } = await db.query<{ samples: number; digest: string; n: number }>(
    `select (select count(*)::integer from observations
              where metric = $1 and region = $2 and status = 'sample') as samples,
            md5(coalesce(string_agg(time::text || ':' || coalesce(value::text, 'null') || ':' ||
                                    (status = 'preliminary')::text, ',' order by time), '')) as digest,
            count(*)::integer as n
       from observations
      where metric = $1 and region = $2 and time between $3 and $4 and status <> 'sample'`,
    [first.metric, first.region, first.time, batch.at(-1)!.time],
  );
  const row = rows[0]!;
  const samples = row.samples;
  if (row.n === 0) return { verdict: 'all-new', samples }; // a backfill into empty periods: nothing to compare
  if (samples > 0 || row.n !== batch.length) return { verdict: 'compare', samples };
  const text = batch
    .map((observation) => `${observation.time}:${observation.value}:${observation.status === 'preliminary'}`)
    .join(',');
  return { verdict: createHash('md5').update(text).digest('hex') === row.digest ? 'unchanged' : 'compare', samples };
}

/** Compares a series with what is stored, in the database and in one statement that returns only the positions
 * of new or changed observations (a no-change series costs one round trip and ships no rows back), plus whether
 * the region still has sample rows. */
async function pendingChanges(db: Db, batch: Observation[]): Promise<Pending> {
  const first = batch[0]!;
  const quick = await quickCheck(db, batch);
  if (quick.verdict === 'unchanged') return { changed: [], newRows: 0, samples: 0 };
  if (quick.verdict === 'all-new') return { changed: batch, newRows: batch.length, samples: quick.samples };
  const { rows } = await db.query<{ samples: number; changed: number[]; new_rows: number }>(
    `select (select count(*)::integer from observations
              where metric = $1 and region = $2 and status = 'sample') as samples,
            coalesce(array_agg(b.i::integer order by b.i), '{}') as changed,
            (count(*) filter (where o.time is null or o.status = 'sample'))::integer as new_rows
       from unnest($3::date[], $4::float8[], $5::text[]) with ordinality as b(time, value, status, i)
       left join observations o on o.metric = $1 and o.region = $2 and o.time = b.time
      where o.time is null or o.status = 'sample' or o.value is distinct from b.value
         or (o.status = 'preliminary' and b.status <> 'preliminary')`,
    [
      first.metric,
      first.region,
      batch.map((observation) => observation.time),
      batch.map((observation) => observation.value),
      batch.map((observation) => observation.status),
    ],
  );
  const row = rows[0]!;
  return {
    changed: row.changed.map((position) => batch[position - 1]!),
    newRows: row.new_rows,
    samples: row.samples,
  };
}

/** Writes one series for one region (all observations share metric and region). A series with nothing new is
 * settled by the one read; otherwise one transaction: drop the region's sample rows, one upsert. */
export async function writeSeries(db: Db, observations: readonly Observation[]): Promise<WriteCounts> {
  const batch = dedupe(observations);
  const first = batch[0];
  if (!first) return { inserted: 0, updated: 0, unchanged: 0, samplesReplaced: 0 };
  const { changed, samples } = await pendingChanges(db, batch);
  if (changed.length === 0 && samples === 0) {
    return { inserted: 0, updated: 0, unchanged: batch.length, samplesReplaced: 0 };
  }
  return db.transaction(async (tx) => {
    const replaced = await tx.query(
      `delete from observations where metric = $1 and region = $2 and status = 'sample' returning 1`,
      [first.metric, first.region],
    );
    let inserted = 0;
    let updated = 0;
    if (changed.length > 0) {
      // A changed value is a revision; an unchanged value only moves from preliminary to final. The WHERE clause
      // repeats the comparison made above, so a row another writer has just made identical is not rewritten.
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

/** What writeSeries would do, without writing (dry runs). */
export async function previewSeries(db: Db, observations: readonly Observation[]): Promise<WriteCounts> {
  const batch = dedupe(observations);
  if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: 0, samplesReplaced: 0 };
  const { changed, newRows, samples } = await pendingChanges(db, batch);
  return {
    inserted: newRows,
    updated: changed.length - newRows,
    unchanged: batch.length - changed.length,
    samplesReplaced: samples,
  };
}

/** Once a source has delivered a metric, the sample rows of its country's regions that it has no series for (the
 * territories, which the LFS tables do not cover; US states without a CPI) go too: those regions show "no data",
 * not samples. Regions whose series failed keep their samples until their series succeeds. */
export async function retireSamples(db: Db, source: SourceId, metric: string): Promise<number> {
  const { rows } = await db.query(
    `delete from observations
      where metric = $1 and status = 'sample' and not (region = any($3::text[]))
        and region in (select code from regions where country = $2)
      returning 1`,
    [metric, sourceCountry[source], seriesFor(source, [metric]).map((spec) => spec.region)],
  );
  return rows.length;
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
export async function creditSource(db: Db, source: SourceId, metric: MetricDeclaration): Promise<void> {
  const { rows } = await db.query<{ sources: unknown; samples: boolean }>(
    `select sources, exists (select 1 from observations where metric = $1 and status = 'sample') as samples
       from metrics where id = $1`,
    [metric.id],
  );
  const current = Array.isArray(rows[0]?.sources) ? (rows[0].sources as SourceCredit[]) : [];
  const samples = rows[0]?.samples ?? false;
  const credit = metric.coverage[sourceCountry[source]].credit;
  // US before CA, as the map reads.
  const sources = [
    ...current.filter((entry) => entry?.country !== sourceCountry[source]),
    ...(credit ? [credit] : []),
  ].sort((a, b) => (a.country < b.country ? 1 : -1));
  const description = samples
    ? `${metric.definition} Regions not yet ingested still show SAMPLE values (synthetic, not official statistics).`
    : metric.definition;
  await writeMetricRow(db, metric, { title: metric.title, description, sources, isSample: samples });
}

/** Recomputes a derived metric (a percent change over `lag` periods) from the stored levels of its base, for
 * every region, in one statement: new periods are inserted, periods whose level was revised are revised, unchanged
 * values are left alone (so a run that changed nothing writes nothing). A derived value is preliminary when its
 * newer level is. `sample` computes the sample rows from the sample levels instead. */
export async function writeDerived(db: Db, metric: MetricDeclaration, sample = false): Promise<WriteCounts> {
  const derivation = metric.derivation;
  if (!derivation) throw new Error(`metric "${metric.id}" is not derived`);
  const step = { monthly: '1 month', quarterly: '3 months', annual: '1 year' }[metric.frequency];
  const { rows } = await db.query<{ inserted: boolean }>(
    `insert into observations as o (metric, region, time, value, status, source)
     select $1, cur.region, cur.time, round(((cur.value / prev.value - 1) * 100)::numeric, 6)::float8,
            case when $4 then 'sample' when cur.status = 'preliminary' then 'preliminary' else 'final' end,
            case when $4 then 'chronos-sample' else 'derived:' || $2 end
       from observations cur
       join observations prev on prev.metric = cur.metric and prev.region = cur.region
                             and prev.time = (cur.time - $3::interval)::date
      where cur.metric = $2 and cur.value is not null and prev.value is not null and prev.value <> 0
        and (cur.status = 'sample') = $4 and (prev.status = 'sample') = $4
     on conflict (metric, region, time) do update
       set value = excluded.value,
           status = case when o.status <> 'sample' and excluded.status <> 'sample'
                          and o.value is distinct from excluded.value then 'revised' else excluded.status end,
           source = excluded.source, ingested_at = now()
       where o.value is distinct from excluded.value or (o.status = 'sample') <> (excluded.status = 'sample')
          or (o.status = 'preliminary' and excluded.status <> 'preliminary')
     returning (xmax = 0) as inserted`,
    [metric.id, derivation.from, `${derivation.lag * Number(step.split(' ')[0])} ${step.split(' ')[1]}`, sample],
  );
  const inserted = rows.filter((row) => row.inserted).length;
  let samplesReplaced = 0;
  if (!sample) {
    // Regions whose base metric no longer has sample rows lose their derived sample rows too.
    const replaced = await db.query(
      `delete from observations d
        where d.metric = $1 and d.status = 'sample'
          and not exists (select 1 from observations b where b.metric = $2 and b.region = d.region and b.status = 'sample')
        returning 1`,
      [metric.id, derivation.from],
    );
    samplesReplaced = replaced.rows.length;
  }
  return { inserted, updated: rows.length - inserted, unchanged: 0, samplesReplaced };
}
