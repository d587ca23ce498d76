// <chronos-legend for="map-id">: a linked map's legend outside the map, for layouts that place it
// themselves (a sidebar, under a row of small multiples). It mirrors what the map painted (classes,
// colours, ranges, no data, units) after each of the map's paints (`chronos-legend-change`: new values or a
// style-only change); pointing at or focusing an entry outlines its regions on the map (`highlightClass`, only
// that country's with classes per country). Pair it with `legend="none"` on the
// map (or `hide-map-legend` here) so the legend is shown once.
import { formatPeriod } from '@chronos/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { baseStyles, ChronosElement } from '../../internal/chronos-element.ts';
import { companionStyles } from '../../internal/companion.styles.ts';
import { cssomStyle } from '../../internal/cssom-style.ts';
import { LangController } from '../../internal/lang.ts';
import { LinkedMapController } from '../../internal/linked-map.ts';
import type { ChronosChoropleth } from '../choropleth/choropleth.ts';
import type { LegendEntry } from '../choropleth/choropleth-legend-model.ts';
import { legendElementStyles } from './legend.styles.ts';

/** Entries by row: one per country when the map classifies per country (the "No data" entry in the last row). */
function rows(entries: LegendEntry[]): [string | undefined, LegendEntry[]][] {
  const out: [string | undefined, LegendEntry[]][] = [];
  for (const entry of entries) {
    const last = out.at(-1);
    if (last && (entry.countryLabel === last[0] || entry.index === 'no-data')) last[1].push(entry);
    else out.push([entry.countryLabel, [entry]]);
  }
  return out;
}

/**
 * A linked map's legend, rendered outside the map.
 *
 * @tag chronos-legend
 * @summary The legend of a `<chronos-choropleth>` (by `for`), for custom layouts; its entries highlight their regions.
 *
 * @csspart base - The legend's frame.
 * @csspart title - The metric's title (and period).
 * @csspart country - The label of a country's row (a metric classified per country: each country its own classes).
 * @csspart item - One entry (a class, or "No data"); a button, so it is focusable.
 * @csspart swatch - The colour square of an entry.
 * @csspart label - The range or "No data" text of an entry.
 *
 * @cssproperty --chronos-font-family - Font.
 * @cssproperty --chronos-font-size - Base font size.
 * @cssproperty --chronos-radius - Corner radius.
 * @cssproperty --chronos-background - Background.
 * @cssproperty --chronos-text-color - Text colour.
 * @cssproperty --chronos-border-color - Border colour.
 * @cssproperty --chronos-accent-color - Focus ring.
 * @cssproperty --chronos-no-data-color - The "No data" swatch.
 */
export class ChronosLegend extends ChronosElement {
  static override styles = [baseStyles, companionStyles, legendElementStyles];

  /** Id of the `<chronos-choropleth>` whose legend to show (same document or shadow root). */
  @property({ reflect: true }) for?: string;
  /** `vertical` (default: one entry a line) or `horizontal` (entries side by side). */
  @property({ reflect: true }) orientation = 'vertical';
  /** Sets the linked map's `legend="none"` so its legend is shown only here (restored when unlinked). */
  @property({ type: Boolean, attribute: 'hide-map-legend' }) hideMapLegend = false;
  /** Shows the period beside the title. */
  @property({ type: Boolean, attribute: 'show-period' }) showPeriod = false;
  /** `auto` (follows prefers-color-scheme), `light` or `dark`. */
  @property({ reflect: true }) theme = 'auto';

  #hidden?: { map: ChronosChoropleth; legend: string };
  #highlighted: string | null = null;
  #lang = new LangController(this);

  #linked = new LinkedMapController(this, {
    id: () => this.for,
    // Every repaint of the classes, with new values or after a style-only change (classes, scheme, …).
    events: { 'chronos-legend-change': () => this.requestUpdate() },
    changed: (map, previous) => {
      previous?.highlightClass?.(null);
      this.#restoreMapLegend();
      if (map) this.#applyHideMapLegend(map);
    },
  });

  /** The linked map, once it is on the page. */
  get map(): ChronosChoropleth | undefined {
    return this.#linked.map;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hideMapLegend') && this.#linked.map) {
      if (this.hideMapLegend) this.#applyHideMapLegend(this.#linked.map);
      else this.#restoreMapLegend();
    }
  }

  #applyHideMapLegend(map: ChronosChoropleth): void {
    if (!this.hideMapLegend || map.legend === 'none') return;
    this.#hidden = { map, legend: map.legend };
    map.legend = 'none';
  }

  #restoreMapLegend(): void {
    if (this.#hidden && this.#hidden.map.legend === 'none') this.#hidden.map.legend = this.#hidden.legend;
    this.#hidden = undefined;
  }

  /** Outlines an entry's regions on the map (only its country's, in a row of a metric classified per country). */
  #highlight(entry: LegendEntry | null): void {
    const key = entry ? `${entry.country ?? ''}:${entry.index}` : null;
    if (key === this.#highlighted) return;
    this.#highlighted = key;
    this.#linked.map?.highlightClass?.(entry?.index ?? null, entry?.country);
  }

  #entry(entry: LegendEntry): TemplateResult {
    const noData = entry.index === 'no-data';
    return html`<li>
      <button part="item" type="button" class="item" data-class=${String(entry.index)} data-country=${entry.country ?? nothing}
        @pointerenter=${() => this.#highlight(entry)} @pointerleave=${() => this.#highlight(null)}
        @focus=${() => this.#highlight(entry)} @blur=${() => this.#highlight(null)}>
        <span part="swatch" class="swatch ${noData ? 'no-data' : ''}" ${cssomStyle(noData ? {} : { 'background-color': entry.color })}></span>
        <span part="label" class="label">${entry.label}</span>
      </button>
    </li>`;
  }

  override render(): TemplateResult | typeof nothing {
    const map = this.#linked.map;
    const legend = map?.legendModel;
    if (!legend) return nothing;
    let period = '';
    if (this.showPeriod && legend.time && map.loadedData) {
      period = formatPeriod(legend.time, map.loadedData.metric.frequency, this.#lang.tag);
    }
    const noData = this.#lang.messages.map.noData;
    return html`<div part="base" class="base" role="group" aria-label=${legend.title}>
      <p part="title" class="title">${legend.title}${period ? html`<span class="period">, ${period}</span>` : nothing}</p>
      ${rows(legend.entries).map(
        ([label, entries]) => html`${label ? html`<p part="country" class="country">${label}</p>` : nothing}
          <ul>
            ${entries.map((entry) => this.#entry(entry.index === 'no-data' ? { ...entry, label: noData } : entry))}
          </ul>`,
      )}
    </div>`;
  }
}
