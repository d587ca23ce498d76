// <chronos-choropleth>: US states and Canadian provinces coloured by a metric from the Chronos API
// (or by values the page supplies). Geometry is loaded once per page and drawn once per map; values
// arrive separately and are applied through MapLibre feature-state, so metric and time switches
// re-fetch a few kilobytes and never re-upload geometry. Nothing here throws into the page: failures
// become the error state and a `chronos-error` event.
import {
  type Breaks,
  bboxOf,
  type ChoroplethData,
  type ChoroplethDataInput,
  knownCodes,
  missingCodes,
  type StableValuesByCountry,
  withMetricDefaults,
} from '@chronos/core';
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ChronosErrorEvent, type ChronosErrorDetail } from '../../events/error.ts';
import { ChronosLegendChangeEvent } from '../../events/legend-change.ts';
import { ChronosLoadEvent } from '../../events/load.ts';
import { ChronosRegionClickEvent } from '../../events/region-click.ts';
import { ChronosRegionHoverEvent } from '../../events/region-hover.ts';
import { ChronosTimeChangeEvent } from '../../events/time-change.ts';
import { baseStyles } from '../../internal/chronos-element.ts';
import { frameStyles } from '../../internal/companion.styles.ts';
import { loadRuntime } from '../../internal/map-handle.ts';
import { ThemeController } from '../../internal/theme.ts';
import { VisibilityController } from '../../internal/visibility.ts';
import { resolveSettings, type SettingProblem, type Settings } from './choropleth-config.ts';
import { ChoroplethA11y } from './choropleth-a11y.ts';
import { ChoroplethProperties } from './choropleth-properties.ts';
import { MapKeyboard, reducedMotion } from './choropleth-keyboard.ts';
import type { ChoroplethLegend } from './choropleth-legend-model.ts';
import { LoadingController } from './choropleth-loading.ts';
import { ChoroplethExport, type PngOptions } from './choropleth-export.ts';
import { exportStyles } from './choropleth-export.styles.ts';
import { ChoroplethMap, mapSettings } from './choropleth-map.ts';
import { loadDetail, RegionText, type ValueFormatter } from './choropleth-regions.ts';
import { DataTable } from './choropleth-table.ts';
import { renderChoropleth } from './choropleth-view.ts';
import { loadedPaint, loadPaint } from './paint-loader.ts';
import { legendStyles } from './choropleth-legend.styles.ts';
import { tableStyles } from './choropleth-table.styles.ts';
import { choroplethStyles } from './choropleth.styles.ts';
import { sparkline } from '../timeseries/chart-loader.ts';

export type { ChoroplethDataInput, ChoroplethLegend, ValueFormatter };

/**
 * A choropleth map of US states and Canadian provinces and territories, coloured by a Chronos metric.
 *
 * @tag chronos-choropleth
 * @summary Choropleth map of a metric over US states and Canadian provinces.
 *
 * @slot footer - Replaces the footer (source attribution and data vintage).
 *
 * @event {ChronosLoadEvent} chronos-load - Regions were painted with data: first paint, then after every metric or time change,
 * and again when the map is drawn anew (WebGL context restored, or back near the viewport after a release).
 * @event {ChronosLegendChangeEvent} chronos-legend-change - The classes were repainted (new values, or a style-only change: `classes`, `scheme`, …); `detail.legend` is the legend as painted.
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
 * @csspart legend-group - A country's heading in a legend classified per country, e.g. "Canada (CAD)".
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
 * @csspart download - The download menu (with `download`): its button and the buttons it opens.
 * @csspart download-button - The footer button that opens the download menu.
 * @csspart download-menu - The box holding the PNG and CSV buttons.
 * @csspart download-png - Downloads the map as an image.
 * @csspart download-csv - Downloads the values as CSV.
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
 * @cssproperty --chronos-accent-color - Buttons, focus rings and the outline of the region focused from the keyboard.
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
export class ChronosChoropleth extends ChoroplethProperties {
  static override styles = [baseStyles, frameStyles, choroplethStyles, legendStyles, tableStyles, exportStyles];

  @state() private problems: SettingProblem[] = [];
  @state() private shown?: ChoroplethData;
  @state() private breaks?: Breaks;
  @state() private breaksByCountry?: ReadonlyMap<string, Breaks> | undefined; // per country: the legend shows each
  @state() private classColors: string[] = [];
  @state() private hover?: { code: string; x: number; y: number };
  /** The basemap's failure, shown as a notice while the regions draw without it. */
  @state() private basemapProblem?: { url: string; reason: string };
  @state() private contextLost = false;
  #table = new DataTable(this, {
    rows: () => [...this.#knownCodes()].map((code) => this.#text.region(code)),
    caption: () => {
      const period = this.#text.period();
      return `${this.shown?.metric.title || this.metric}${period ? `, ${period}` : ''}`;
    },
    locale: () => this.#text.locale,
    select: (code) => this.#onClick(code),
    forceOpen: () => this.contextLost,
    outline: (code) => {
      this.#map.controller.setHovered(code);
      this.dispatchEvent(new ChronosRegionHoverEvent(code ? this.#text.region(code) : null));
    },
    classOf: (code) => this.#a11y.classLabel(code),
    status: (status) => this.#text.status(status),
  });

  #settings!: Settings;
  #text = new RegionText(this, {
    data: () => this.shown,
    names: (language) => this.#loading.geometry?.localNames?.[language] ?? this.#loading.geometry?.names,
    formatValue: () => this.formatValue,
    report: (detail) => this.#report(detail),
  });
  #export = new ChoroplethExport(this, {
    text: this.#text,
    codes: () => this.#knownCodes(),
    colors: () => this.classColors,
    breaksByCountry: () => this.breaksByCountry,
  });
  #map: ChoroplethMap = new ChoroplethMap(
    this,
    {
      onHover: (code, point) => this.#onHover(code, point),
      onClick: (code) => this.#onClick(code),
      // The first reason stays shown (a blocked worker is also, later, a map that did not draw).
      onError: (message) => {
        if (this.#loading.status !== 'error') this.#loading.fail({ kind: 'map', message });
      },
      onBasemapError: (url, reason) => {
        if (url === this.basemapProblem?.url && reason === this.basemapProblem.reason) return;
        this.basemapProblem = { url, reason };
        this.#report({ kind: 'basemap', message: this.#basemapNotice()! });
      },
      onContextLost: (lost) => {
        this.contextLost = lost;
        if (lost) this.#report({ kind: 'context-lost', message: this.#text.messages.errors.contextLost });
        else void this.#loading.runData();
      },
    },
    {
      settings: () => mapSettings(this, this.#theme.mapTheme(this.#settings?.theme ?? 'auto'), () => this.#loading.api),
      selected: () => this.selected ?? null,
      visibility: (): VisibilityController => this.#visibility,
      failed: (message) => this.#loading.fail({ kind: 'map', message }),
      // The restored map shows the values again: chronos-load, unless a run in progress (new values, or the first
      // paint of a map released before it) fires its own.
      restored: () => {
        const data = this.shown;
        if (data && this.#showing === 0 && this.#loading.status !== 'loading' && this.#loading.status !== 'error')
          this.dispatchEvent(new ChronosLoadEvent(loadDetail(data, this.#missing(data))));
      },
    },
  );
  #loading = new LoadingController(this, {
    settings: () => this.#settings,
    attachMap: () => this.#map.attach(),
    drawGeometry: (geometry) => this.#map.draw(geometry),
    show: (data, classifyOver, signal) => this.#show(data, classifyOver, signal),
    report: (detail) => this.#report(detail),
  });
  #colorByCode = new Map<string, string>();
  /** Runs of #show under way (each fires its own chronos-load once painted). */
  #showing = 0;
  #a11y = new ChoroplethA11y(this, {
    text: this.#text,
    data: () => this.shown,
    codes: () => [...this.#knownCodes()],
    missing: (data) => this.#missing(data),
    classOf: (code) => this.classColors.indexOf(this.#colorByCode.get(code) ?? ''),
    classCount: () => this.classColors.length,
    flag: (flag, codes) => this.#map.controller.setFlag(flag, codes),
  });
  #keyboard = new MapKeyboard(this, this.#a11y, {
    controller: () => this.#map.controller,
    geometry: () => this.#loading.geometry,
    activate: (code) => this.#onClick(code),
    hover: (code) => this.dispatchEvent(new ChronosRegionHoverEvent(code ? this.#text.region(code) : null)),
  });
  #reported = new Set<string>();
  #theme = new ThemeController(this, () => this.#map.update());
  #visibility = new VisibilityController(this, {
    target: () => this.#map.container.value,
    near: () => this.#map.restore(),
    release: () => {
      this.#map.controller.release();
      this.hover = undefined;
      // A map released before its first paint gives its start slot back: it paints when restored.
      this.#visibility.settled();
    },
  });

  /** The MapLibre map, once created (for advanced use; the element owns its lifecycle). */
  get map(): import('maplibre-gl').Map | undefined {
    return this.#map.controller.map;
  }

  /** The values shown: the API's body, or `data` normalized to that shape (after data loaded). */
  get loadedData(): ChoroplethData | undefined {
    return this.shown;
  }

  /** The class breaks in use (after data loaded). */
  get classBreaks(): Breaks | undefined {
    return this.breaks;
  }

  /** The legend as drawn (classes with colours, ranges and regions; no data), for `<chronos-legend>` and custom legends. */
  get legendModel(): ChoroplethLegend | undefined {
    const { shown: data, breaks, breaksByCountry, classColors: colors } = this;
    const text = this.#text;
    // Values are shown only once the colouring chunk (with the legend model) has arrived.
    const values = loadedPaint();
    if (!data || !values) return undefined;
    return values.legendOf({
      data,
      groups: values.legendGroups({ breaks, breaksByCountry, text }, data),
      breaks: (country) => (country ? breaksByCountry?.get(country) : breaks),
      colors,
      format: (v) => text.format(v),
      missing: (d) => this.#missing(d),
      locale: text.locale,
    });
  }

  /** Outlines the regions of legend class `index` (0 = lowest; `'no-data'`: regions without data); null clears.
   * Classified per country, `country` (`US`, `CA`: a legend entry's `country`) limits it to that country's row. */
  highlightClass(index: number | 'no-data' | null, country?: string): void {
    this.#map.controller.setFlag('highlight', loadedPaint()?.regionsOfClass(this.legendModel, index, country) ?? []);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetch the MapLibre chunk while the first render and the data requests are still being set up.
    void loadRuntime().catch(() => undefined);
    void loadPaint().catch(() => undefined);
    // Reconnected after a move in the DOM: the map was removed with the old position.
    if (this.hasUpdated) {
      this.#map.needsFit = true;
      void this.#loading.runAll();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { settings, problems } = resolveSettings(this, this.#text.messages);
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
      (dataChanged && (!this.#loading.geometry || (!this.#map.controller.map && !this.#map.controller.released)))
    ) {
      void this.#loading.runAll();
    } else if (dataChanged) void this.#loading.runData();
    else if (styleChanged && this.shown) this.#paint(this.shown);
    if (any(['api', 'basemap'])) this.basemapProblem = undefined;
    if (any(['theme', 'basemap', 'interactive', 'cooperativeGestures'])) {
      this.#map.update();
    }
    if (changed.has('selected')) this.#map.controller.setSelected(this.selected ?? null);
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
    const box = feature ? bboxOf([feature.geometry]) : this.#map.controller.vectorBBox(code);
    if (!box) return false;
    this.#map.controller.fit(box, !reducedMotion());
    return true;
  }

  /** The map with its title, legend, source and period as a PNG, at `scale` (default: devicePixelRatio). */
  toPNG(options?: PngOptions): Promise<Blob> {
    return this.#export.toPNG(options);
  }

  /** The values shown as CSV: region, name, value, status, period, source (throws before chronos-load). */
  toCSV(): string {
    return this.#export.toCSV();
  }

  /** Loads again after an error (what the retry button does). */
  retry(): void {
    void this.#loading.runAll();
  }

  async #show(
    data: ChoroplethData,
    classifyOver: StableValuesByCountry | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const previous = this.shown?.time ?? null;
    await loadPaint();
    if (signal.aborted) return;
    this.#paint(data, classifyOver);
    if (data.time && data.time !== previous) {
      this.dispatchEvent(new ChronosTimeChangeEvent({ time: data.time, previous }));
    }
    this.#showing++;
    try {
      // "ready" only once the regions are on the canvas: a map that cannot draw never shows as ready.
      await this.#map.controller.painted();
      this.#visibility.settled();
      if (signal.aborted) return;
      this.#loading.shown(this.breaks !== undefined);
      await this.updateComplete;
      if (signal.aborted) return;
      this.dispatchEvent(new ChronosLoadEvent(loadDetail(data, this.#missing(data))));
    } finally {
      this.#showing--;
    }
  }

  /** Classifies and colours; `classifyOver` (stable breaks) replaces the period's own values. */
  #paint(data: ChoroplethData, classifyOver?: StableValuesByCountry): void {
    // The metric says how it is read: a change is diverging around 0, levels in two currencies are classified
    // per country; what the page set itself wins.
    const own = { scheme: this.scheme !== undefined, midpoint: this.midpoint !== undefined };
    const settings = withMetricDefaults({ ...this.#settings, reverse: this.reverse }, data.metric, own);
    // Loaded before the first paint (#show); a repaint only happens once something was painted.
    const paint = loadedPaint()!.paintChoropleth(data.values, settings, classifyOver);
    if (paint.problem) this.#report({ kind: 'attribute', attribute: 'classification', message: paint.problem });
    this.#map.controller.paint(paint.colorByCode, this.#knownCodes(data));
    this.shown = data;
    this.#colorByCode = paint.colorByCode;
    this.breaks = paint.breaks;
    this.breaksByCountry = paint.breaksByCountry;
    this.classColors = paint.colors;
    void this.updateComplete.then(() => {
      const legend = this.legendModel;
      if (legend && this.shown === data) this.dispatchEvent(new ChronosLegendChangeEvent({ legend }));
    });
  }

  #report(detail: ChronosErrorDetail): void {
    this.dispatchEvent(new ChronosErrorEvent(detail));
  }

  #knownCodes(data: ChoroplethData | undefined = this.shown): Set<string> {
    return knownCodes(this.#loading.geometry?.names.keys() ?? [], data);
  }

  #missing(data: ChoroplethData): string[] {
    return missingCodes(this.#knownCodes(data), data);
  }

  #onHover(code: string | null, point: { x: number; y: number } | null): void {
    if (!this.interactive) return;
    const previous = this.hover?.code ?? null;
    this.hover = code && point ? { code, x: point.x, y: point.y } : undefined;
    if (code !== previous) this.dispatchEvent(new ChronosRegionHoverEvent(code ? this.#text.region(code) : null));
  }

  #onClick(code: string): void {
    if (!this.interactive) return;
    this.select(code);
    this.dispatchEvent(new ChronosRegionClickEvent(this.#text.region(code)));
  }

  /** The basemap's failure in the element's language (it follows a later `lang` change). */
  #basemapNotice(): string | undefined {
    const problem = this.basemapProblem;
    if (!problem) return undefined;
    const messages = this.#text.messages;
    return messages.errors.basemap(problem.url, problem.reason || messages.mapFailures.basemapTiles);
  }

  override render(): TemplateResult {
    return renderChoropleth({
      data: this.shown,
      metric: this.metric,
      text: this.#text,
      loading: this.#loading,
      retry: () => this.retry(),
      contextLost: this.contextLost,
      notices: this.basemapProblem ? [...this.problems, { message: this.#basemapNotice()! }] : this.problems,
      map: this.#map.container,
      hover: this.interactive ? this.hover : undefined,
      legend: this.#settings.legend,
      breaks: this.breaks,
      breaksByCountry: this.breaksByCountry,
      classColors: this.classColors,
      missing: (data) => this.#missing(data),
      table: this.#table,
      sparkline: (region) => sparkline(this, this.#loading.api, region),
      a11y: this.#a11y,
      keyboard: this.#keyboard,
      interactive: this.interactive,
      downloadMenu: this.#export.renderMenu(),
    });
  }
}
