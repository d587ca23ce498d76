// Elects one instance per scheduled ingestion slot when several API instances share one PostgreSQL: the
// node-cron RunCoordinator built on a PostgreSQL advisory lock. The embedded PGlite store is
// single-process and needs none (the scheduler then runs without a coordinator).
import type { RunCoordinator } from 'node-cron';
import type { Db } from '../db/client.ts';
import type { SourceId } from './catalogue.ts';

/** node-cron task names are `<taskPrefix><source>`; run keys are `<task name>:<slot>`. */
export const taskPrefix = 'chronos-ingest-';
/** Marks the slot of a retry armed after StatCan's maintenance window (`<task>:retry@<ISO time>`). */
export const retryMarker = 'retry@';
/** Advisory lock key space (first int) for ingestion jobs; the second int is the source. */
const lockClass = 7_248_114;
const lockOf: Record<SourceId, number> = { fred: 1, statcan: 2 };

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
