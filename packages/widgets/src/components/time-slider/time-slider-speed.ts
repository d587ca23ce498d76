// The `speed` attribute of <chronos-time-slider>: steps per second (`1`, `2.5`) or milliseconds per step
// with the unit (`800ms`). Out-of-range or unreadable values fall back to 1 step per second, with the
// problem named (in the catalogue's words) so the element can report it.
import { loadedMessages, type Messages } from '@chronos/core';

/** Fastest and slowest playback accepted: 20 steps/s and one step a minute. */
const FASTEST_MS = 50;
const SLOWEST_MS = 60_000;
const DEFAULT_MS = 1000;

/** The interval a step lasts, and what is wrong with `speed` in the words of `messages` (English by default). */
export function parseSpeed(
  speed: string | number | null | undefined,
  messages: Messages = loadedMessages('en')!,
): { ms: number; problem?: string } {
  if (speed === null || speed === undefined || speed === '') return { ms: DEFAULT_MS };
  const text = String(speed).trim().toLowerCase();
  const perStep = /^(\d+(?:\.\d+)?)\s*ms$/.exec(text);
  const ms = perStep ? Number(perStep[1]) : /^\d+(?:\.\d+)?$/.test(text) ? 1000 / Number(text) : Number.NaN;
  if (Number.isFinite(ms) && ms >= FASTEST_MS && ms <= SLOWEST_MS) return { ms };
  return { ms: DEFAULT_MS, problem: messages.attributes.speed(FASTEST_MS, SLOWEST_MS / 1000, String(speed)) };
}
