// Scheduled ingestion: one node-cron (v4) task per source, daily after the source's release in its time zone,
// with noOverlap and a random start delay (jitter). Started when the app is ready, stopped when it closes;
// SCHEDULER=off leaves it out (instances that only serve). On PostgreSQL several instances may run this plugin:
// a run coordinator built on a PostgreSQL advisory lock elects exactly one of them per scheduled slot. The
// embedded PGlite store is single-process, so no coordination is needed there.
import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { Db } from '../db/client.ts';
import { type SourceId, sourceIds } from '../jobs/catalogue.ts';
import { type RunOptions, type RunSummary, runIngestion } from '../jobs/ingest.ts';
import { type IngestSettings, loadIngestSettings, missingFredKeyMessage } from '../jobs/settings.ts';

interface Log {
  info(object: object | string, message?: string): void;
  warn(object: object | string, message?: string): void;
  error(object: object | string, message?: string): void;
}

const taskPrefix = 'chronos-ingest-';
/** Advisory lock key space (first int) for ingestion jobs; the second int is the source. */
const lockClass = 7_248_114;
const lockOf: Record<SourceId, number> = { fred: 1, statcan: 2 };
const retryMarker = 'retry@';

/**
 * Elects one instance per (job, slot): the elected instance holds `pg_try_advisory_xact_lock` in an open
 * transaction for the whole run, so instances firing while it runs are not elected; an instance that gets the lock
 * after the run finished sees a run of that source recorded since the slot and steps aside too.
 */
export class PgAdvisoryRunCoordinator implements RunCoordinator {
  readonly #db: Db;
  readonly #held = new Map<string, () => void>();
  constructor(db: Db) {
    this.#db = db;
  }

  shouldRun(key: string): Promise<boolean> {
    const separator = key.indexOf(':');
    const source = key.slice(taskPrefix.length, separator) as SourceId;
    const slot = key.slice(separator + 1);
    return new Promise<boolean>((resolve, reject) => {
      this.#db
        .transaction(async (tx) => {
          const { rows } = await tx.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1, $2) as locked', [
            lockClass,
            lockOf[source] ?? 0,
          ]);
          if (!rows[0]?.locked) return resolve(false);
          // A retry after a maintenance window was armed by the one instance that ran the slot: the lock is enough.
          // Otherwise (clocks of instances differ a little) a run that started shortly before the slot is this slot's.
          if (!slot.startsWith(retryMarker)) {
            const { rows: runs } = await tx.query(
              `select 1 from ingestion_runs where source = $1 and started_at >= $2::timestamptz - interval '30 seconds'
               limit 1`,
              [source, slot],
            );
            if (runs.length > 0) return resolve(false);
          }
          const released = new Promise<void>((done) => this.#held.set(key, done));
          resolve(true);
          await released; // the lock goes with the transaction when the run completes
        })
        .catch(reject);
    });
  }

  onComplete(key: string): void {
    this.#held.get(key)?.();
    this.#held.delete(key);
  }

  releaseAll(): void {
    for (const release of this.#held.values()) release();
    this.#held.clear();
  }
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

declare module 'fastify' {
  interface FastifyInstance {
    ingestScheduler: IngestScheduler | null;
  }
}

export interface SchedulerPluginOptions {
  /** Defaults to the environment (loadIngestSettings). */
  settings?: IngestSettings;
  runOptions?: IngestSchedulerOptions['runOptions'];
  onDataChanged?: IngestSchedulerOptions['onDataChanged'];
}

export default fp<SchedulerPluginOptions>(
  async (fastify, options) => {
    const settings = options.settings ?? loadIngestSettings();
    if (!settings.scheduler.enabled) {
      fastify.log.info('SCHEDULER=off: this instance serves only, ingestion is not scheduled');
      fastify.decorate('ingestScheduler', null);
      return;
    }
    // This instance's API answers from the new rows at once (other instances see the version on their next poll).
    const refreshCatalog = fastify.hasDecorator('catalog')
      ? async () => {
          await fastify.catalog.refresh();
        }
      : undefined;
    const scheduler = new IngestScheduler({
      db: fastify.db,
      settings,
      log: fastify.log,
      runOptions: options.runOptions,
      onDataChanged: options.onDataChanged ?? refreshCatalog,
    });
    fastify.decorate('ingestScheduler', scheduler);
    fastify.addHook('onReady', async () => scheduler.start());
    fastify.addHook('onClose', async () => scheduler.stop());
  },
  { name: 'scheduler', dependencies: ['db'] },
);
