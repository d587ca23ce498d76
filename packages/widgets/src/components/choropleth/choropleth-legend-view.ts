// The parts of <chronos-choropleth> drawn only once it shows values: the legend (one entry per class, then
// "No data"; one labelled group of classes per country when the metric is classified per country; over the
// map, or a strip under it in a narrow element, which the stylesheet decides), the footer crediting each
// source once, and the legend's groups of classes that the legend model and the PNG's legend share. Part of
// the colouring chunk (choropleth-paint.ts), which has arrived by then.
import { type ChoroplethData, classRanges, countryLabel, type Messages, type MetricInput } from '@chronos/core';
import { html, nothing, type TemplateResult } from 'lit';
// Inline styles through the CSSOM only, which a strict style-src Content-Security-Policy allows.
import { cssomStyle } from '../../internal/cssom-style.ts';
import type { ChoroplethView } from './choropleth-view.ts';

/** The classes of one classification: the whole map's, or one country's (then labelled, e.g. "Canada (CAD)"). */
export interface LegendGroup {
  country?: string | undefined;
  label?: string | undefined;
  ranges: { index: number; from: number; to: number }[];
}

export interface LegendView {
  position: string;
  title: string;
  groups: LegendGroup[];
  colors: string[];
  format(value: number): string;
  /** The "No data" label, when some region has no value. */
  noData: string | undefined;
  /** How many regions each class holds (by class index), of one country's regions for a country's row. */
  counts(country: string | undefined): number[];
  messages: Messages;
  /** A class was pointed at or focused (its index and, in a country's row, the country; null when left); focus
   * announces its regions. */
  highlight(index: number | null, range: string, announce: boolean, country?: string): void;
}

/** One group of classes; per country (US first, as the map reads west to east, north to south) when the metric is
 * classified per country and more than one country has values: each labelled with its name and currency. */
export function legendGroups(
  view: Pick<ChoroplethView, 'breaks' | 'breaksByCountry' | 'text'>,
  data: ChoroplethData,
): LegendGroup[] {
  const byCountry = view.breaksByCountry;
  if (!byCountry || byCountry.size < 2) return [{ ranges: view.breaks ? classRanges(view.breaks) : [] }];
  const order = (country: string) => (country === 'US' ? 0 : country === 'CA' ? 1 : 2);
  return [...byCountry]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([country, breaks]) => ({
      country,
      label: countryLabel(country, data.metric, view.text.messages),
      ranges: classRanges(breaks),
    }));
}

/** Each class is focusable and, pointed at or focused, highlights its regions on the map. */
function legendItems(view: LegendView, group: LegendGroup): TemplateResult[] {
  const off = () => view.highlight(null, '', false);
  const counts = view.counts(group.country);
  return group.ranges.map((range, i) => {
    const label = view.messages.map.range(view.format(range.from), view.format(range.to));
    return html`<li
      part="legend-item"
      data-class=${range.index}
      class=${i === group.ranges.length - 1 ? 'last' : ''}
      tabindex="0"
      @pointerenter=${() => view.highlight(range.index, label, false, group.country)}
      @pointerleave=${off}
      @focus=${() => view.highlight(range.index, label, true, group.country)}
      @blur=${off}
    >
      <span part="legend-swatch" class="swatch" ${cssomStyle({ 'background-color': view.colors[range.index] })}></span>
      <span part="legend-label" class="range"
        ><span class="from">${view.format(range.from)}</span><span class="to"> – ${view.format(range.to)}</span></span
      ><span class="visually-hidden">, ${view.messages.map.regionCount(counts[range.index] ?? 0)}</span>
    </li>`;
  });
}

export function renderLegend(view: LegendView): TemplateResult {
  const noData =
    view.noData !== undefined
      ? html`<li part="legend-item" data-class="no-data">
          <span part="legend-swatch" class="swatch no-data"></span>
          <span part="legend-label">${view.noData}</span>
        </li>`
      : nothing;
  const [single] = view.groups;
  return html`<div part="legend" class="legend" data-position=${view.position}>
    ${view.title ? html`<p part="legend-title" class="legend-title">${view.title}</p>` : nothing}
    ${
      view.groups.length === 1 && !single!.label
        ? html`<ul>${legendItems(view, single!)}${noData}</ul>`
        : html`${view.groups.map(
            (
              group,
            ) => html`<p part="legend-group" class="legend-group" data-country=${group.country ?? ''}>${group.label}</p>
              <ul data-country=${group.country ?? ''}>${legendItems(view, group)}</ul>`,
          )}<ul>${noData}</ul>`
    }
  </div>`;
}

export function renderFooter(metric: MetricInput, period: string, messages: Messages): TemplateResult {
  // One credit per source: a source that covers several countries is listed once per country.
  const sources = (metric.sources ?? []).filter(
    (source, index, all) => all.findIndex((other) => other.name === source.name && other.url === source.url) === index,
  );
  return html`
    <span>
      ${sources.length > 0 ? `${messages.map.source} ` : nothing}
      ${sources.map(
        (source, index) =>
          html`${index > 0 ? ', ' : nothing}${
            source.url ? html`<a href=${source.url} target="_blank" rel="noopener">${source.name}</a>` : source.name
          }`,
      )}
      ${metric.is_sample && !sources.some((source) => /sample/i.test(source.name)) ? html` ${messages.map.sampleData}` : nothing}
    </span>
    ${period ? html`<span>${messages.map.data(period)}</span>` : nothing}
  `;
}
