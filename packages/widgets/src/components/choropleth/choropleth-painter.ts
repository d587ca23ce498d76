// What <chronos-choropleth> shows: the values painted on its map, their class breaks and colours, and what
// follows from them (the regions it knows, those without data, the legend as drawn). `show` is a load's
// paint, once the colouring chunk has arrived: chronos-time-change, then chronos-load once the regions are on
// the canvas; `paint` alone recolours after a style change. Every paint fires chronos-legend-change.
import {
  type Breaks,
  type ChoroplethData,
  knownCodes,
  missingCodes,
  type StableValuesByCountry,
  withMetricDefaults,
} from '@chronos/core';
import type { ChronosErrorDetail } from '../../events/error.ts';
import { ChronosLegendChangeEvent } from '../../events/legend-change.ts';
import { ChronosLoadEvent } from '../../events/load.ts';
import { ChronosTimeChangeEvent } from '../../events/time-change.ts';
import type { MapHandle } from '../../internal/map-handle.ts';
import type { Settings } from './choropleth-config.ts';
import type { ChoroplethLegend } from './choropleth-legend-model.ts';
import type { ChoroplethProperties } from './choropleth-properties.ts';
import { loadDetail, type RegionText } from './choropleth-regions.ts';
import { loadedPaint, loadPaint } from './paint-loader.ts';

/** What the painter reads from the element and tells it, when it needs to. */
export interface PainterHooks {
  text: RegionText;
  settings(): Settings;
  /** Codes of every region of the geometry loaded. */
  regions(): Iterable<string>;
  map(): MapHandle;
  report(detail: ChronosErrorDetail): void;
  /** The map painted (or gave up): its start slot goes to the next map. */
  settled(): void;
  /** The values are on the canvas; `classified` when they have class breaks. */
  shown(classified: boolean): void;
}

export class ChoroplethPainter {
  /** The values shown. */
  data?: ChoroplethData;
  breaks?: Breaks;
  /** Each country's breaks, when classified per country: the legend shows each. */
  breaksByCountry?: ReadonlyMap<string, Breaks> | undefined;
  classColors: string[] = [];
  #colorByCode = new Map<string, string>();
  /** Runs of show() under way (each fires its own chronos-load once painted). */
  #showing = 0;
  #host: ChoroplethProperties;
  #hooks: PainterHooks;

  constructor(host: ChoroplethProperties, hooks: PainterHooks) {
    this.#host = host;
    this.#hooks = hooks;
  }

  /** Every region the map knows: those of the geometry and those with values in `data`. */
  codes(data: ChoroplethData | undefined = this.data): Set<string> {
    return knownCodes(this.#hooks.regions(), data);
  }

  /** Codes of the regions without a value in `data`. */
  missing(data: ChoroplethData): string[] {
    return missingCodes(this.codes(data), data);
  }

  /** The class index (0-based) of a region's value; -1 without one. */
  classOf(code: string): number {
    return this.classColors.indexOf(this.#colorByCode.get(code) ?? '');
  }

  /** The legend as drawn, once values are shown. */
  legend(): ChoroplethLegend | undefined {
    const { data, breaks, breaksByCountry, classColors: colors } = this;
    const text = this.#hooks.text;
    // Values are shown only once the colouring chunk (with the legend model) has arrived.
    const values = loadedPaint();
    if (!data || !values) return undefined;
    return values.legendOf({
      data,
      groups: values.legendGroups({ breaks, breaksByCountry, text }, data),
      breaks: (country) => (country ? breaksByCountry?.get(country) : breaks),
      colors,
      format: (v) => text.format(v),
      missing: (d) => this.missing(d),
      locale: text.locale,
    });
  }

  /** A map drawn anew shows the values again: chronos-load, unless a run under way fires its own. */
  shownAgain(): void {
    const data = this.data;
    if (data && this.#showing === 0)
      this.#host.dispatchEvent(new ChronosLoadEvent(loadDetail(data, this.missing(data))));
  }

  async show(
    data: ChoroplethData,
    classifyOver: StableValuesByCountry | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const host = this.#host;
    const previous = this.data?.time ?? null;
    await loadPaint();
    if (signal.aborted) return;
    this.paint(data, classifyOver);
    if (data.time && data.time !== previous) {
      host.dispatchEvent(new ChronosTimeChangeEvent({ time: data.time, previous }));
    }
    this.#showing++;
    try {
      // "ready" only once the regions are on the canvas: a map that cannot draw never shows as ready.
      await this.#hooks.map().painted();
      this.#hooks.settled();
      if (signal.aborted) return;
      this.#hooks.shown(this.breaks !== undefined);
      await host.updateComplete;
      if (signal.aborted) return;
      host.dispatchEvent(new ChronosLoadEvent(loadDetail(data, this.missing(data))));
    } finally {
      this.#showing--;
    }
  }

  /** Classifies and colours; `classifyOver` (stable breaks) replaces the period's own values. */
  paint(data: ChoroplethData, classifyOver?: StableValuesByCountry): void {
    const host = this.#host;
    // The metric says how it is read: a change is diverging around 0, levels in two currencies are classified
    // per country; what the page set itself wins.
    const own = { scheme: host.scheme !== undefined, midpoint: host.midpoint !== undefined };
    const settings = withMetricDefaults({ ...this.#hooks.settings(), reverse: host.reverse }, data.metric, own);
    // Loaded before the first paint (show); a repaint only happens once something was painted.
    const paint = loadedPaint()!.paintChoropleth(data.values, settings, classifyOver);
    if (paint.problem) this.#hooks.report({ kind: 'attribute', attribute: 'classification', message: paint.problem });
    this.#hooks.map().paint(paint.colorByCode, this.codes(data));
    this.data = data;
    this.#colorByCode = paint.colorByCode;
    this.breaks = paint.breaks;
    this.breaksByCountry = paint.breaksByCountry;
    this.classColors = paint.colors;
    host.requestUpdate();
    void host.updateComplete.then(() => {
      const legend = this.legend();
      if (legend && this.data === data) host.dispatchEvent(new ChronosLegendChangeEvent({ legend }));
    });
  }
}
