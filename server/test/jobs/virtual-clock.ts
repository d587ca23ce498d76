// A clock for the connectors' pacing and retry tests (src/jobs/http.ts `Clock`): time moves only when
// someone sleeps, so what a test asserts is the delays the code asked for and the order things happened in,
// never how fast a loaded machine ran them. Each sleeper is woken in its own macrotask, earliest wake-up
// first, with `now()` set to its wake-up time: whatever it does next (pacing's next slot, a fetch() call)
// sees the time it waited for.
import { mock } from 'node:test';
import type { Clock } from '../../src/jobs/http.ts';

interface Sleeper {
  at: number;
  order: number;
  wake: () => void;
}

export class VirtualClock implements Clock {
  #now: number;
  #order = 0;
  #sleepers: Sleeper[] = [];
  #scheduled = false;
  /** Every delay asked for, in ms, in the order asked. */
  readonly asked: number[] = [];

  constructor(start = 1_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.asked.push(ms);
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = { at: this.#now + Math.max(0, ms), order: this.#order++, wake: resolve };
      signal?.addEventListener(
        'abort',
        () => {
          this.#sleepers = this.#sleepers.filter((other) => other !== sleeper);
          reject(signal.reason);
        },
        { once: true },
      );
      this.#sleepers.push(sleeper);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.#sleepers.shift();
      if (!next) return;
      this.#now = Math.max(this.#now, next.at);
      next.wake();
      if (this.#sleepers.length > 0) this.#schedule();
    });
  }
}

/** Runs `run` and returns, with its result, the time on `clock` at which each fetch() call left this
 * process (connection set-up and the upstream's answer happen after, on the machine's own time). */
export async function sentTimes<T>(clock: Clock, run: () => Promise<T>): Promise<{ result: T; sent: number[] }> {
  const sent: number[] = [];
  const realFetch = globalThis.fetch;
  const spy = mock.method(globalThis, 'fetch', (...args: Parameters<typeof fetch>) => {
    sent.push(clock.now());
    return realFetch(...args);
  });
  try {
    return { result: await run(), sent };
  } finally {
    spy.mock.restore();
  }
}
