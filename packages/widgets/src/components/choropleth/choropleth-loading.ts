// Loading for <chronos-choropleth> as a ReactiveController, modelled on @lit/task: each run gets its own
// AbortSignal and aborts the run it replaces (every run aborts when the element leaves the page); the
// status (loading / ready / empty / error) lives here and re-renders the host; a run that was not aborted
// turns its failure into the error state instead of throwing into the page. A full run fetches geometry
// and values while the map is created; a values run fetches values only, onto the geometry drawn. A rate
// limit counts down (re-rendering every second) and runs again by itself when the wait is over.
import {
  ChronosClient,
  type ChoroplethData,
  type ChoroplethDataInput,
  normalizeData,
  type StableValuesByCountry,
  stableValuesByCountry,
} from '@chronos/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChronosErrorDetail } from '../../events/error.ts';
import { apiBase } from '../../internal/api-base.ts';
import { loadGeometry, type RegionGeometry } from '../../internal/geometry-loader.ts';
import { messagesOf } from '../../internal/lang.ts';
import { describeFailure } from './choropleth-errors.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

/** What the loader reads from the element. */
export interface LoadingHost extends ReactiveControllerHost {
  api?: string | undefined;
  apiKey?: string | undefined;
  metric: string;
  boundaries: string;
  data?: ChoroplethDataInput | undefined;
  stableBreaks: boolean;
}

/** What the element does with what was loaded. */
export interface LoadingSteps {
  /** Validated settings. */
  settings(): { geo: string; time: string };
  /** Creates the map (once) after the first render; undefined when there is nowhere to draw it. Resolves once
   * regions can be drawn on it. */
  attachMap(): Promise<unknown> | undefined;
  /** Resolves once the map can show values (MapLibre's worker loads); rejects with the failure otherwise. */
  mapReady(): Promise<void>;
  /** Draws newly loaded geometry (before its values are shown). */
  drawGeometry(geometry: RegionGeometry): void;
  /** Shows values; `classifyOver` is every period's values (per country) when breaks are stable. */
  show(data: ChoroplethData, classifyOver: StableValuesByCountry | undefined, signal: AbortSignal): Promise<void>;
  /** Reports an error (the `chronos-error` event). */
  report(detail: ChronosErrorDetail): void;
}

export class LoadingController implements ReactiveController {
  #host: LoadingHost;
  #steps: LoadingSteps;
  #status: LoadStatus = 'loading';
  #error: ChronosErrorDetail | undefined;
  #all: AbortController | undefined;
  #data: AbortController | undefined;
  #client: ChronosClient | undefined;
  #geometry: RegionGeometry | undefined;
  #stable = new Map<string, Promise<StableValuesByCountry>>();
  /** While rate limited: when the automatic retry runs (ms since epoch), and the one-second ticker. */
  #retryAt: number | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(host: LoadingHost, steps: LoadingSteps) {
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

  /** The geometry drawn, once loaded. */
  get geometry(): RegionGeometry | undefined {
    return this.#geometry;
  }

  /** The API base URL in use. */
  get api(): string {
    return apiBase(this.#host.api);
  }

  /** Whole seconds until the automatic retry after a rate limit (undefined when none is due). */
  get retryIn(): number | undefined {
    return this.#retryAt === undefined ? undefined : Math.max(0, Math.ceil((this.#retryAt - Date.now()) / 1000));
  }

  hostDisconnected(): void {
    this.#all?.abort();
    this.#data?.abort();
    this.#stopCountdown();
  }

  /** The API or its key changed: the next request uses a new client. */
  resetClient(): void {
    this.#client = undefined;
  }

  /** Loads everything again; any run in progress is abandoned. */
  runAll(): Promise<void> {
    this.#all?.abort();
    this.#data?.abort();
    this.#stopCountdown();
    const run = new AbortController();
    this.#all = run;
    this.#set('loading', undefined);
    return this.#run(run, (signal) => this.#loadAll(signal));
  }

  /** Loads values again (everything when nothing is drawn yet); an earlier values run is abandoned. */
  runData(): Promise<void> {
    if (!this.#geometry) return this.runAll();
    this.#data?.abort();
    const run = new AbortController();
    this.#data = run;
    return this.#run(run, async (signal) => {
      const data = await this.#fetchData(signal);
      if (!signal.aborted) await this.#show(data, signal);
    });
  }

  /** After values were shown: `ready`, or `empty` when the period has none. */
  shown(hasBreaks: boolean): void {
    this.#set(hasBreaks ? 'ready' : 'empty', undefined);
  }

  /** Shows and reports a failure. */
  fail(detail: ChronosErrorDetail): void {
    this.#stopCountdown();
    this.#set('error', detail);
    this.#steps.report(detail);
    if (detail.kind === 'rate-limit') this.#startCountdown(detail.retryAfter ?? 0);
  }

  #startCountdown(seconds: number): void {
    this.#retryAt = Date.now() + seconds * 1000;
    this.#ticker = setInterval(() => {
      if ((this.retryIn ?? 0) > 0) this.#host.requestUpdate();
      else void this.runAll();
    }, 1000);
  }

  #stopCountdown(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#retryAt = undefined;
  }

  get #apiClient(): ChronosClient {
    const apiKey = this.#host.apiKey;
    this.#client ??= new ChronosClient({ baseUrl: this.api, ...(apiKey ? { apiKey } : {}) });
    return this.#client;
  }

  async #loadAll(signal: AbortSignal): Promise<void> {
    await this.#host.updateComplete;
    // Geometry, values and the map (MapLibre chunk, WebGL context, workers) all start at once.
    const map = this.#steps.attachMap();
    if (!map) return;
    const [, geometry, data] = await Promise.all([
      map,
      loadGeometry({
        boundaries: this.#host.boundaries ?? '',
        api: this.api,
        client: this.#apiClient,
        geo: this.#steps.settings().geo,
        signal,
      }),
      this.#fetchData(signal),
    ]);
    if (signal.aborted) return;
    this.#geometry = geometry;
    // Drawn first: MapLibre's worker starts tiling the regions while the worker check's answer is awaited.
    this.#steps.drawGeometry(geometry);
    await this.#steps.mapReady();
    if (!signal.aborted) await this.#show(data, signal);
  }

  async #fetchData(signal: AbortSignal): Promise<ChoroplethData> {
    const data = this.#host.data;
    if (data !== undefined && data !== null) return normalizeData(data);
    const { geo, time } = this.#steps.settings();
    return this.#apiClient.data({ metric: this.#host.metric, geo, time, signal });
  }

  async #show(data: ChoroplethData, signal: AbortSignal): Promise<void> {
    const classifyOver = await this.#stableValues(signal);
    if (!signal.aborted) await this.#steps.show(data, classifyOver, signal);
  }

  /** Every value of every period per country, fetched once per metric, for stable breaks (per country when the
   * metric is classified per country). */
  #stableValues(signal: AbortSignal): Promise<StableValuesByCountry> | undefined {
    const { metric, stableBreaks, data } = this.#host;
    if (!stableBreaks || data) return undefined;
    const key = `${this.api}|${metric}|${this.#steps.settings().geo}`;
    let values = this.#stable.get(key);
    if (!values) {
      values = this.#apiClient.series({ metric, signal }).then((series) => stableValuesByCountry(series));
      values.catch(() => this.#stable.delete(key));
      this.#stable.set(key, values);
    }
    return values;
  }

  async #run(run: AbortController, step: (signal: AbortSignal) => Promise<void>): Promise<void> {
    try {
      await step(run.signal);
    } catch (error) {
      if (!run.signal.aborted)
        this.fail(describeFailure(error, this.api, messagesOf(this.#host as unknown as Element)));
    }
  }

  #set(status: LoadStatus, error: ChronosErrorDetail | undefined): void {
    if (status === this.#status && error === this.#error) return;
    this.#status = status;
    this.#error = error;
    this.#host.requestUpdate();
  }
}
