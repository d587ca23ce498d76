// One ingestion run of one source: fetch every series, validate, write each series as one batch, record the run.
// A series that fails (after retries) is reported and skipped; the others are written. StatCan's maintenance
// window ends the run as `rescheduled`. A run that changed rows bumps the data version so API caches refresh.
import type { Db } from '../db/client.ts';
import { declaredMetric, derivedFrom, metricIds } from '../metric-catalogue.ts';
import { type SeriesSpec, type SourceId, seriesFor } from './catalogue.ts';
import { createFredConnector, MissingApiKeyError } from './fred.ts';
import { type Connector, type FetchWindow, MaintenanceWindowError, resample } from './series.ts';
import type { IngestSettings } from './settings.ts';
import { createStatcanConnector } from './statcan.ts';
import {
  bumpDataVersion,
  creditSource,
  finishRun,
  retireSamples,
  previewSeries,
  type RunStatus,
  type SeriesError,
  startRun,
  type WriteCounts,
  writeDerived,
  writeSeries,
} from './store.ts';

export interface SeriesProgress {
  source: SourceId;
  series: string;
  region: string;
  index: number;
  total: number;
  ok: boolean;
  rows: number;
  missing: number;
  counts?: WriteCounts;
  error?: string;
}

export interface RunOptions {
  db: Db;
  source: SourceId;
  settings: IngestSettings;
  /** Backfill window as YYYY-MM months; without `from` the latest periods are fetched (or a backfill from
   * settings.backfillFrom when the source has no rows yet). */
  from?: string | undefined;
  to?: string | undefined;
  dryRun?: boolean;
  /** Restrict to some metrics (default: every metric of the catalogue the source fills). */
  metrics?: readonly string[];
  /** Restrict to some series (tests, retries); default every series of the chosen metrics. */
  series?: readonly SeriesSpec[];
  /** Replaces the source's connector (tests). */
  connector?: Connector;
  onProgress?: (progress: SeriesProgress) => void;
  /** Called after a run changed data and bumped the version (e.g. to drop an in-process cache). */
  onDataChanged?: (version: number) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface RunSummary {
  source: SourceId;
  runId: number | undefined;
  status: Exclude<RunStatus, 'running'>;
  dryRun: boolean;
  window: FetchWindow;
  inserted: number;
  updated: number;
  unchanged: number;
  samplesReplaced: number;
  seriesOk: number;
  seriesFailed: number;
  errors: SeriesError[];
  dataVersion: number | undefined;
  durationMs: number;
  /** Time spent in database writes (bench). */
  writeMs: number;
  /** Rows of derived measures inserted or revised (also counted in inserted/updated). */
  derived: number;
}

export function createConnector(source: SourceId, settings: IngestSettings): Connector {
  return source === 'fred' ? createFredConnector(settings) : createStatcanConnector(settings);
}

/** A backfill when asked, or when the source has no rows of this metric yet; otherwise the latest periods. */
async function chooseWindow(options: RunOptions, metric: string): Promise<FetchWindow> {
  if (options.from) return { mode: 'range', from: options.from, to: options.to };
  if (options.to) return { mode: 'range', from: options.settings.backfillFrom, to: options.to };
  const prefix = options.source === 'fred' ? 'fred:%' : 'statcan:%';
  const { rows } = await options.db.query(`select 1 from observations where metric = $1 and source like $2 limit 1`, [
    metric,
    prefix,
  ]);
  return rows.length === 0
    ? { mode: 'range', from: options.settings.backfillFrom }
    : { mode: 'update', periods: options.settings.updatePeriods };
}

/** The series to fetch, grouped by metric (catalogue order). */
function seriesByMetric(options: RunOptions): Map<string, SeriesSpec[]> {
  const series = options.series ?? seriesFor(options.source, options.metrics ?? metricIds);
  const groups = new Map<string, SeriesSpec[]>();
  for (const spec of series) groups.set(spec.metric, [...(groups.get(spec.metric) ?? []), spec]);
  return groups;
}

export async function runIngestion(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const { db, source } = options;
  const dryRun = options.dryRun ?? false;
  const groups = seriesByMetric(options);
  const total = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  const connector = options.connector ?? createConnector(source, options.settings);
  const windows = new Map<string, FetchWindow>();
  for (const metric of groups.keys()) windows.set(metric, await chooseWindow(options, metric));
  const run = dryRun ? undefined : await startRun(db, source);
  const summary: RunSummary = {
    source,
    runId: run?.id,
    status: 'succeeded',
    dryRun,
    window: windows.values().next().value ?? { mode: 'update', periods: options.settings.updatePeriods },
    inserted: 0,
    updated: 0,
    unchanged: 0,
    samplesReplaced: 0,
    seriesOk: 0,
    seriesFailed: 0,
    errors: [],
    dataVersion: undefined,
    durationMs: 0,
    writeMs: 0,
    derived: 0,
  };
  /** Per metric: whether a series delivered, and whether rows changed. */
  const delivered = new Map<string, { ok: boolean; changed: boolean }>();
  let index = 0;
  try {
    for (const [metric, series] of groups) {
      const state = { ok: false, changed: false };
      delivered.set(metric, state);
      for await (const outcome of connector.fetch(series, windows.get(metric)!, options.signal)) {
        index++;
        const spec = outcome.spec;
        const base = { source, series: spec.seriesId, region: spec.region, index, total };
        if (!outcome.ok) {
          summary.seriesFailed++;
          summary.errors.push({ series: spec.seriesId, region: spec.region, message: outcome.error });
          options.onProgress?.({ ...base, ok: false, rows: 0, missing: 0, error: outcome.error });
          continue;
        }
        try {
          const observations = resample(outcome.observations, spec);
          const writeStarted = performance.now();
          const counts = dryRun ? await previewSeries(db, observations) : await writeSeries(db, observations);
          summary.writeMs += performance.now() - writeStarted;
          summary.seriesOk++;
          summary.inserted += counts.inserted;
          summary.updated += counts.updated;
          summary.unchanged += counts.unchanged;
          summary.samplesReplaced += counts.samplesReplaced;
          state.ok = true;
          state.changed ||= counts.inserted + counts.updated + counts.samplesReplaced > 0;
          options.onProgress?.({ ...base, ok: true, rows: observations.length, missing: outcome.missing, counts });
        } catch (error) {
          const message = `database write failed: ${(error as Error).message}`;
          summary.seriesFailed++;
          summary.errors.push({ series: spec.seriesId, region: spec.region, message });
          options.onProgress?.({ ...base, ok: false, rows: 0, missing: 0, error: message });
        }
      }
    }
    summary.status = summary.seriesFailed === 0 ? 'succeeded' : summary.seriesOk > 0 ? 'partial' : 'failed';
  } catch (error) {
    if (error instanceof MaintenanceWindowError) {
      summary.status = 'rescheduled';
      summary.errors.push({ series: '*', region: '*', message: error.message });
    } else if (error instanceof MissingApiKeyError || !options.signal?.aborted) {
      summary.status = 'failed';
      summary.errors.push({ series: '*', region: '*', message: (error as Error).message });
    } else {
      summary.status = 'failed';
      summary.errors.push({ series: '*', region: '*', message: 'cancelled' });
    }
  }
  if (run) {
    await settleMetrics(db, source, delivered, summary);
    if (summary.inserted + summary.updated + summary.samplesReplaced > 0) {
      // After a bulk load the planner's statistics describe the old, smaller table; refresh them now rather than
      // at autovacuum's next pass, so the next reads (API, the next run) get index plans.
      if (summary.inserted >= 1_000) await db.query('analyze observations');
      summary.dataVersion = await bumpDataVersion(db);
      await options.onDataChanged?.(summary.dataVersion);
    }
    await finishRun(db, run.id, summary);
  }
  summary.durationMs = performance.now() - started;
  return summary;
}

/** After the fetches: for each metric a series delivered, retire the samples real data made obsolete, recompute
 * the measures derived from it (once, from the stored levels) and credit the source in its metadata. */
async function settleMetrics(
  db: Db,
  source: SourceId,
  delivered: Map<string, { ok: boolean; changed: boolean }>,
  summary: RunSummary,
): Promise<void> {
  for (const [id, state] of delivered) {
    if (!state.ok) continue;
    const retired = await retireSamples(db, source, id);
    summary.samplesReplaced += retired;
    if (!state.changed && retired === 0) continue;
    const metric = declaredMetric(id);
    if (!metric) continue; // a metric outside the catalogue (tests): rows only
    await creditSource(db, source, metric);
    for (const derived of derivedFrom(id)) {
      const counts = await writeDerived(db, derived);
      summary.inserted += counts.inserted;
      summary.updated += counts.updated;
      summary.samplesReplaced += counts.samplesReplaced;
      summary.derived += counts.inserted + counts.updated;
      await creditSource(db, source, derived);
    }
  }
}
