// Reads on a streaming replica (DATABASE_READ_URL), everything else on the primary. The API's reads
// (responses, the catalog, key lookups) go through `readsFrom`; writes, transactions and migrations keep
// using the primary Db. While the replica is unreachable, reads fall back to the primary rather than
// answering 503: the primary holds the same data (fresher, even), so an outage of the replica costs
// capacity, not answers. After a failure the replica is left alone for RETRY_MS, so an unreachable
// replica does not add a connection timeout to every read; then one read tries it again.
import { type Db, DatabaseUnavailableError } from './client.ts';

const RETRY_MS = 5_000;

export interface ReadRouting {
  /** Where reads went: for tests and /metrics-style introspection. */
  readonly counts: { replica: number; primary: number };
}

/** A Db whose `query` runs on `replica` (falling back to `primary` while it is unavailable) and whose
 * `exec` and `transaction` run on `primary`. Closing it closes the replica only (the primary has its
 * own owner). */
export function readsFrom(primary: Db, replica: Db): Db & ReadRouting {
  let skipReplicaUntil = 0;
  const counts = { replica: 0, primary: 0 };
  return {
    kind: primary.kind,
    counts,
    async query<T>(sql: string, params?: unknown[]) {
      if (Date.now() >= skipReplicaUntil) {
        try {
          const result = await replica.query<T>(sql, params);
          counts.replica++;
          return result;
        } catch (error) {
          // A read cancelled by a conflict with recovery (40001: the replica replaying WAL) is simply
          // answered by the primary; an unavailable replica is also left alone for a while.
          if (error instanceof DatabaseUnavailableError) skipReplicaUntil = Date.now() + RETRY_MS;
          else if ((error as { code?: unknown }).code !== '40001') throw error;
        }
      }
      const result = await primary.query<T>(sql, params);
      counts.primary++;
      return result;
    },
    exec: (sql) => primary.exec(sql),
    transaction: (fn) => primary.transaction(fn),
    close: () => replica.close(),
  };
}
