// <chronos-choropleth>: US states and Canadian provinces coloured by a metric from the Chronos API
// (or by values the page supplies). Geometry is loaded once per page and drawn once per map; values
// arrive separately and are applied through MapLibre feature-state, so metric and time switches
// re-fetch a few kilobytes and never re-upload geometry. Nothing here throws into the page: failures
// become the error state and a `chronos-error` event.
import { type Breaks, bboxOf, type ChoroplethData, type ChoroplethDataInput } from '@chronos/core';
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ChronosErrorEvent, type ChronosErrorDetail } from '../../events/error.ts';
import { ChronosRegionClickEvent } from '../../events/region-click.ts';
import { ChronosRegionHoverEvent } from '../../events/region-hover.ts';
import { baseStyles } from '../../internal/chronos-element.ts';
import { frameStyles } from '../../internal/companion.styles.ts';
import { loadRuntime } from '../../internal/map-handle.ts';
import { ThemeController } from '../../internal/theme.ts';
import { VisibilityController } from '../../internal/visibility.ts';
import { whenIdle } from '../../internal/idle.ts';
import { resolveSettings, type Settings } from './choropleth-config.ts';
import { ChoroplethA11y } from './choropleth-a11y.ts';
import { ChoroplethProperties } from './choropleth-properties.ts';
import { MapKeyboard, reducedMotion } from './choropleth-keyboard.ts';
import type { ChoroplethLegend } from './choropleth-legend-model.ts';
import { LoadingController } from './choropleth-loading.ts';
import { ChoroplethExport, type PngOptions } from './choropleth-export.ts';
import { exportStyles } from './choropleth-export.styles.ts';
import { ChoroplethMap, mapSettings } from './choropleth-map.ts';
import { ChoroplethNotices } from './choropleth-notices.ts';
import { ChoroplethPainter } from './choropleth-painter.ts';
import { RegionText, type ValueFormatter } from './choropleth-regions.ts';
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

  @state() private hover?: { code: string; x: number; y: number };
  @state() private contextLost = false;
  #table = new DataTable(this, {
    rows: () => [...this.#painter.codes()].map((code) => this.#text.region(code)),
    caption: () => {
      const period = this.#text.period();
      return `${this.#painter.data?.metric.title || this.metric}${period ? `, ${period}` : ''}`;
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
  #text: RegionText = new RegionText(this, {
    data: () => this.#painter.data,
    names: (language) => this.#loading.geometry?.localNames?.[language] ?? this.#loading.geometry?.names,
    formatValue: () => this.formatValue,
    report: (detail) => this.#report(detail),
  });
  #export = new ChoroplethExport(this, {
    text: this.#text,
    codes: () => this.#painter.codes(),
    colors: () => this.#painter.classColors,
    breaksByCountry: () => this.#painter.breaksByCountry,
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
      onBasemapError: (url, reason) => this.#notices.basemapFailed(url, reason),
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
        if (this.#loading.status !== 'loading' && this.#loading.status !== 'error') this.#painter.shownAgain();
      },
    },
  );
  #loading = new LoadingController(this, {
    settings: () => this.#settings,
    attachMap: () => this.#map.attach(),
    mapReady: () => this.#map.ready(),
    drawGeometry: (geometry) => this.#map.draw(geometry),
    show: (data, classifyOver, signal) => this.#painter.show(data, classifyOver, signal),
    report: (detail) => this.#report(detail),
  });
  #painter: ChoroplethPainter = new ChoroplethPainter(this, {
    text: this.#text,
    settings: () => this.#settings,
    regions: () => this.#loading.geometry?.names.keys() ?? [],
    map: () => this.#map.controller,
    report: (detail) => this.#report(detail),
    settled: () => this.#visibility.settled(),
    shown: (classified) => this.#loading.shown(classified),
  });
  #a11y = new ChoroplethA11y(this, {
    text: this.#text,
    data: () => this.#painter.data,
    codes: () => [...this.#painter.codes()],
    missing: (data) => this.#painter.missing(data),
    classOf: (code) => this.#painter.classOf(code),
    classCount: () => this.#painter.classColors.length,
    flag: (flag, codes) => this.#map.controller.setFlag(flag, codes),
  });
  #keyboard = new MapKeyboard(this, this.#a11y, {
    controller: () => this.#map.controller,
    geometry: () => this.#loading.geometry,
    activate: (code) => this.#onClick(code),
    hover: (code) => this.dispatchEvent(new ChronosRegionHoverEvent(code ? this.#text.region(code) : null)),
  });
  #notices = new ChoroplethNotices(this, this.#text);
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
    return this.#painter.data;
  }

  /** The class breaks in use (after data loaded). */
  get classBreaks(): Breaks | undefined {
    return this.#painter.breaks;
  }

  /** The legend as drawn (classes with colours, ranges and regions; no data), for `<chronos-legend>` and custom legends. */
  get legendModel(): ChoroplethLegend | undefined {
    return this.#painter.legend();
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
    // The page's first Intl.DateTimeFormat costs tens of ms (the browser loads its calendar data once): made while
    // the MapLibre chunk downloads, not in the render that follows the first colouring, when MapLibre's worker
    // and first frames need this thread.
    whenIdle(() => this.#text.loadCalendar(), 1000);
    // Reconnected after a move in the DOM: the map was removed with the old position.
    if (this.hasUpdated) {
      this.#map.needsFit = true;
      void this.#loading.runAll();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { settings, problems } = resolveSettings(this, this.#text.messages);
    this.#settings = settings;
    this.#notices.attributes(problems, this);
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
    else if (styleChanged && this.#painter.data) this.#painter.paint(this.#painter.data);
    if (any(['api', 'basemap'])) this.#notices.basemapChanged();
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
    if (code !== null && !this.#painter.codes().has(code)) return false;
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

  #report(detail: ChronosErrorDetail): void {
    this.dispatchEvent(new ChronosErrorEvent(detail));
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

  override render(): TemplateResult {
    return renderChoropleth({
      data: this.#painter.data,
      metric: this.metric,
      text: this.#text,
      loading: this.#loading,
      retry: () => this.retry(),
      contextLost: this.contextLost,
      notices: this.#notices.shown,
      map: this.#map.container,
      hover: this.interactive ? this.hover : undefined,
      legend: this.#settings.legend,
      breaks: this.#painter.breaks,
      breaksByCountry: this.#painter.breaksByCountry,
      classColors: this.#painter.classColors,
      missing: (data) => this.#painter.missing(data),
      table: this.#table,
      sparkline: (region) => sparkline(this, this.#loading.api, region),
      a11y: this.#a11y,
      keyboard: this.#keyboard,
      interactive: this.interactive,
      downloadMenu: this.#export.renderMenu(),
    });
  }
}
