// A rate-limit store for @fastify/rate-limit whose counters every instance shares through Redis
// without a Redis round trip per request. Each instance counts locally and, every `syncMs`, adds what it
// counted to Redis in one pipeline (INCRBY + PEXPIREAT per active counter) and learns the total of all
// instances. Decisions use that total plus what this instance counted since: exact on one instance,
// and across N instances a client can overshoot by at most what the others let through in one sync
// interval. The stock Redis store runs a Lua script per request, which cost about a third of the CPU
// of a cached API hit (bench:api); a limit is a guard against abuse, not an invoice, so the trade is right.
// Windows are fixed and aligned to the clock, so all instances agree on them. A Redis failure leaves
// the local counts in charge and is reported through `onError` (rate limits never fail a request).
import type { Redis } from 'ioredis';

interface Counter {
  /** Total across instances as Redis last reported it (this instance's flushed counts included). */
  shared: number;
  /** Counted here and not yet added to Redis. */
  pending: number;
  /** Counted here and being added to Redis by the flush in flight. */
  flushing: number;
  windowEnd: number;
}

export interface SharedCounterStoreOptions {
  redis: Redis;
  prefix: string;
  syncMs?: number;
  onError?: (error: Error) => void;
}

type IncrCallback = (error: Error | null, result: { current: number; ttl: number }) => void;

export class SharedCounterStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #syncMs: number;
  readonly #onError: (error: Error) => void;
  readonly #counters = new Map<string, Counter>();
  /** Each key's counter for its latest window (a shortcut into #counters). */
  readonly #current = new Map<string, Counter>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;

  constructor(options: SharedCounterStoreOptions) {
    this.#redis = options.redis;
    this.#prefix = options.prefix;
    this.#syncMs = options.syncMs ?? 100;
    this.#onError = options.onError ?? (() => {});
  }

  incr(key: string, callback: IncrCallback, timeWindow: number): void {
    const counter = this.#counter(key, timeWindow);
    counter.pending++;
    this.#schedule();
    callback(null, {
      current: counter.shared + counter.pending + counter.flushing,
      ttl: counter.windowEnd - Date.now(),
    });
  }

  read(key: string, callback: IncrCallback, timeWindow: number): void {
    const now = Date.now();
    // As in #counter: the key's current window without building its slot name (the cached-hit fast path
    // reads before it counts, on every request).
    const current = this.#current.get(key);
    const counter =
      current !== undefined && current.windowEnd > now && current.windowEnd - timeWindow <= now
        ? current
        : this.#counters.get(this.#slot(key, timeWindow, now));
    if (!counter) callback(null, { current: 0, ttl: 0 });
    else callback(null, { current: counter.shared + counter.pending + counter.flushing, ttl: counter.windowEnd - now });
  }

  /** read and incr in one step, for the cached-hit fast path (every request): counts one request for
   * `key` when the count so far is below `max`, else counts nothing and says false. */
  take(key: string, timeWindow: number, max: number): boolean {
    const counter = this.#counter(key, timeWindow);
    if (counter.shared + counter.pending + counter.flushing >= max) return false;
    counter.pending++;
    this.#schedule();
    return true;
  }

  /** Route-level limits get their own counters under the same Redis connection and sync. */
  child(routeOptions: { routeInfo: { method: string; url: string } }): SharedCounterStore {
    return new SharedCounterStore({
      redis: this.#redis,
      prefix: `${this.#prefix}${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}:`,
      syncMs: this.#syncMs,
      onError: this.#onError,
    });
  }

  /** Adds every pending count to Redis now (also what the timer does). */
  flush(): Promise<void> {
    this.#flushing ??= this.#flushOnce().finally(() => {
      this.#flushing = undefined;
      if ([...this.#counters.values()].some((counter) => counter.pending > 0)) this.#schedule();
    });
    return this.#flushing;
  }

  /** Stops the sync timer (the app's onClose); pending counts are flushed once more. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  #slot(key: string, timeWindow: number, now: number): string {
    return `${key}:${Math.floor(now / timeWindow)}`;
  }

  #counter(key: string, timeWindow: number): Counter {
    const now = Date.now();
    // The key's counter for the current window, found without building its slot name (every request).
    const current = this.#current.get(key);
    if (current !== undefined && current.windowEnd > now && current.windowEnd - timeWindow <= now) return current;
    const slot = this.#slot(key, timeWindow, now);
    let counter = this.#counters.get(slot);
    if (!counter) {
      counter = { shared: 0, pending: 0, flushing: 0, windowEnd: (Math.floor(now / timeWindow) + 1) * timeWindow };
      this.#counters.set(slot, counter);
    }
    this.#current.set(key, counter);
    return counter;
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#syncMs);
    this.#timer.unref();
  }

  async #flushOnce(): Promise<void> {
    const now = Date.now();
    const batch: [string, Counter][] = [];
    for (const [slot, counter] of this.#counters) {
      if (counter.windowEnd <= now) {
        this.#counters.delete(slot);
        const key = slot.slice(0, slot.lastIndexOf(':'));
        if (this.#current.get(key) === counter) this.#current.delete(key);
        continue;
      }
      if (counter.pending === 0) continue;
      counter.flushing = counter.pending;
      counter.pending = 0;
      batch.push([slot, counter]);
    }
    if (batch.length === 0) return;
    const pipeline = this.#redis.pipeline();
    for (const [slot, counter] of batch) {
      pipeline.incrby(this.#prefix + slot, counter.flushing);
      // A little after the window ends, so a slow instance's late flush still finds the key.
      pipeline.pexpireat(this.#prefix + slot, counter.windowEnd + 10_000);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      batch.forEach(([, counter], index) => {
        const [error, total] = results[index * 2] ?? [new Error('no reply')];
        if (error) throw error;
        counter.shared = Number(total);
        counter.flushing = 0;
      });
    } catch (error) {
      // Keep the counts here: the next flush adds them again, and decisions meanwhile stay local.
      for (const [, counter] of batch) {
        counter.pending += counter.flushing;
        counter.flushing = 0;
      }
      this.#onError(error as Error);
    }
  }
}
