// <chronos-choropleth>: US states and Canadian provinces coloured by a metric from the Chronos API
// (or by values the page supplies). Geometry is loaded once per page and drawn once per map; values
// arrive separately and are applied through MapLibre feature-state, so metric and time switches
// re-fetch a few kilobytes and never re-upload geometry. Nothing here throws into the page: failures
// become the error state and a `chronos-error` event.
import {
  type ChoroplethDataInput,
  classRanges,
  formatValue as formatMetricValue,
  bboxOf,
  knownCodes,
  missingCodes,
  noDataLabel,
  paintChoropleth,
  withMetricDefaults,
  type Breaks,
  type ChoroplethData,
  type RegionValue,
} from '@chronos/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { MapOptions } from 'maplibre-gl';
import { ChronosErrorEvent, type ChronosErrorDetail } from '../../events/error.ts';
import { ChronosLoadEvent } from '../../events/load.ts';
import { ChronosRegionClickEvent } from '../../events/region-click.ts';
import type { RegionEventDetail } from '../../events/region-detail.ts';
import { ChronosRegionHoverEvent } from '../../events/region-hover.ts';
import { ChronosTimeChangeEvent } from '../../events/time-change.ts';
import { baseStyles, ChronosElement } from '../../internal/chronos-element.ts';
import type { RegionGeometry } from '../../internal/geometry-loader.ts';
import { loadRuntime, MapController, type MapSettings } from '../../internal/map-controller.ts';
import { ThemeController } from '../../internal/theme.ts';
import { VisibilityController } from '../../internal/visibility.ts';
import { resolveSettings, type SettingProblem, type Settings } from './choropleth-config.ts';
import { canRetry, headline } from './choropleth-errors.ts';
import { LoadingController } from './choropleth-loading.ts';
import {
  renderContextLost,
  renderFooter,
  renderLegend,
  renderNotices,
  renderStatus,
  renderTooltip,
} from './choropleth-overlays.ts';
import { describeRegion, periodLabel } from './choropleth-regions.ts';
import { DataTable } from './choropleth-table.ts';
import { choroplethStyles } from './choropleth.styles.ts';

export type { ChoroplethDataInput };

/** Formats a value for the tooltip, legend and table instead of the metric's own format. */
export type ValueFormatter = (value: number | null, region: RegionValue | undefined) => string;

const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

/**
 * A choropleth map of US states and Canadian provinces and territories, coloured by a Chronos metric.
 *
 * @tag chronos-choropleth
 * @summary Choropleth map of a metric over US states and Canadian provinces.
 *
 * @slot footer - Replaces the footer (source attribution and data vintage).
 *
 * @event {ChronosLoadEvent} chronos-load - Regions were painted with data (first paint, then after every metric or time change).
 * @event {ChronosRegionClickEvent} chronos-region-click - A region was clicked; it is now selected.
 * @event {ChronosRegionHoverEvent} chronos-region-hover - The pointer entered a region (detail) or left every region (detail null).
 * @event {ChronosErrorEvent} chronos-error - Something failed or an attribute was invalid; the element shows it too.
 * `detail.kind` says what: `access` (the server refused the key or this page's origin; `detail.code` is
 * `key_required`, `unknown_key`, `malformed_key`, `key_revoked` or `origin_not_allowed`; no Retry button),
 * `rate-limit` (`detail.retryAfter` s, counted down on the map, then retried automatically), `api` (another
 * error answer, `detail.status`), `network`, `map` (no WebGL, MapLibre's worker missing or blocked by the
 * page's Content-Security-Policy, region tiles failing), `context-lost` (the browser took the WebGL context;
 * legend and data table stay, the map redraws when it is restored), `basemap` (the basemap failed; the regions
 * are drawn without it) or `attribute` (`detail.attribute` was invalid; its default is used).
 * @event {ChronosTimeChangeEvent} chronos-time-change - The period shown changed.
 *
 * @csspart base - The element's frame.
 * @csspart map - The map area.
 * @csspart legend - The legend box.
 * @csspart legend-title - The legend's title.
 * @csspart legend-item - One legend entry (one class, or "No data").
 * @csspart legend-swatch - The colour square of a legend entry.
 * @csspart tooltip - The hover tooltip.
 * @csspart footer - The footer with sources and data vintage.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error panel.
 * @csspart error-headline - The error panel's first line, for the site owner (refused key, rate limit).
 * @csspart context-lost - The message over the map while the browser has taken its WebGL context.
 * @csspart retry-button - The error panel's retry button.
 * @csspart notice - A message about an invalid attribute.
 * @csspart empty - The message shown when the period has no data.
 * @csspart table - The data table: visually hidden (read by screen readers) until `show-table` opens it.
 * @csspart table-toggle - The footer button that shows and hides the data table.
 * @csspart table-panel - The scrolling box around the data table while it is shown.
 *
 * @cssproperty --chronos-height - Height of the map area (default 440px).
 * @cssproperty --chronos-table-height - Largest height of the shown data table before it scrolls (default 18em).
 * @cssproperty --chronos-font-family - Font of the legend, tooltip and footer.
 * @cssproperty --chronos-font-size - Base font size.
 * @cssproperty --chronos-radius - Corner radius of the frame, legend and tooltip.
 * @cssproperty --chronos-background - Background of the frame.
 * @cssproperty --chronos-text-color - Text colour.
 * @cssproperty --chronos-muted-color - Secondary text colour (footer, flags).
 * @cssproperty --chronos-border-color - Border colour.
 * @cssproperty --chronos-accent-color - Buttons and focus rings.
 * @cssproperty --chronos-map-background - Map background (water and land outside the regions).
 * @cssproperty --chronos-region-outline-color - Region borders.
 * @cssproperty --chronos-region-hover-color - Border of the region under the pointer.
 * @cssproperty --chronos-region-selected-color - Border of the selected region.
 * @cssproperty --chronos-no-data-color - Fill of regions without data.
 * @cssproperty --chronos-no-data-stripe-color - Hatching over regions without data (#rrggbb).
 * @cssproperty --chronos-tooltip-background - Tooltip and legend background.
 * @cssproperty --chronos-tooltip-color - Tooltip text colour.
 * @cssproperty --chronos-skeleton-color - Loading placeholder colour.
 * @cssproperty --chronos-error-color - Error text and notice accent.
 */
export class ChronosChoropleth extends ChronosElement {
  static override styles = [baseStyles, choroplethStyles];

  /** Base URL of the Chronos API (default: where the script came from, else this page's origin). */
  @property() api?: string;
  /** Publishable API key (`pk_…`) sent with every request. */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** Metric id, e.g. `unemployment`. */
  @property() metric = 'unemployment';
  /** Region sets, comma-separated: `us-states`, `ca-provinces`. */
  @property() geo = 'us-states,ca-provinces';
  /** `latest` or a period in the metric's form: `YYYY-MM` (monthly), `YYYY-Qn` (quarterly), `YYYY` (annual). */
  @property() time = 'latest';
  /** `quantile`, `equal-interval`, `natural-breaks`, `nice` or `custom` (with `thresholds`). */
  @property() classification?: string;
  /** Number of classes, 3 to 9 (default 5). */
  @property() classes?: number | string;
  /** Custom class breaks, comma-separated ascending numbers, e.g. `3,5,7`; implies `custom`. */
  @property() thresholds?: string | number[];
  /** Colour scheme id (ColorBrewer or Viridis family), e.g. `blues`, `ylorrd`, `viridis`, `rdbu`. */
  @property() scheme?: string;
  /** Reverses the scheme (dark to light). */
  @property({ type: Boolean }) reverse = false;
  /** Diverging data: breaks symmetric around this value (and a diverging default scheme). */
  @property() midpoint?: number | string;
  /** Classify over every period of the metric so colours mean the same thing as time moves. */
  @property({ type: Boolean, attribute: 'stable-breaks' }) stableBreaks = false;
  /** Basemap: a Protomaps-schema PMTiles URL, or `none`. Default: `/tiles/basemap.pmtiles` on the API. */
  @property() basemap?: string;
  /** `api` (GeoJSON from the API, default), a `.pmtiles` URL (vector tiles), or a GeoJSON file URL. */
  @property() boundaries = 'api';
  /** `auto` (follows prefers-color-scheme), `light` or `dark`. */
  @property({ reflect: true }) theme = 'auto';
  /** Legend position: `bottom-left`, `bottom-right`, `top-left`, `top-right` or `none`. */
  @property() legend = 'bottom-left';
  /** Pan, zoom, hover and click (set `interactive="false"` for a static map). */
  @property({ converter: booleanDefaultTrue, reflect: true }) interactive = true;
  /** Require two fingers / a modifier key to move the map, so the page scrolls past it. */
  @property({ type: Boolean, attribute: 'cooperative-gestures' }) cooperativeGestures = false;
  /** Shows the data table under the map (sortable; its rows select regions from the keyboard). The
   * footer's "Data table" button toggles it; the table is always in the accessibility tree. */
  @property({ type: Boolean, reflect: true, attribute: 'show-table' }) showTable = false;
  /** Code of the selected region (set by clicks and `select()`). */
  @property({ reflect: true }) selected?: string;
  /** Values supplied by the page; no data request is made while set. */
  @property({ attribute: false }) data?: ChoroplethDataInput;
  /** Formats values in the tooltip, legend and table (default: the metric's units and locale). */
  @property({ attribute: false }) formatValue?: ValueFormatter;
  /** Class colours, light to dark; their number sets the number of classes. */
  @property({ attribute: false }) colors?: string[];
  /** Create the map only when the element comes near the viewport, and give its WebGL context back while
   * it is far off-screen (restored as it was on return). `lazy="false"` creates it at once and keeps it. */
  @property({ converter: booleanDefaultTrue }) lazy = true;
  /** Extra MapLibre map options (e.g. `{ preserveDrawingBuffer: true }` to export images); read once. */
  @property({ attribute: false }) mapOptions?: Partial<MapOptions>;

  @state() private problems: SettingProblem[] = [];
  @state() private shown?: ChoroplethData;
  @state() private breaks?: Breaks;
  @state() private classColors: string[] = [];
  @state() private hover?: { code: string; x: number; y: number };
  /** The basemap's failure, shown as a notice while the regions draw without it. */
  @state() private basemapProblem?: string;
  @state() private contextLost = false;
  #table = new DataTable(this, {
    rows: () => [...this.#knownCodes()].map((code) => this.#region(code)),
    caption: () => {
      const period = this.#period();
      return `${this.shown?.metric.title || this.metric}${period ? `, ${period}` : ''}`;
    },
    locale: () => this.#locale,
    select: (code) => this.#onClick(code),
    forceOpen: () => this.contextLost,
    outline: (code) => {
      this.#controller.setHovered(code);
      this.dispatchEvent(new ChronosRegionHoverEvent(code ? this.#region(code) : null));
    },
  });

  #settings!: Settings;
  #mapContainer = createRef<HTMLDivElement>();
  #controller = new MapController(this, {
    onHover: (code, point) => this.#onHover(code, point),
    onClick: (code) => this.#onClick(code),
    // The first reason stays shown (a blocked worker is also, later, a map that did not draw).
    onError: (message) => {
      if (this.#loading.status !== 'error') this.#loading.fail({ kind: 'map', message });
    },
    onBasemapError: (message) => {
      if (message === this.basemapProblem) return;
      this.basemapProblem = message;
      this.#report({ kind: 'basemap', message });
    },
    onContextLost: (lost) => {
      this.contextLost = lost;
      if (lost) {
        this.#report({
          kind: 'context-lost',
          message: 'The browser took away the map’s graphics context (WebGL); it is redrawn when the browser allows.',
        });
      } else void this.#loading.runData();
    },
  });
  #loading = new LoadingController(this, {
    settings: () => this.#settings,
    attachMap: () => this.#attachMap(),
    drawGeometry: (geometry) => this.#drawGeometry(geometry),
    show: (data, classifyOver, signal) => this.#show(data, classifyOver, signal),
    report: (detail) => this.#report(detail),
  });
  #reported = new Set<string>();
  #theme = new ThemeController(this, () => this.#controller.update(this.#mapSettings()));
  #visibility = new VisibilityController(this, {
    target: () => this.#mapContainer.value,
    near: () => this.#restoreMap(),
    release: () => {
      this.#controller.release();
      this.hover = undefined;
      // A map released before its first paint gives its start slot back: it paints when restored.
      this.#visibility.settled();
    },
  });
  #needsFit = true;
  #firstMap = true;

  /** The MapLibre map, once created (for advanced use; the element owns its lifecycle). */
  get map(): import('maplibre-gl').Map | undefined {
    return this.#controller.map;
  }

  /** The values shown: the API's body, or `data` normalized to that shape (after data loaded). */
  get loadedData(): ChoroplethData | undefined {
    return this.shown;
  }

  /** The class breaks in use (after data loaded). */
  get classBreaks(): Breaks | undefined {
    return this.breaks;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetch the MapLibre chunk while the first render and the data requests are still being set up.
    void loadRuntime().catch(() => undefined);
    // Reconnected after a move in the DOM: the map was removed with the old position.
    if (this.hasUpdated) {
      this.#needsFit = true;
      void this.#loading.runAll();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { settings, problems } = resolveSettings({
      geo: this.geo,
      time: this.time,
      classification: this.classification,
      classes: this.classes,
      thresholds: this.thresholds,
      scheme: this.scheme,
      midpoint: this.midpoint,
      theme: this.theme,
      legend: this.legend,
      colors: this.colors,
    });
    this.#settings = settings;
    if (JSON.stringify(problems) !== JSON.stringify(this.problems)) this.problems = problems;
    for (const problem of problems) {
      if (this.#reported.has(problem.message)) continue;
      this.#reported.add(problem.message);
      this.dispatchEvent(new ChronosErrorEvent({ kind: 'attribute', ...problem }));
    }
    if (changed.has('api') || changed.has('apiKey')) this.#loading.resetClient();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const any = (keys: string[]): boolean => keys.some((key) => (changed as Map<PropertyKey, unknown>).has(key));
    const geometryChanged = any(['api', 'apiKey', 'geo', 'boundaries']);
    const dataChanged = any(['metric', 'time', 'data', 'stableBreaks']);
    const styleChanged = any(['classification', 'classes', 'thresholds', 'scheme', 'reverse', 'midpoint', 'colors']);
    const failed = this.#loading.status === 'error';
    if (
      geometryChanged ||
      (failed && dataChanged) ||
      (dataChanged && (!this.#loading.geometry || (!this.#controller.map && !this.#controller.released)))
    ) {
      void this.#loading.runAll();
    } else if (dataChanged) void this.#loading.runData();
    else if (styleChanged && this.shown) this.#paint(this.shown);
    if (any(['api', 'basemap'])) this.basemapProblem = undefined;
    if (any(['theme', 'basemap', 'interactive', 'cooperativeGestures'])) {
      this.#controller.update(this.#mapSettings());
    }
    if (changed.has('selected')) this.#controller.setSelected(this.selected ?? null);
    if (changed.has('lazy')) this.#visibility.lazyChanged();
    // A failed start gives its start slot to the next map.
    if (this.#loading.status === 'error') this.#visibility.settled();
  }

  /** Selects a region (outlined, `selected` set) as a click would, without the event; null clears. */
  select(code: string | null): boolean {
    if (code !== null && !this.#knownCodes().has(code)) return false;
    this.selected = code ?? undefined;
    return true;
  }

  /** Moves the map to fit one region; returns false when the code is unknown. */
  zoomTo(code: string): boolean {
    const feature = this.#loading.geometry?.features.get(code);
    const box = feature ? bboxOf([feature.geometry]) : this.#controller.vectorBBox(code);
    if (!box) return false;
    const reduceMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.#controller.fit(box, !reduceMotion);
    return true;
  }

  /** Loads again after an error (what the retry button does). */
  retry(): void {
    void this.#loading.runAll();
  }

  // --- loading --------------------------------------------------------------------------------

  /** Creates the map once the element may hold a WebGL context (near the viewport, or `lazy` off). */
  #attachMap(): Promise<unknown> | undefined {
    const container = this.#mapContainer.value;
    if (!container) return undefined;
    return this.#visibility.whenWanted().then(() => {
      this.#firstMap = !this.#controller.map;
      return this.#mapCreated(this.#controller.attach(container, this.#mapSettings()));
    });
  }

  /** A released map came near the viewport again: recreated as it was, without loading anything. */
  #restoreMap(): void {
    const container = this.#mapContainer.value;
    if (!container || !this.#controller.released) return;
    void this.#visibility
      .whenWanted()
      .then(() => this.#mapCreated(this.#controller.restore(container)))
      .then(() => this.#controller.painted())
      .catch((error: unknown) => this.#loading.fail({ kind: 'map', message: (error as Error).message }))
      .finally(() => this.#visibility.settled());
  }

  #mapCreated<T>(creating: Promise<T>): Promise<T> {
    return creating.then(
      (map) => {
        this.#visibility.started();
        return map;
      },
      (error: unknown) => {
        this.#visibility.stopped();
        const reason = (error as Error).message;
        // No WebGL is the browser's; a worker that cannot load is the page's or the build's.
        const message = /webgl/i.test(reason)
          ? `This browser cannot draw the map: ${reason}`
          : `The map cannot be drawn: ${reason}`;
        throw Object.assign(new Error(message), { kind: 'map' });
      },
    );
  }

  #drawGeometry(geometry: RegionGeometry): void {
    const regionsChanged = this.#controller.setRegions(geometry.source);
    if (regionsChanged) this.#needsFit = true;
    if (regionsChanged || this.#firstMap) this.#controller.setSelected(this.selected ?? null);
    if (this.#needsFit && (geometry.view ?? geometry.bbox)) {
      this.#controller.fit((geometry.view ?? geometry.bbox)!);
      this.#needsFit = false;
    }
  }

  async #show(data: ChoroplethData, classifyOver: number[] | undefined, signal: AbortSignal): Promise<void> {
    const previous = this.shown?.time ?? null;
    this.#paint(data, classifyOver);
    if (data.time && data.time !== previous) {
      this.dispatchEvent(new ChronosTimeChangeEvent({ time: data.time, previous }));
    }
    // "ready" only once the regions are on the canvas: a map that cannot draw never shows as ready.
    await this.#controller.painted();
    this.#visibility.settled();
    if (signal.aborted) return;
    this.#loading.shown(this.breaks !== undefined);
    await this.updateComplete;
    if (signal.aborted) return;
    const withData = data.values.filter((value) => typeof value.value === 'number').length;
    this.dispatchEvent(
      new ChronosLoadEvent({
        metric: data.metric.id,
        ...(data.time ? { time: data.time } : {}),
        regionsWithData: withData,
        missing: this.#missing(data),
      }),
    );
  }

  /** Classifies and colours; `classifyOver` (stable breaks) replaces the period's own values. */
  #paint(data: ChoroplethData, classifyOver?: number[]): void {
    // The metric says how it is read: a change is diverging around 0, levels in two currencies are classified
    // per country; what the page set itself wins.
    const settings = withMetricDefaults({ ...this.#settings, reverse: this.reverse }, data.metric, {
      scheme: this.scheme !== undefined,
      midpoint: this.midpoint !== undefined,
    });
    const paint = paintChoropleth(data.values, settings, classifyOver);
    if (paint.problem) this.#report({ kind: 'attribute', attribute: 'classification', message: paint.problem });
    this.#controller.paint(paint.colorByCode, this.#knownCodes(data));
    this.shown = data;
    this.breaks = paint.breaks;
    this.classColors = paint.colors;
  }

  #report(detail: ChronosErrorDetail): void {
    this.dispatchEvent(new ChronosErrorEvent(detail));
  }

  // --- regions --------------------------------------------------------------------------------

  #knownCodes(data: ChoroplethData | undefined = this.shown): Set<string> {
    return knownCodes(this.#loading.geometry?.names.keys() ?? [], data);
  }

  #missing(data: ChoroplethData): string[] {
    return missingCodes(this.#knownCodes(data), data);
  }

  #region(code: string): RegionEventDetail {
    return describeRegion(code, this.shown, this.#loading.geometry?.names, (value, region) =>
      this.#format(value, region),
    );
  }

  #onHover(code: string | null, point: { x: number; y: number } | null): void {
    if (!this.interactive) return;
    const previous = this.hover?.code ?? null;
    this.hover = code && point ? { code, x: point.x, y: point.y } : undefined;
    if (code !== previous) this.dispatchEvent(new ChronosRegionHoverEvent(code ? this.#region(code) : null));
  }

  #onClick(code: string): void {
    if (!this.interactive) return;
    this.select(code);
    this.dispatchEvent(new ChronosRegionClickEvent(this.#region(code)));
  }

  // --- presentation ---------------------------------------------------------------------------

  get #locale(): string {
    return this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
  }

  #format(value: number | null, region?: RegionValue): string {
    if (this.formatValue) {
      try {
        return this.formatValue(value, region);
      } catch (error) {
        this.#report({ kind: 'attribute', attribute: 'formatValue', message: (error as Error).message });
      }
    }
    const metric = this.shown?.metric;
    return formatMetricValue(value, {
      locale: this.#locale,
      ...(metric?.units ? { units: metric.units } : {}),
      ...(metric?.number_format ? { numberFormat: metric.number_format } : {}),
    });
  }

  #period(): string {
    return periodLabel(this.shown, this.#locale);
  }

  #mapSettings(): MapSettings {
    const basemap = this.basemap?.trim();
    return {
      interactive: this.interactive,
      cooperativeGestures: this.cooperativeGestures,
      theme: this.#theme.mapTheme(this.#settings?.theme ?? 'auto'),
      basemap:
        basemap === 'none'
          ? null
          : basemap
            ? new URL(basemap, document.baseURI).href
            : new URL(`${this.#loading.api}/tiles/basemap.pmtiles`, document.baseURI).href,
      ...(this.mapOptions ? { options: this.mapOptions } : {}),
    };
  }

  override render(): TemplateResult {
    const data = this.shown;
    const title = data?.metric.title || this.metric;
    const period = this.#period();
    const status = this.#loading.status;
    return html`
      <div part="base" class="base">
        <div class="stage">
          <div
            part="map"
            class="map"
            ${ref(this.#mapContainer)}
            role="img"
            aria-label=${`Map: ${title}${period ? `, ${period}` : ''}. The data table follows.`}
          ></div>
          ${this.contextLost ? renderContextLost() : nothing}
          ${renderNotices(this.basemapProblem ? [...this.problems, { message: this.basemapProblem }] : this.problems)}
          ${this.#renderTooltip()} ${this.contextLost ? nothing : this.#renderStatus()}
        </div>
        ${status === 'ready' || status === 'empty' || (this.contextLost && data) ? this.#renderLegend() : nothing}
        <div part="footer" class="footer">
          <slot name="footer">${this.#renderFooter()}</slot>
          ${data ? this.#table.renderToggle() : nothing}
        </div>
        ${data ? this.#table.render() : nothing}
      </div>
    `;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    const period = this.#period();
    const error = this.#loading.error;
    return renderStatus(this.#loading.status, {
      error: error && {
        headline: headline(error, this.#loading.retryIn),
        message: error.message,
        retry: canRetry(error),
      },
      empty: `No data for ${this.shown?.metric.title || this.metric}${period ? ` in ${period}` : ''}.`,
      retry: () => this.retry(),
    });
  }

  #renderLegend(): TemplateResult | typeof nothing {
    const position = this.#settings.legend;
    if (position === 'none' || !this.shown) return nothing;
    return renderLegend({
      position,
      title: this.shown.metric.title,
      ranges: this.breaks ? classRanges(this.breaks) : [],
      colors: this.classColors,
      format: (value) => this.#format(value),
      noData: this.#missing(this.shown).length > 0 ? noDataLabel(this.#locale) : undefined,
    });
  }

  #renderTooltip(): TemplateResult | typeof nothing {
    if (!this.hover || !this.interactive) return nothing;
    return renderTooltip(
      this.#region(this.hover.code),
      this.hover,
      this.#mapContainer.value,
      this.shown?.time ? this.#period() : '',
    );
  }

  #renderFooter(): TemplateResult | typeof nothing {
    return this.shown ? renderFooter(this.shown.metric, this.#period()) : nothing;
  }
}
