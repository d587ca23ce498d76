// Scheduled ingestion: one node-cron (v4) task per source, daily after the source's release in its time zone,
// with noOverlap and a random start delay (jitter); StatCan's maintenance window (409) is retried later. On
// PostgreSQL the run coordinator (run-coordinator.ts) elects one instance per slot. Plain class, no Fastify:
// plugins/app/scheduler.ts wires it to the app's lifecycle.
import { EventEmitter } from 'node:events';
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db/client.ts';
import { type SourceId, sourceIds } from './catalogue.ts';
import { type RunOptions, type RunSummary, runIngestion } from './ingest.ts';
import { PgAdvisoryRunCoordinator, retryMarker, taskPrefix } from './run-coordinator.ts';
import { type IngestSettings, missingFredKeyMessage } from './settings.ts';

interface Log {
  info(object: object | string, message?: string): void;
  warn(object: object | string, message?: string): void;
  error(object: object | string, message?: string): void;
}

export interface IngestSchedulerOptions {
  db: Db;
  settings: IngestSettings;
  log: Log;
  /** Called when a run changed data (after the data version bump), e.g. to refresh the server's version. */
  onDataChanged?: (version: number) => void | Promise<void>;
  /** Extra options for every run (tests: series subsets, connectors). */
  runOptions?: Partial<Omit<RunOptions, 'db' | 'source' | 'settings'>>;
}

export interface IngestSchedulerEvents {
  run: [RunSummary];
  skipped: [{ source: SourceId; reason: string }];
}

export class IngestScheduler extends EventEmitter<IngestSchedulerEvents> {
  readonly #options: IngestSchedulerOptions;
  readonly #tasks = new Map<SourceId, ScheduledTask>();
  readonly #coordinator: PgAdvisoryRunCoordinator | undefined;
  readonly #retries = new Set<NodeJS.Timeout>();
  readonly #abort = new AbortController();
  readonly #running = new Set<Promise<RunSummary>>();

  constructor(options: IngestSchedulerOptions) {
    super();
    this.#options = options;
    this.#coordinator = options.db.kind === 'postgres' ? new PgAdvisoryRunCoordinator(options.db) : undefined;
  }

  /** The sources with a schedule (FRED needs FRED_API_KEY). */
  get scheduled(): SourceId[] {
    return [...this.#tasks.keys()];
  }

  start(): void {
    const { settings, log } = this.#options;
    for (const source of sourceIds) {
      const job = settings.scheduler.jobs[source];
      if (source === 'fred' && !settings.fredApiKey) {
        log.warn(`${missingFredKeyMessage} (the FRED schedule is disabled)`);
        continue;
      }
      const validation = cron.validateDetailed(job.cron);
      if (!validation.valid) {
        throw new Error(
          `${source.toUpperCase()}_SCHEDULE "${job.cron}" is not a cron expression: ${validation.errors.map((error) => error.message).join('; ')}`,
        );
      }
      const task = cron.createTask(job.cron, () => this.#run(source), {
        name: `${taskPrefix}${source}`,
        timezone: job.timezone,
        noOverlap: true,
        maxRandomDelay: settings.scheduler.jitterMs,
        distributed: this.#coordinator !== undefined,
        runCoordinator: this.#coordinator,
        distributedLease: 60 * 60_000,
      });
      task.on('execution:skipped', (context) => {
        this.emit('skipped', { source, reason: context.reason ?? 'skipped' });
      });
      task.start();
      this.#tasks.set(source, task);
      log.info({ source, cron: job.cron, timezone: job.timezone, next: task.getNextRun() }, 'ingestion scheduled');
    }
  }

  /** Stops the schedule and cancels runs in flight, waiting for them to record how they ended (before the
   * database closes). */
  async stop(): Promise<void> {
    this.#abort.abort();
    for (const timer of this.#retries) clearTimeout(timer);
    this.#retries.clear();
    await Promise.all([...this.#tasks.values()].map((task) => task.destroy()));
    this.#tasks.clear();
    await Promise.allSettled([...this.#running]);
    this.#coordinator?.releaseAll();
  }

  /** Runs a source now, outside the schedule (operators, tests); same logging, events and cache refresh. */
  runNow(source: SourceId): Promise<RunSummary> {
    return this.#run(source);
  }

  #run(source: SourceId): Promise<RunSummary> {
    const run = this.#runOnce(source);
    this.#running.add(run);
    const forget = () => this.#running.delete(run);
    run.then(forget, forget);
    return run;
  }

  async #runOnce(source: SourceId): Promise<RunSummary> {
    const { db, settings, log } = this.#options;
    const summary = await runIngestion({
      ...this.#options.runOptions,
      db,
      source,
      settings,
      signal: this.#abort.signal,
      onDataChanged: this.#options.onDataChanged,
    });
    const { status, inserted, updated, unchanged, errors } = summary;
    const fields = { source, status, inserted, updated, unchanged, errors: errors.slice(0, 5) };
    if (status === 'succeeded') log.info(fields, 'ingestion run finished');
    else if (status === 'rescheduled') log.warn(fields, 'ingestion rescheduled (source in maintenance)');
    else log.error(fields, 'ingestion run finished with errors');
    if (status === 'rescheduled' && !this.#abort.signal.aborted) this.#retryLater(source);
    this.emit('run', summary);
    return summary;
  }

  /** StatCan's 409 window: try again later, through the same election as a scheduled slot. */
  #retryLater(source: SourceId): void {
    const timer = setTimeout(async () => {
      this.#retries.delete(timer);
      const key = `${taskPrefix}${source}:${retryMarker}${new Date().toISOString()}`;
      try {
        if (this.#coordinator && !(await this.#coordinator.shouldRun(key))) return;
        try {
          await this.#run(source);
        } finally {
          this.#coordinator?.onComplete(key);
        }
      } catch (error) {
        this.#options.log.error({ err: error, source }, 'rescheduled ingestion failed');
      }
    }, this.#options.settings.scheduler.statcanRescheduleMs);
    this.#retries.add(timer);
  }
}
