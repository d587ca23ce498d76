// `chronos-server ingest`: run ingestion once from the command line (backfills, catch-up after an outage, checks
// with --dry-run). One progress line per series, a summary table at the end; exit code 0 when every series
// succeeded, 1 when any failed, 75 (temporary failure) when a source was in its maintenance window, 2 on bad flags.
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { seed } from '../data/seed.ts';
import { createDb } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { metricIds } from '../metric-catalogue.ts';
import { type SourceId, sourceIds } from './catalogue.ts';
import { type RunSummary, runIngestion, type SeriesProgress } from './ingest.ts';
import type { IngestSettings } from './settings.ts';

export const ingestUsage = `Usage: chronos-server ingest [--source fred|statcan|all] [--metric ID[,ID…]] [--from YYYY-MM] [--to YYYY-MM] [--dry-run]

  --source   which source to ingest (default all)
  --metric   which metrics of the catalogue (default all; derived measures follow their levels)
  --from     first month of a backfill; without it, the latest periods are fetched
             (a source with no rows yet is backfilled from INGEST_BACKFILL_FROM)
  --to       last month of a backfill (default: the newest the source has)
  --dry-run  fetch and compare, report what would change, write nothing`;

export class IngestUsageError extends Error {
  override name = 'IngestUsageError';
}

export interface IngestArgs {
  sources: SourceId[];
  metrics: string[] | undefined;
  from: string | undefined;
  to: string | undefined;
  dryRun: boolean;
}

const month = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Parses and validates the flags; throws IngestUsageError naming the problem and the valid choices. */
export function parseIngestArgs(args: string[]): IngestArgs {
  let values: { source?: string; metric?: string; from?: string; to?: string; 'dry-run'?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        source: { type: 'string' },
        metric: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new IngestUsageError((error as Error).message);
  }
  const source = values.source ?? 'all';
  if (source !== 'all' && !sourceIds.includes(source as SourceId)) {
    throw new IngestUsageError(`--source "${source}" is not a source. Valid: fred, statcan, all`);
  }
  const metrics = values.metric?.split(',').map((id) => id.trim());
  const unknown = metrics?.filter((id) => !metricIds.includes(id));
  if (unknown?.length) {
    throw new IngestUsageError(
      `--metric "${unknown.join(',')}" is not in the catalogue. Valid: ${metricIds.join(', ')}`,
    );
  }
  for (const flag of ['from', 'to'] as const) {
    const value = values[flag];
    if (value !== undefined && !month.test(value)) {
      throw new IngestUsageError(`--${flag} "${value}" is not a month: use YYYY-MM, e.g. 2019-01`);
    }
  }
  if (values.from && values.to && values.from > values.to) {
    throw new IngestUsageError(`--from ${values.from} is after --to ${values.to}`);
  }
  const now = new Date().toISOString().slice(0, 7);
  if (values.from && values.from > now) throw new IngestUsageError(`--from ${values.from} is in the future`);
  return {
    sources: source === 'all' ? [...sourceIds] : [source as SourceId],
    metrics,
    from: values.from,
    to: values.to,
    dryRun: values['dry-run'] ?? false,
  };
}

function progressLine(progress: SeriesProgress, dryRun: boolean): string {
  const position = `[${progress.source} ${String(progress.index).padStart(2)}/${progress.total}]`;
  const what = `${progress.region.padEnd(6)} ${progress.series.padEnd(8)}`;
  if (!progress.ok) return `${position} ✗ ${what} ${progress.error}`;
  const counts = progress.counts!;
  const verb = dryRun ? 'would insert' : 'inserted';
  const missing = progress.missing ? `, ${progress.missing} missing` : '';
  return `${position} ✓ ${what} ${String(progress.rows).padStart(4)} rows: ${verb} ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged}${missing}`;
}

export function summaryTable(summaries: RunSummary[]): string {
  const header = ['source', 'status', 'series ok', 'failed', 'inserted', 'updated', 'unchanged', 'seconds'];
  const rows = summaries.map((summary) => [
    summary.source,
    summary.dryRun ? `${summary.status} (dry run)` : summary.status,
    String(summary.seriesOk),
    String(summary.seriesFailed),
    String(summary.inserted),
    String(summary.updated),
    String(summary.unchanged),
    (summary.durationMs / 1000).toFixed(1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Exit code for a set of runs (see the module comment). */
export function exitCodeFor(summaries: RunSummary[]): number {
  if (summaries.some((summary) => summary.status === 'failed' || summary.status === 'partial')) return 1;
  if (summaries.some((summary) => summary.status === 'rescheduled')) return 75;
  return 0;
}

export async function ingestCommand(
  config: Config,
  args: string[],
  settings: IngestSettings = config.ingest,
  out: (line: string) => void = (line) => console.log(line),
): Promise<number> {
  let parsed: IngestArgs;
  try {
    parsed = parseIngestArgs(args);
  } catch (error) {
    if (!(error instanceof IngestUsageError)) throw error;
    console.error(`chronos-server ingest: ${error.message}\n\n${ingestUsage}`);
    return 2;
  }
  const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.paths.dataDir });
  const summaries: RunSummary[] = [];
  try {
    await migrate(db);
    await seed(db, config.paths.boundariesFile); // regions must exist (no-op when they do)
    for (const source of parsed.sources) {
      const summary = await runIngestion({
        db,
        source,
        settings,
        ...(parsed.metrics ? { metrics: parsed.metrics } : {}),
        from: parsed.from,
        to: parsed.to,
        dryRun: parsed.dryRun,
        onProgress: (progress) => out(progressLine(progress, parsed.dryRun)),
      });
      for (const error of summary.errors.filter((entry) => entry.series === '*')) out(`[${source}] ✗ ${error.message}`);
      summaries.push(summary);
    }
  } finally {
    await db.close();
  }
  out('');
  out(summaryTable(summaries));
  return exitCodeFor(summaries);
}
