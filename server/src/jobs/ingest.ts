// One ingestion run of one source: fetch every series, validate, write each series as one batch, record the run.
// A series that fails (after retries) is reported and skipped; the others are written. StatCan's maintenance
// window ends the run as `rescheduled`. A run that changed rows bumps the data version so API caches refresh.
import type { Db } from '../db/client.ts';
import { type SeriesSpec, type SourceId, seriesFor } from './catalogue.ts';
import { createFredConnector, MissingApiKeyError } from './fred.ts';
import { type Connector, type FetchWindow, MaintenanceWindowError } from './series.ts';
import type { IngestSettings } from './settings.ts';
import { createStatcanConnector } from './statcan.ts';
import {
  bumpDataVersion,
  creditSource,
  retireSamples,
  finishRun,
  previewSeries,
  type RunStatus,
  type SeriesError,
  startRun,
  type WriteCounts,
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
  /** Restrict to some series (tests, retries); default every series of the source. */
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
}

export function createConnector(source: SourceId, settings: IngestSettings): Connector {
  return source === 'fred' ? createFredConnector(settings) : createStatcanConnector(settings);
}

async function chooseWindow(options: RunOptions): Promise<FetchWindow> {
  if (options.from) return { mode: 'range', from: options.from, to: options.to };
  if (options.to) return { mode: 'range', from: options.settings.backfillFrom, to: options.to };
  const prefix = options.source === 'fred' ? 'fred:%' : 'statcan:%';
  const { rows } = await options.db.query(`select 1 from observations where source like $1 limit 1`, [prefix]);
  return rows.length === 0
    ? { mode: 'range', from: options.settings.backfillFrom }
    : { mode: 'update', periods: options.settings.updatePeriods };
}

export async function runIngestion(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const { db, source } = options;
  const dryRun = options.dryRun ?? false;
  const series = options.series ?? seriesFor(source);
  const connector = options.connector ?? createConnector(source, options.settings);
  const window = await chooseWindow(options);
  const run = dryRun ? undefined : await startRun(db, source);
  const summary: RunSummary = {
    source,
    runId: run?.id,
    status: 'succeeded',
    dryRun,
    window,
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
  };
  let index = 0;
  try {
    for await (const outcome of connector.fetch(series, window, options.signal)) {
      index++;
      const base = { source, series: outcome.spec.seriesId, region: outcome.spec.region, index, total: series.length };
      if (!outcome.ok) {
        summary.seriesFailed++;
        summary.errors.push({ series: outcome.spec.seriesId, region: outcome.spec.region, message: outcome.error });
        options.onProgress?.({ ...base, ok: false, rows: 0, missing: 0, error: outcome.error });
        continue;
      }
      try {
        const writeStarted = performance.now();
        const counts = dryRun
          ? await previewSeries(db, outcome.observations)
          : await writeSeries(db, outcome.observations);
        summary.writeMs += performance.now() - writeStarted;
        summary.seriesOk++;
        summary.inserted += counts.inserted;
        summary.updated += counts.updated;
        summary.unchanged += counts.unchanged;
        summary.samplesReplaced += counts.samplesReplaced;
        const rows = outcome.observations.length;
        options.onProgress?.({ ...base, ok: true, rows, missing: outcome.missing, counts });
      } catch (error) {
        const message = `database write failed: ${(error as Error).message}`;
        summary.seriesFailed++;
        summary.errors.push({ series: outcome.spec.seriesId, region: outcome.spec.region, message });
        options.onProgress?.({ ...base, ok: false, rows: 0, missing: 0, error: message });
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
  if (run && summary.seriesOk > 0) summary.samplesReplaced += await retireSamples(db, source);
  if (run) {
    const changed = summary.inserted + summary.updated + summary.samplesReplaced > 0;
    if (changed) {
      // After a bulk load the planner's statistics describe the old, smaller table; refresh them now rather than
      // at autovacuum's next pass, so the next reads (API, the next run) get index plans.
      if (summary.inserted >= 1_000) await db.query('analyze observations');
      await creditSource(db, source);
      summary.dataVersion = await bumpDataVersion(db);
      await options.onDataChanged?.(summary.dataVersion);
    }
    await finishRun(db, run.id, summary);
  }
  summary.durationMs = performance.now() - started;
  return summary;
}
