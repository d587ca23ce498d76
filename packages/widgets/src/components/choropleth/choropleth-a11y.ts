// What <chronos-choropleth> tells people who do not see the map: its accessible name (the page's aria-label
// or title, else the metric and period), a text summary as its description (highest, lowest, regions without
// data), a polite live region that speaks the focused region and each change of period or metric, and the
// legend classes that, pointed at or focused, highlight their regions on the map (feature-state).
import type { ChoroplethData } from '@chronos/core';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ChronosLoadEvent } from '../../events/load.ts';
import type { RegionText } from './choropleth-regions.ts';

/** What the accessibility side reads from the element, when it needs it. */
export interface A11yHooks {
  text: RegionText;
  data(): ChoroplethData | undefined;
  /** Every region the map knows. */
  codes(): string[];
  /** Codes without a value in `data`. */
  missing(data: ChoroplethData): string[];
  /** The class index (0-based) of a region's value; -1 without one. */
  classOf(code: string): number;
  /** How many classes the legend shows. */
  classCount(): number;
  /** Sets a feature-state flag on exactly these regions. */
  flag(flag: string, codes: string[]): void;
}

export class ChoroplethA11y implements ReactiveController {
  /** The live region's text (the last announcement). */
  live = '';
  #host: ReactiveControllerHost & HTMLElement;
  #hooks: A11yHooks;
  /** Metric and time last shown, so that only a change is announced (not the first paint). */
  #shown: string | undefined;
  #highlighted: string | null = null;
  #onLoad = (event: ChronosLoadEvent): void => {
    const key = `${event.detail.metric}|${event.detail.time ?? ''}`;
    if (this.#shown !== undefined && key !== this.#shown) this.announce(this.summary());
    this.#shown = key;
  };

  constructor(host: ReactiveControllerHost & HTMLElement, hooks: A11yHooks) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('chronos-load', this.#onLoad);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('chronos-load', this.#onLoad);
    this.highlight(null);
  }

  announce(text: string): void {
    this.live = text;
    this.#host.requestUpdate();
  }

  /** The map's accessible name: the page's own (aria-label, title), else the metric and the period. */
  name(metric: string): string {
    const own = this.#host.getAttribute('aria-label')?.trim() || this.#host.title.trim();
    const text = this.#hooks.text;
    return own || text.messages.map.name(this.#hooks.data()?.metric.title || metric, text.period());
  }

  /** "September 2025: highest Nevada 5.6 %, lowest South Dakota 1.9 %, 3 regions without data". */
  summary(): string {
    const data = this.#hooks.data();
    if (!data) return '';
    const text = this.#hooks.text;
    const period = text.period();
    let highest: { value: number; code: string } | undefined;
    let lowest: typeof highest;
    for (const value of data.values) {
      if (typeof value.value !== 'number' || !Number.isFinite(value.value)) continue;
      const entry = { value: value.value, code: value.region };
      if (!highest || entry.value > highest.value) highest = entry;
      if (!lowest || entry.value < lowest.value) lowest = entry;
    }
    if (!highest || !lowest) return text.messages.a11y.noValues(period);
    const describe = (code: string) => {
      const region = text.region(code);
      return `${region.name} ${region.formattedValue}`;
    };
    const missing = this.#hooks.missing(data).length;
    return text.messages.a11y.summary(period, describe(highest.code), describe(lowest.code), missing);
  }

  /** Every region, by name in the page's language (the data table's first order; Home and End walk it). */
  byName(): string[] {
    const text = this.#hooks.text;
    const regions = this.#hooks.codes().map((code) => text.region(code));
    return regions.sort((a, b) => a.name.localeCompare(b.name, text.locale)).map((region) => region.code);
  }

  /** A region's class as the table and announcements say it: "3 of 5" ('' without a value). */
  classLabel(code: string): string {
    const index = this.#hooks.classOf(code);
    return index < 0 ? '' : this.#hooks.text.messages.table.classOf(index + 1, this.#hooks.classCount());
  }

  /** What the live region says when a region gets the keyboard focus. */
  regionText(code: string): string {
    const text = this.#hooks.text;
    const region = text.region(code);
    const status = region.status && region.status !== 'final' ? text.status(region.status) : '';
    return text.messages.a11y.focused(region.name, region.formattedValue, this.classLabel(code), status);
  }

  /** How many regions each class holds (by class index); of one country's regions when `country` is given. */
  classCounts(country?: string): number[] {
    const counts = Array.from({ length: this.#hooks.classCount() }, () => 0);
    for (const code of this.#hooks.codes()) {
      if (country && !code.startsWith(`${country}-`)) continue;
      const index = this.#hooks.classOf(code);
      if (index >= 0 && index < counts.length) counts[index]! += 1;
    }
    return counts;
  }

  /** Highlights a legend class's regions (and fades the others); null clears. Focus also announces them.
   * With classes per country, `country` (`US`, `CA`) limits the class to that country's regions. */
  highlight(index: number | null, range = '', announce = false, country?: string): void {
    const key = index === null ? null : `${country ?? ''}:${index}`;
    if (key === this.#highlighted && !announce) return;
    this.#highlighted = key;
    const codes = this.#hooks.codes();
    const inCountry = (code: string) => !country || code.startsWith(`${country}-`);
    const inClass =
      index === null ? [] : codes.filter((code) => inCountry(code) && this.#hooks.classOf(code) === index);
    const chosen = new Set(inClass);
    this.#hooks.flag('highlight', inClass);
    this.#hooks.flag('dimmed', index === null ? [] : codes.filter((code) => !chosen.has(code)));
    if (index === null || !announce) return;
    const text = this.#hooks.text;
    const names = inClass.map((code) => text.region(code).name).sort((a, b) => a.localeCompare(b, text.locale));
    this.announce(text.messages.a11y.legendClass(range, text.messages.map.regionCount(names.length), names.join(', ')));
  }

  /** The live region (always in the tree, so that changes to it are spoken) and the map's hidden description. */
  render(describe: boolean): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.live}</div>
      <div id="summary" hidden>${describe ? this.summary() : ''}</div>`;
  }
}
