// <chronos-time-slider>: steps a map (or a page, standalone) through a metric's periods. Linked to a
// <chronos-choropleth> by `for`, it sets the map's `time` and follows the map's `chronos-time-change`;
// playing, it keeps the map's classes fixed (stable breaks) and prefetches the coming periods so that no
// frame waits on the network. Periods, prefetch and playback live in the modules beside this one.
import { type Frequency, formatPeriod, isAbortError, periodKey } from '@chronos/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ChronosErrorEvent } from '../../events/error.ts';
import { baseStyles, ChronosElement } from '../../internal/chronos-element.ts';
import { companionStyles } from '../../internal/companion.styles.ts';
import { AttributeReports } from '../../internal/attribute-reports.ts';
import { LangController, loadingNotice } from '../../internal/lang.ts';
import { LinkedMapController } from '../../internal/linked-map.ts';
import type { ChronosChoropleth } from '../choropleth/choropleth.ts';
import { Player } from './time-slider-player.ts';
import { prefetchPeriods, type Timeline, timelineOfCatalogue, timelineOfMap } from './time-slider-periods.ts';
import { parseSpeed } from './time-slider-speed.ts';
import { timeSliderStyles } from './time-slider.styles.ts';

/** Periods a PageUp/PageDown moves: a year of months or quarters, five years. */
const PAGE: Record<Frequency, number> = { monthly: 12, quarterly: 4, annual: 5, daily: 7 };

const icons = {
  play: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9.5-5.5z"/></svg>`,
  pause: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 2.5h3.2v11H3.5zm5.8 0h3.2v11H9.3z"/></svg>`,
  previous: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 2.5v11L3.5 8z"/></svg>`,
  next: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M5 2.5v11L12.5 8z"/></svg>`,
};

/**
 * A time slider for a metric's periods (months, quarters or years), with step buttons and play/pause.
 *
 * @tag chronos-time-slider
 * @summary Steps a linked map (or the page) through a metric's periods; plays them at a set speed.
 *
 * @event input - The period changed by the user or by playback (`value` is the new period); while dragging, on every move.
 * @event change - The period was committed (released slider, key, button, or a playback step).
 * @event {ChronosErrorEvent} chronos-error - The periods could not be loaded, or an attribute was invalid (`kind` `attribute`).
 *
 * @csspart base - The row around the controls.
 * @csspart play-button - The play/pause button.
 * @csspart previous-button - The previous-period button.
 * @csspart next-button - The next-period button.
 * @csspart range - The native range input.
 * @csspart label - The period's name beside the range.
 *
 * @cssproperty --chronos-font-family - Font.
 * @cssproperty --chronos-font-size - Base font size.
 * @cssproperty --chronos-radius - Corner radius of the frame and buttons.
 * @cssproperty --chronos-background - Background of the frame.
 * @cssproperty --chronos-text-color - Text colour.
 * @cssproperty --chronos-muted-color - Loading and error text.
 * @cssproperty --chronos-border-color - Borders.
 * @cssproperty --chronos-accent-color - The range's colour and focus rings.
 */
export class ChronosTimeSlider extends ChronosElement {
  static override styles = [baseStyles, companionStyles, timeSliderStyles];

  /** Id of the `<chronos-choropleth>` to drive (in the same document or shadow root). Without it the slider is standalone. */
  @property({ reflect: true }) for?: string;
  /** Metric id whose periods to step through (standalone; a linked slider follows the map's `metric`). */
  @property() metric = 'unemployment';
  /** Base URL of the Chronos API (standalone; a linked slider uses the map's). */
  @property() api?: string;
  /** Publishable API key (standalone; a linked slider uses the map's). */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** The period shown, in the metric's form: `2025-09`, `2025-Q3` or `2025` (default: the map's, else the latest). */
  @property() value?: string;
  /** Playback speed: steps per second (`1`, `2.5`), or milliseconds per step with a unit (`800ms`). Default 1 step/s. */
  @property() speed: string | number = 1;
  /** How many periods ahead playback requests before it gets there (0 turns prefetch off). */
  @property({ type: Number }) prefetch = 3;
  /** `stable` (default): the linked map classifies over every period, so colours mean the same in every frame; `period`: the map's own setting. */
  @property() breaks = 'stable';
  /** Playing (set to start and stop; `play()`/`pause()` do the same; set on the tag, playback starts once the periods are loaded). */
  @property({ type: Boolean, reflect: true }) playing = false;
  /** Starts again from the first period after the last while playing. */
  @property({ type: Boolean }) loop = false;
  /** `auto` (follows prefers-color-scheme), `light` or `dark`. */
  @property({ reflect: true }) theme = 'auto';

  @state() private timeline?: Timeline;
  @state() private problem?: string;
  #catalogue?: AbortController;
  /** The value changed by #follow since the last update (not the page's choice). */
  #following = false;
  /** Playback's prefetched periods, settled once in the shared cache: a step waits for its period's. */
  #prefetched = new Map<string, Promise<void>>();
  #stableSetOn?: ChronosChoropleth;
  #lang = new LangController(this);
  #reports = new AttributeReports(this, () => this.#lang.settled);

  #linked = new LinkedMapController(this, {
    id: () => this.for,
    events: {
      'chronos-load': () => this.#followMap(),
      'chronos-time-change': () => this.#followMap(),
    },
    changed: (map, previous) => {
      if (previous && previous === this.#stableSetOn) {
        previous.stableBreaks = false;
        this.#stableSetOn = undefined;
      }
      if (map) this.#applyBreaks(map);
      void this.#loadTimeline();
    },
  });

  #player = new Player(this, {
    interval: () => parseSpeed(this.speed).ms,
    step: () => this.#step(1, true),
    // The next step waits for this frame and for its own values in the cache: its frame never waits on the network.
    ready: (signal) => Promise.all([this.#frameShown(signal), this.#nextPrefetched()]).then(() => undefined),
    ended: () => {
      this.playing = false;
    },
  });

  /** The `<chronos-choropleth>` named by `for`, once it is on the page. */
  get map(): ChronosChoropleth | undefined {
    return this.#linked.map;
  }

  /** The periods stepped through, oldest first (empty while loading). */
  get periods(): readonly string[] {
    return this.timeline?.periods ?? [];
  }

  /** Starts playback (from the first period when at the last). */
  play(): void {
    this.playing = true;
  }

  /** Stops playback. */
  pause(): void {
    this.playing = false;
  }

  /** Moves by `steps` periods (negative: back), as the step buttons do; fires `input` and `change`. */
  stepBy(steps: number): boolean {
    return this.#step(steps, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#catalogue?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { problem } = parseSpeed(this.speed, this.#lang.messages);
    if (problem) this.#reports.report('speed', String(this.speed), problem);
    if (!this.#linked.map && (changed.has('metric') || changed.has('api') || changed.has('apiKey'))) {
      if (this.hasUpdated || !this.for) void this.#loadTimeline();
    }
    if (changed.has('breaks') && this.#linked.map) this.#applyBreaks(this.#linked.map);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value') && !this.#following) this.#pushToMap();
    this.#following = false;
    if (changed.has('playing') || ((changed as Map<PropertyKey, unknown>).has('timeline') && this.playing))
      this.#startOrStop();
  }

  /** Follows `playing`; a slider told to play before its periods arrived starts when they do. */
  #startOrStop(): void {
    if (!this.playing) {
      this.#player.stop();
      return;
    }
    if (this.#player.running || !this.timeline) return;
    if (this.periods.length < 2) {
      this.playing = false;
      return;
    }
    this.#prefetched.clear();
    if (this.#index() >= this.periods.length - 1 && !this.loop) this.#commit(this.periods[0]!, true);
    this.#prefetchAfter(this.#index());
    this.#player.start();
  }

  #applyBreaks(map: ChronosChoropleth): void {
    if (this.breaks === 'period') {
      if (this.#stableSetOn === map) map.stableBreaks = false;
      this.#stableSetOn = undefined;
    } else if (!map.stableBreaks) {
      map.stableBreaks = true;
      this.#stableSetOn = map;
    }
  }

  async #loadTimeline(): Promise<void> {
    this.#catalogue?.abort();
    const fromMap = timelineOfMap(this.#linked.map);
    if (fromMap) return this.#setTimeline(fromMap);
    // Linked by `for` to a map not on the page yet: nothing to ask until it is (its API and metric count).
    if (this.for && !this.#linked.map) return;
    const run = new AbortController();
    this.#catalogue = run;
    try {
      const timeline = await timelineOfCatalogue(this.#linked.map ?? this, run.signal);
      if (!run.signal.aborted && !timelineOfMap(this.#linked.map)) this.#setTimeline(timeline);
    } catch (error) {
      if (run.signal.aborted || isAbortError(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new ChronosErrorEvent({ kind: 'api', message: this.problem }));
    }
  }

  #setTimeline(timeline: Timeline): void {
    this.problem = undefined;
    if (JSON.stringify(timeline) !== JSON.stringify(this.timeline)) this.timeline = timeline;
    const chosen = this.value !== undefined && timeline.periods.includes(this.value);
    const asked = this.#mapAsked();
    // A period the page chose wins over a map left on `latest`; otherwise the slider shows where the map is (going).
    if (chosen && this.#linked.map?.time === 'latest') this.#pushToMap();
    else if (asked && timeline.periods.includes(asked)) this.#follow(asked);
    else if (!chosen) this.#follow(timeline.periods.at(-1));
  }

  /** Shows a period the slider did not choose itself (the map's, or the default): nothing to send to the map. */
  #follow(period: string | undefined): void {
    if (period === this.value) return;
    this.value = period;
    this.#following = true;
  }

  /** The page set `value`: the linked map goes there (unless it already shows or asked for it). */
  #pushToMap(): void {
    const map = this.#linked.map;
    if (!map || !this.value || !this.periods.includes(this.value)) return;
    if (this.#mapAsked() !== this.value) map.time = this.value;
  }

  /** The map's `chronos-load` / `chronos-time-change`: follow it, unless it is still on its way to what was asked. */
  #followMap(): void {
    const map = this.#linked.map;
    if (!map) return;
    const fromMap = timelineOfMap(map);
    if (fromMap && JSON.stringify(fromMap) !== JSON.stringify(this.timeline)) this.#setTimeline(fromMap);
    const shown = this.#mapPeriod();
    if (shown && shown === this.#mapAsked() && shown !== this.value) this.#follow(shown);
  }

  /** The period the linked map was asked for (its `time`, or the period it shows while on `latest`). */
  #mapAsked(): string | undefined {
    const time = this.#linked.map?.time;
    return !time || time === 'latest' ? this.#mapPeriod() : time.trim().toUpperCase();
  }

  /** The period the linked map shows, in the timeline's form. */
  #mapPeriod(): string | undefined {
    const data = this.#linked.map?.loadedData;
    return data?.time ? periodKey(data.time, data.metric.frequency) : undefined;
  }

  #index(): number {
    return this.value ? this.periods.indexOf(this.value) : -1;
  }

  #step(by: number, playing: boolean): boolean {
    const periods = this.periods;
    if (periods.length === 0) return false;
    let index = this.#index() + by;
    if (playing && index >= periods.length && this.loop) index = 0;
    if (playing && index >= periods.length) return false;
    index = Math.max(0, Math.min(periods.length - 1, index));
    if (periods[index] === this.value) return false;
    if (playing) this.#prefetchAfter(index);
    this.#commit(periods[index]!, true);
    return true;
  }

  /** Shows `period`, on the map too; `committed` fires `change` after `input`. */
  #commit(period: string, committed: boolean): void {
    this.value = period;
    const map = this.#linked.map;
    if (map && map.time !== period) map.time = period;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (committed) this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Requests the `prefetch` periods after `index` (wrapping when looping) through the shared cache. */
  #prefetchAfter(index: number): void {
    const map = this.#linked.map;
    if (!map || this.prefetch <= 0) return;
    const periods = this.periods;
    const ahead: string[] = [];
    for (let i = 1; i <= this.prefetch; i++) {
      const at = this.loop ? (index + i) % periods.length : index + i;
      if (at < periods.length) ahead.push(periods[at]!);
    }
    // Asked again each step: the shared cache answers what it holds, and refetches what expired (a long loop).
    for (const [period, settled] of prefetchPeriods(map, ahead)) this.#prefetched.set(period, settled);
  }

  /** The next step's period once prefetched (so its frame is drawn from the cache), at once without prefetch. */
  #nextPrefetched(): Promise<void> {
    const periods = this.periods;
    const next = periods[this.loop ? (this.#index() + 1) % periods.length : this.#index() + 1];
    return (next && this.#prefetched.get(next)) || Promise.resolve();
  }

  /** Resolves once the linked map has drawn the current period (or failed, or was unlinked). */
  #frameShown(signal: AbortSignal): Promise<void> {
    const map = this.#linked.map;
    if (!map || this.#mapPeriod() === this.value) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        map.removeEventListener('chronos-load', check);
        map.removeEventListener('chronos-error', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const check = () => {
        if (this.#linked.map !== map || this.#mapPeriod() === this.value) done();
      };
      map.addEventListener('chronos-load', check);
      map.addEventListener('chronos-error', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  #onKeydown(event: KeyboardEvent): void {
    const last = this.periods.length - 1;
    const page = PAGE[this.timeline?.frequency ?? 'monthly'];
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowUp: 1,
      ArrowLeft: -1,
      ArrowDown: -1,
      PageUp: page,
      PageDown: -page,
      Home: -last - 1,
      End: last + 1,
    };
    if (event.key === ' ') {
      event.preventDefault();
      this.playing = !this.playing;
      return;
    }
    const by = moves[event.key];
    if (by === undefined || last < 0) return;
    event.preventDefault();
    this.#step(by, false);
  }

  #onInput(event: Event): void {
    // The inner input's own event is composed and would reach the page too: the host fires its own.
    event.stopPropagation();
    const period = this.periods[Number((event.target as HTMLInputElement).value)];
    if (period && period !== this.value) this.#commit(period, false);
  }

  #onChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  override render(): TemplateResult {
    const lang = this.#lang.tag;
    const messages = this.#lang.messages.slider;
    const periods = this.periods;
    const index = this.#index();
    const label = this.value && this.timeline ? formatPeriod(this.value, this.timeline.frequency, lang) : '';
    const status = this.problem
      ? messages.failed(this.problem)
      : !this.timeline
        ? loadingNotice(lang, messages.loading)
        : periods.length === 0
          ? messages.noPeriods
          : '';
    const disabled = periods.length < 2;
    return html`<div part="base" class="base" role="group" aria-label=${messages.label}>
      <button part="play-button" type="button" ?disabled=${disabled} aria-label=${this.playing ? messages.pause : messages.play}
        @click=${() => (this.playing = !this.playing)}>${this.playing ? icons.pause : icons.play}</button>
      <button part="previous-button" type="button" ?disabled=${disabled || index <= 0} aria-label=${messages.previous}
        @click=${() => this.stepBy(-1)}>${icons.previous}</button>
      <input part="range" type="range" min="0" max=${Math.max(0, periods.length - 1)} step="1"
        .value=${live(String(Math.max(0, index)))} ?disabled=${disabled} aria-label=${messages.label}
        aria-valuetext=${label || status}
        @keydown=${this.#onKeydown} @input=${this.#onInput} @change=${this.#onChange} />
      <button part="next-button" type="button" ?disabled=${disabled || index >= periods.length - 1} aria-label=${messages.next}
        @click=${() => this.stepBy(1)}>${icons.next}</button>
      <span part="label" class="label ${status ? 'status' : ''}" aria-hidden=${label ? 'true' : nothing}>${label || status}</span>
    </div>`;
  }
}
