// Work put off until this thread has nothing more urgent to do: requestIdleCallback with a deadline where the
// browser has it (Safari does not), the next task otherwise.

/** Runs `callback` once the thread is idle, or after `timeoutMs` at the latest. */
export function whenIdle(callback: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: timeoutMs });
  else setTimeout(callback, 0);
}
