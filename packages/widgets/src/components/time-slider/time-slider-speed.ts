// The `speed` attribute of <chronos-time-slider>: steps per second (`1`, `2.5`) or milliseconds per step
// with the unit (`800ms`). Out-of-range or unreadable values fall back to 1 step per second, with the
// problem named so the element can report it.

/** Fastest and slowest playback accepted: 20 steps/s and one step a minute. */
const FASTEST_MS = 50;
const SLOWEST_MS = 60_000;
const DEFAULT_MS = 1000;

export function parseSpeed(speed: string | number | null | undefined): { ms: number; problem?: string } {
  if (speed === null || speed === undefined || speed === '') return { ms: DEFAULT_MS };
  const text = String(speed).trim().toLowerCase();
  const perStep = /^(\d+(?:\.\d+)?)\s*ms$/.exec(text);
  const ms = perStep ? Number(perStep[1]) : /^\d+(?:\.\d+)?$/.test(text) ? 1000 / Number(text) : Number.NaN;
  if (Number.isFinite(ms) && ms >= FASTEST_MS && ms <= SLOWEST_MS) return { ms };
  return {
    ms: DEFAULT_MS,
    problem: `speed must be steps per second (e.g. "2") or milliseconds per step (e.g. "800ms"), from ${FASTEST_MS} ms to ${SLOWEST_MS / 1000} s a step; got "${speed}"`,
  };
}
