// Export for <chronos-choropleth>: toPNG() (the map as drawn, with its title, legend, source and period),
// toCSV() (the values shown) and the download menu the footer shows when `download` is set.
// The map is read without `preserveDrawingBuffer` (which costs every map a copy of its frame for as long
// as it lives): MapLibre redraws synchronously (`map.redraw()`) and the canvas is copied in the same task,
// before the browser presents the frame and discards the buffer. Another scale re-renders the live map at
// that pixel ratio for that one task and puts it back, so the page never shows the difference.
import { type Breaks, type ChoroplethData, choroplethCsv } from '@chronos/core';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ChronosErrorEvent } from '../../events/error.ts';
import { palettes } from '../../internal/theme.ts';
import type { LegendEntry } from './choropleth-export-image.ts';
import type { RegionText } from './choropleth-regions.ts';
import { loadedPaint } from './paint-loader.ts';

/** Options of `toPNG()`. */
export interface PngOptions {
  /** Device pixels per CSS pixel of the image (default: the screen's, `devicePixelRatio`), 0.5 to 4. */
  scale?: number;
}

const MIN_SCALE = 0.5;
const MAX_SCALE = 4;

/** What the export reads from the element (its public getters). */
export interface ExportHost extends ReactiveControllerHost, HTMLElement {
  readonly map: MapLibreMap | undefined;
  readonly loadedData: ChoroplethData | undefined;
  readonly classBreaks: Breaks | undefined;
  download: boolean;
}

/** What the export reads from the element's internals, when it needs it. */
export interface ExportSource {
  text: RegionText;
  /** Codes of every region the map shows, in the table's order. */
  codes(): Iterable<string>;
  /** Class colours, light to dark. */
  colors(): string[];
  /** Each country's breaks when the metric is classified per country. */
  breaksByCountry(): ReadonlyMap<string, Breaks> | undefined;
}

export class ChoroplethExport implements ReactiveController {
  #host: ExportHost;
  #source: ExportSource;
  #open = false;
  #button = createRef<HTMLButtonElement>();

  constructor(host: ExportHost, source: ExportSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.#host.download) this.#open = false;
  }

  /** The values shown as CSV (see `choroplethCsv` in @chronos/core); throws before any are shown. */
  toCSV(): string {
    const data = this.#host.loadedData;
    if (!data) throw new Error('toCSV: no values are shown yet; call it after chronos-load.');
    const regions = [...this.#source.codes()].map((code) => ({ code, name: this.#source.text.region(code).name }));
    return choroplethCsv(data, regions);
  }

  /** The map with its title, legend, source and period as a PNG. */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    const scale = options.scale ?? globalThis.devicePixelRatio ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
      throw new RangeError(`toPNG: scale must be a number from ${MIN_SCALE} to ${MAX_SCALE}; got ${String(scale)}.`);
    }
    const data = this.#host.loadedData;
    const map = this.#host.map;
    if (!data) throw new Error('toPNG: the map has not drawn its values yet; call it after chronos-load.');
    if (!map) {
      throw new Error(
        'toPNG: the map is not drawn now (a lazy map gives its WebGL context back far off-screen; set lazy="false" to export it from anywhere).',
      );
    }
    const text = this.#source.text;
    const messages = text.messages.export;
    const style = getComputedStyle(this.#host);
    const read = (property: keyof (typeof palettes)['light']): string =>
      style.getPropertyValue(property).trim() || palettes.light[property];
    const period = text.period();
    const sources = [...new Set((data.metric.sources ?? []).map((source) => source.name))];
    const credit = [
      sources.length > 0 ? messages.source(sources.join(', ')) : '',
      data.metric.is_sample ? `(${messages.sample})` : '',
    ];
    const image = readMap(map, scale);
    // The composition is loaded on first use: pages that never export do not download it.
    const { composeImage } = await import('./choropleth-export-image.ts');
    return composeImage({
      map: image,
      // What MapLibre could give (it caps the canvas at its maxCanvasSize).
      scale: image.width / map.getCanvas().clientWidth || scale,
      title: data.metric.title,
      subtitle: period,
      legend: this.#legend(data, read('--chronos-no-data-color'), read('--chronos-no-data-stripe-color')),
      credits: [credit.filter(Boolean).join(' '), period ? messages.vintage(period) : ''].filter(Boolean),
      colors: {
        background: read('--chronos-background'),
        text: read('--chronos-text-color'),
        muted: read('--chronos-muted-color'),
        border: read('--chronos-border-color'),
      },
      fontFamily: style.getPropertyValue('--chronos-font-family').trim() || 'sans-serif',
    });
  }

  #legend(data: ChoroplethData, noData: string, stripe: string): LegendEntry[] {
    const breaks = this.#host.classBreaks;
    const colors = this.#source.colors();
    const text = this.#source.text;
    // As the element's legend: one group per country (its name as a heading) when classified per country.
    // (Values are shown, so the colouring chunk with legendGroups has arrived.)
    const entries: LegendEntry[] = loadedPaint()!
      .legendGroups({ breaks, breaksByCountry: this.#source.breaksByCountry(), text }, data)
      .flatMap((group) => [
        ...(group.label ? [{ color: '', label: group.label, heading: true }] : []),
        ...group.ranges.map((range) => ({
          color: colors[range.index] ?? noData,
          label: `${text.format(range.from)} – ${text.format(range.to)}`,
        })),
      ]);
    const valued = new Set(data.values.filter((value) => typeof value.value === 'number').map((value) => value.region));
    if ([...this.#source.codes()].some((code) => !valued.has(code))) {
      entries.push({ color: noData, stripe, label: text.messages.map.noData });
    }
    return entries;
  }

  /** The footer's download menu (nothing unless `download` is set and values are shown). */
  renderMenu(): TemplateResult | typeof nothing {
    const data = this.#host.loadedData;
    // The menu's template travels with the colouring chunk, which has arrived once values are shown.
    const values = loadedPaint();
    if (!this.#host.download || !data || !values) return nothing;
    return values.renderDownloadMenu({
      messages: this.#source.text.messages.export,
      title: data.metric.title,
      open: this.#open,
      button: this.#button,
      toggle: () => this.#toggle(),
      close: (focusButton) => this.#close(focusButton),
      save: (kind) => void this.#save(kind),
    });
  }

  #toggle(): void {
    this.#open = !this.#open;
    this.#host.requestUpdate();
    if (this.#open) {
      void this.#host.updateComplete.then(() =>
        this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="download-png"]')?.focus(),
      );
    }
  }

  #close(focusButton: boolean): void {
    this.#open = false;
    this.#host.requestUpdate();
    if (focusButton) this.#button.value?.focus();
  }

  async #save(kind: 'png' | 'csv'): Promise<void> {
    const data = this.#host.loadedData;
    if (!data) return;
    this.#close(true);
    try {
      // A byte-order mark so that spreadsheet programs read the file as UTF-8 (Québec, not QuÃ©bec):
      // Excel takes a CSV without one for the system's legacy encoding.
      const blob =
        kind === 'png' ? await this.toPNG() : new Blob(['\uFEFF', this.toCSV()], { type: 'text/csv;charset=utf-8' });
      saveBlob(blob, `${data.metric.id}-${data.time}.${kind}`, this.#host.shadowRoot ?? this.#host);
    } catch (error) {
      this.#host.dispatchEvent(new ChronosErrorEvent({ kind: 'map', message: (error as Error).message }));
    }
  }
}

/**
 * The map's canvas copied at `scale` device pixels per CSS pixel: redrawn synchronously and copied in the
 * same task, so the drawing buffer still holds the frame (no preserveDrawingBuffer needed).
 */
function readMap(map: MapLibreMap, scale: number): HTMLCanvasElement {
  const ratio = map.getPixelRatio();
  // Restored as it was: pinned by the page's mapOptions, or following devicePixelRatio (null).
  const pinned = ratio !== globalThis.devicePixelRatio ? ratio : null;
  const rescale = Math.abs(scale - ratio) > 1e-6;
  if (rescale) map.setPixelRatio(scale);
  try {
    map.redraw();
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')!.drawImage(source, 0, 0);
    return copy;
  } finally {
    if (rescale) {
      map.setPixelRatio(pinned as number);
      map.redraw();
    }
  }
}

/** Offers `blob` as a download named `name` (a link clicked in the element's shadow root). */
function saveBlob(blob: Blob, name: string, root: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute is room for a slow save dialog.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
