// <chronos-timeseries>: an SVG line chart of one metric for one or several regions, from
// `GET /api/metrics/{metric}` through @chronos/core's client (the page-wide request cache shares it with the
// map's own series requests). With `for="map-id"` it follows that map: its selected region (clicks, the
// keyboard, `select()`) and its metric. Failures are shown in the element and reported as `chronos-error`
// with the map's error kinds; nothing is thrown into the page.
import { ChronosClient, type Messages, type SeriesResponse } from '@chronos/core';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ChronosErrorDetail, ChronosErrorEvent } from '../../events/error.ts';
import { apiBase } from '../../internal/api-base.ts';
import { baseStyles, ChronosElement } from '../../internal/chronos-element.ts';
import { frameStyles } from '../../internal/companion.styles.ts';
import { AttributeReports } from '../../internal/attribute-reports.ts';
import { LangController, loadingNotice } from '../../internal/lang.ts';
import { LinkedMapController } from '../../internal/linked-map.ts';
import type { ChronosChoropleth } from '../choropleth/choropleth.ts';
import { describeFailure } from '../choropleth/choropleth-errors.ts';
import { renderStatus } from '../choropleth/choropleth-overlays.ts';
import { loadChart, loadedChart } from './chart-loader.ts';
import type { SeriesView } from './timeseries-data.ts';
import { timeseriesStyles } from './timeseries.styles.ts';

type Status = 'loading' | 'ready' | 'empty' | 'error' | 'no-region';

/** Used when a 429 names no Retry-After (as the map). */
const DEFAULT_RATE_LIMIT_WAIT_S = 10;

/**
 * A line chart of a Chronos metric over time for one or several regions.
 *
 * @tag chronos-timeseries
 * @summary Line chart of a metric over time for one or several regions; follows a map with `for`.
 *
 * @event {ChronosErrorEvent} chronos-error - Loading failed (`detail.kind`: `access`, `rate-limit`, `api` — e.g. 404
 * for an unknown metric —, or `network`, as the map's), or without `for` no `region` was given (`attribute`, once per
 * value, in the page's language); the element shows it too.
 *
 * @csspart base - The element's frame.
 * @csspart plot - The focusable chart area (arrow keys, Home, End move the crosshair).
 * @csspart chart - The SVG.
 * @csspart line - One region's line.
 * @csspart mark - A preliminary (hollow) or revised (filled) point.
 * @csspart current-period - The rule at the period the linked map shows.
 * @csspart crosshair - The vertical rule and dots at the period under the pointer or keyboard.
 * @csspart y-axis - Value grid lines and labels.
 * @csspart x-axis - Period labels.
 * @csspart readout - Every line's value at the crosshair.
 * @csspart footer - The legend of regions and the table toggle.
 * @csspart legend - The regions, with their colours.
 * @csspart table-toggle - The button that shows and hides the table.
 * @csspart table - The table of every point: visually hidden (read by screen readers) until shown.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The message shown with no region or no data.
 * @csspart error - The error panel.
 * @csspart error-headline - The error panel's first line, for the site owner (refused key, rate limit).
 * @csspart retry-button - The error panel's retry button.
 *
 * @cssproperty --chronos-timeseries-height - Height of the chart (default 260px).
 * @cssproperty --chronos-series-color-1 - Colour of the first line (…-2 to …-8 for the next ones).
 * @cssproperty --chronos-font-family - Font of labels, legend and table.
 * @cssproperty --chronos-font-size - Base font size.
 * @cssproperty --chronos-background - Background of the frame.
 * @cssproperty --chronos-text-color - Text colour.
 * @cssproperty --chronos-muted-color - Axis labels and the crosshair.
 * @cssproperty --chronos-border-color - Frame border and grid lines.
 * @cssproperty --chronos-accent-color - Buttons and focus rings.
 * @cssproperty --chronos-error-color - Error text.
 */
export class ChronosTimeseries extends ChronosElement {
  static override styles = [baseStyles, frameStyles, timeseriesStyles];

  /** Base URL of the Chronos API (default: the linked map's, else where the script came from, else this page). */
  @property() api?: string;
  /** Publishable API key (`pk_…`); default: the linked map's. */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** Metric id, e.g. `unemployment` (while linked with `for`, the map's metric). */
  @property() metric = 'unemployment';
  /** Region codes, comma-separated, e.g. `US-CA,CA-ON` (while linked, the map's selected region replaces them). */
  @property() region = '';
  /** Id of a `<chronos-choropleth>` to follow: its selected region and its metric. */
  @property() for?: string;
  /** First period shown, in the metric's form: `YYYY-MM`, `YYYY-Qn` or `YYYY` (default: the first with data). */
  @property() from?: string;
  /** Last period shown, in the metric's form (default: the latest). */
  @property() to?: string;
  /** `auto` (follows prefers-color-scheme), `light` or `dark`. */
  @property({ reflect: true }) theme = 'auto';
  /** Shows the table of every point under the chart (it is always in the accessibility tree). */
  @property({ type: Boolean, reflect: true, attribute: 'show-table' }) showTable = false;

  @state() private status: Status = 'loading';
  @state() private error?: ChronosErrorDetail;
  @state() private body?: SeriesResponse;
  @state() private cursor?: number;
  @state() private size = { width: 600, height: 260 };

  #view?: SeriesView;
  #viewLocale?: string;
  #requested?: string;
  #run?: AbortController;
  #client?: { id: string; client: ChronosClient };
  #retryTimer?: ReturnType<typeof setTimeout>;
  #resize?: ResizeObserver;
  /** Watches the linked map's `selected` attribute: `select()` changes it without an event. */
  #selection?: MutationObserver;
  #lang = new LangController(this);
  #reports = new AttributeReports(this, () => this.#lang.settled);
  #linked = new LinkedMapController(this, {
    id: () => this.for,
    events: {
      'chronos-region-click': () => this.requestUpdate(),
      'chronos-load': () => this.requestUpdate(),
      'chronos-time-change': () => this.requestUpdate(),
    },
    changed: (map) => {
      this.#selection?.disconnect();
      if (!map) return;
      this.#selection = new MutationObserver(() => this.requestUpdate());
      this.#selection.observe(map, { attributes: true, attributeFilter: ['selected'] });
    },
  });

  /** The series shown (the API's body), once loaded. */
  get series(): SeriesResponse | undefined {
    return this.body;
  }

  /** The linked map, while `for` names one on the page. */
  get linkedMap(): ChronosChoropleth | undefined {
    return this.#linked.map;
  }

  /** The metric shown: the linked map's when there is one. */
  get currentMetric(): string {
    const map = this.#linked.map;
    return map?.loadedData?.metric.id ?? map?.metric ?? this.metric;
  }

  /** The regions shown: the linked map's selected region, else the `region` attribute's. */
  get currentRegions(): string[] {
    const selected = this.#linked.map?.selected;
    if (selected) return [selected];
    return this.region
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
  }

  get #api(): string {
    const map = this.#linked.map;
    return apiBase(this.api?.trim() || map?.api);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (!box || box.width <= 0) return;
      const size = { width: Math.round(box.width), height: Math.round(box.height) };
      if (size.width !== this.size.width || size.height !== this.size.height) this.size = size;
    });
    // The chart renderer arrives while the series loads (it is drawn with the first render after both).
    if (!loadedChart())
      void loadChart().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    // Moved in the DOM: a load cut short by the disconnection runs again.
    this.#requested = undefined;
    if (this.hasUpdated) {
      this.#observeStage();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#selection?.disconnect();
    this.#run?.abort();
    clearTimeout(this.#retryTimer);
  }

  protected override firstUpdated(): void {
    this.#observeStage();
  }

  #observeStage(): void {
    const stage = this.renderRoot.querySelector('.stage');
    if (stage) this.#resize?.observe(stage);
  }

  // `lang` is the page's global attribute (not a Lit property): its changes re-render too.
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `super` with this subclass as `this` lists its own properties' attributes
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Without a region to show, standalone: the page hears of it once per `region` value, in its language.
    if (!this.for && this.currentRegions.length === 0) {
      this.#reports.report('region', this.region, this.#lang.messages.timeseries.needRegion);
    }
    // Names follow the language (name_fr), so a new language is a new view too.
    const chart = loadedChart();
    const locale = this.#lang.tag;
    if ((changed as Map<PropertyKey, unknown>).has('body') || this.#viewLocale !== locale) {
      // Without the chart module there is no view yet: it is made on the render after it arrives.
      this.#viewLocale = chart ? locale : undefined;
      this.#view = this.body && chart ? chart.seriesView(this.body, this.currentRegions, locale) : undefined;
    }
  }

  protected override updated(): void {
    const regions = this.currentRegions;
    const key = [
      this.#api,
      this.apiKey ?? this.#linked.map?.apiKey ?? '',
      this.currentMetric,
      regions.join(','),
      this.from,
      this.to,
    ].join('|');
    if (key !== this.#requested) {
      this.#requested = key;
      void this.#load(regions);
    }
  }

  /** Loads again after an error (what the retry button does). */
  retry(): void {
    this.#requested = undefined;
    this.requestUpdate();
  }

  #clientFor(api: string, apiKey: string | undefined): ChronosClient {
    const id = `${api}|${apiKey ?? ''}`;
    if (this.#client?.id !== id)
      this.#client = { id, client: new ChronosClient({ baseUrl: api, ...(apiKey ? { apiKey } : {}) }) };
    return this.#client.client;
  }

  async #load(regions: string[]): Promise<void> {
    this.#run?.abort();
    clearTimeout(this.#retryTimer);
    if (regions.length === 0) {
      this.#set('no-region', undefined, undefined);
      return;
    }
    const run = new AbortController();
    this.#run = run;
    this.#set('loading', undefined, this.body);
    const api = this.#api;
    try {
      const body = await this.#clientFor(api, this.apiKey ?? this.#linked.map?.apiKey).series({
        metric: this.currentMetric,
        regions,
        ...(this.from ? { from: this.from } : {}),
        ...(this.to ? { to: this.to } : {}),
        signal: run.signal,
      });
      if (run.signal.aborted) return;
      const empty = body.series.every((series) => series.points.every(([, value]) => value === null));
      this.cursor = undefined;
      this.#set(empty ? 'empty' : 'ready', undefined, body);
    } catch (error) {
      if (run.signal.aborted) return;
      const detail = describeFailure(error, api, this.#lang.messages);
      this.#set('error', detail, undefined);
      this.dispatchEvent(new ChronosErrorEvent(detail));
      if (detail.kind === 'rate-limit') {
        this.#retryTimer = setTimeout(() => this.retry(), (detail.retryAfter ?? DEFAULT_RATE_LIMIT_WAIT_S) * 1000);
      }
    }
  }

  #set(status: Status, error: ChronosErrorDetail | undefined, body: SeriesResponse | undefined): void {
    this.status = status;
    this.error = error;
    this.body = body;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const count = this.#view?.dates.length ?? 0;
    if (count === 0) return;
    const at = this.cursor;
    const moves: Record<string, () => number | undefined> = {
      ArrowLeft: () => (at === undefined ? count - 1 : Math.max(0, at - 1)),
      ArrowRight: () => (at === undefined ? count - 1 : Math.min(count - 1, at + 1)),
      PageUp: () => Math.max(0, (at ?? count - 1) - 12),
      PageDown: () => Math.min(count - 1, (at ?? count - 1) + 12),
      Home: () => 0,
      End: () => count - 1,
      Escape: () => undefined,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.cursor = move();
  };

  #onPointer = (event: PointerEvent, toIndex: (x: number) => number): void => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    this.cursor = toIndex(event.clientX - box.left);
  };

  #onLeave = (): void => {
    // The keyboard's crosshair stays while the chart has the focus.
    if (this.renderRoot.querySelector('.plot:focus-visible')) return;
    this.cursor = undefined;
  };

  override render(): TemplateResult {
    const locale = this.#lang.tag;
    const messages = this.#lang.messages;
    const view = this.status === 'ready' || (this.status === 'loading' && this.body) ? this.#view : undefined;
    const renderer = loadedChart();
    const chart =
      view && renderer
        ? renderer.renderChart({
            view,
            text: new renderer.SeriesText(locale, messages, this.body?.metric),
            width: this.size.width,
            height: this.size.height,
            cursor: this.cursor,
            current: this.#mapPeriod(view),
            showTable: this.showTable,
            onPointer: this.#onPointer,
            onLeave: this.#onLeave,
            onKeydown: this.#onKeydown,
            onToggleTable: () => {
              this.showTable = !this.showTable;
            },
          })
        : undefined;
    return html`<div part="base" class="base">
      <div class="stage">${chart ? chart.plot : this.#overlay(messages)}</div>
      ${chart?.below ?? nothing}
    </div>`;
  }

  /** Where the linked map's period is on the time axis (the map and its time slider move it). */
  #mapPeriod(view: SeriesView): number | undefined {
    const time = this.#linked.map?.loadedData?.time;
    const at = time ? view.dates.indexOf(time) : -1;
    return at === -1 ? undefined : at;
  }

  #overlay(messages: Messages): TemplateResult | typeof nothing {
    const words = messages.timeseries;
    const status = this.status;
    return renderStatus(status === 'no-region' ? 'empty' : status === 'ready' ? 'loading' : status, messages, {
      error: this.error,
      failed: words.failed,
      retryLabel: words.retry,
      empty:
        status === 'no-region'
          ? this.for
            ? words.noRegion
            : words.needRegion
          : words.noData(this.body?.metric.title ?? this.currentMetric),
      loading: loadingNotice(this.#lang.tag, words.loading),
      retry: () => this.retry(),
    });
  }
}
