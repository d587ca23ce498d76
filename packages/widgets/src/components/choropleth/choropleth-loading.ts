// Loading for <chronos-choropleth> as a ReactiveController, modelled on @lit/task: each run gets its own
// AbortSignal and aborts the run it replaces (and every run aborts when the element leaves the page),
// the status (loading / ready / empty / error) lives here and re-renders the host, and a run that was
// not aborted turns its failure into the error state instead of throwing into the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChronosErrorDetail } from '../../events/error.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface LoadSteps {
  /** Geometry, values and the map: everything, from scratch. */
  all(signal: AbortSignal): Promise<void>;
  /** Values only, onto the geometry already drawn. */
  data(signal: AbortSignal): Promise<void>;
  /** A thrown value as the error the element shows and reports. */
  describe(error: unknown): ChronosErrorDetail;
  /** Reports an error (the `chronos-error` event). */
  report(detail: ChronosErrorDetail): void;
}

export class LoadingController implements ReactiveController {
  #host: ReactiveControllerHost;
  #steps: LoadSteps;
  #status: LoadStatus = 'loading';
  #error: ChronosErrorDetail | undefined;
  #all: AbortController | undefined;
  #data: AbortController | undefined;

  constructor(host: ReactiveControllerHost, steps: LoadSteps) {
    this.#host = host;
    this.#steps = steps;
    host.addController(this);
  }

  get status(): LoadStatus {
    return this.#status;
  }

  /** The error shown, while the status is `error`. */
  get error(): ChronosErrorDetail | undefined {
    return this.#error;
  }

  hostDisconnected(): void {
    this.#all?.abort();
    this.#data?.abort();
  }

  /** Loads everything again; any run in progress is abandoned. */
  runAll(): Promise<void> {
    this.#all?.abort();
    this.#data?.abort();
    const run = new AbortController();
    this.#all = run;
    this.#set('loading', undefined);
    return this.#run(run, this.#steps.all);
  }

  /** Loads values again; an earlier values run is abandoned. */
  runData(): Promise<void> {
    this.#data?.abort();
    const run = new AbortController();
    this.#data = run;
    return this.#run(run, this.#steps.data);
  }

  /** After values were shown: `ready`, or `empty` when the period has none. */
  shown(hasBreaks: boolean): void {
    this.#set(hasBreaks ? 'ready' : 'empty', undefined);
  }

  /** Shows and reports a failure. */
  fail(detail: ChronosErrorDetail): void {
    this.#set('error', detail);
    this.#steps.report(detail);
  }

  async #run(run: AbortController, step: (signal: AbortSignal) => Promise<void>): Promise<void> {
    try {
      await step(run.signal);
    } catch (error) {
      if (!run.signal.aborted) this.fail(this.#steps.describe(error));
    }
  }

  #set(status: LoadStatus, error: ChronosErrorDetail | undefined): void {
    if (status === this.#status && error === this.#error) return;
    this.#status = status;
    this.#error = error;
    this.#host.requestUpdate();
  }
}
