// Playback for <chronos-time-slider>: one step per interval, never faster than the map can show them.
// Each step waits for both the interval and the host's `ready` (the linked map's frame of the previous
// step, and the next period's values in the cache), so a slow frame or a slow network delays the next
// step instead of a frame being skipped or drawn late. Stops with the host.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PlayerSteps {
  /** Milliseconds between steps. */
  interval(): number;
  /** Moves one period on; false when there is none left (playback then stops). */
  step(): boolean;
  /** Resolves when the next step may be taken (the current frame shown, the next one's values at hand). */
  ready(signal: AbortSignal): Promise<void>;
  /** Playback stopped by itself (the last period was reached). */
  ended(): void;
}

export class Player implements ReactiveController {
  #steps: PlayerSteps;
  #run?: AbortController;

  constructor(host: ReactiveControllerHost, steps: PlayerSteps) {
    this.#steps = steps;
    host.addController(this);
  }

  get running(): boolean {
    return this.#run !== undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }

  start(): void {
    if (this.#run) return;
    const run = new AbortController();
    this.#run = run;
    void this.#loop(run.signal);
  }

  stop(): void {
    this.#run?.abort();
    this.#run = undefined;
  }

  async #loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await Promise.all([delay(this.#steps.interval(), signal), this.#steps.ready(signal)]);
      if (signal.aborted) return;
      if (!this.#steps.step()) {
        this.stop();
        this.#steps.ended();
        return;
      }
    }
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
