// The parts of <chronos-choropleth> drawn over and under the map: notices about invalid attributes (and a
// basemap that failed), the loading / error / empty / context-lost overlays, the legend (one entry per
// class, then "No data"; one labelled group of classes per country when the metric is classified per country;
// over the map, or a strip under it in a narrow element, which the stylesheet decides), the hover tooltip (kept inside the map) and the footer crediting each source once.
import type { Messages, MetricInput } from '@chronos/core';
import { html, nothing, type TemplateResult } from 'lit';
// Inline styles through the CSSOM only, which a strict style-src Content-Security-Policy allows.
import { cssomStyle } from '../../internal/cssom-style.ts';
import type { RegionEventDetail } from '../../events/region-detail.ts';
import type { LoadStatus } from './choropleth-loading.ts';

export function renderNotices(problems: readonly { message: string }[]): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  return html`<div class="notices" role="status">
    ${problems.map((problem) => html`<p part="notice" class="notice">${problem.message}</p>`)}
  </div>`;
}

/** An error as the panel shows it: a headline for the site owner, the detail, and whether Retry can help. */
export interface ErrorView {
  headline: string | undefined;
  message: string;
  retry: boolean;
}

/** The skeleton while loading, the error panel (with Retry where it can help), or the "no data" message. */
export function renderStatus(
  status: LoadStatus,
  messages: Messages,
  text: { error: ErrorView | undefined; empty: string; retry(): void },
): TemplateResult | typeof nothing {
  if (status === 'loading') {
    return html`<div part="skeleton" class="overlay skeleton" role="status">${messages.map.loading}</div>`;
  }
  if (status === 'error') {
    const error = text.error;
    return html`<div part="error" class="overlay error" role="alert">
      ${error?.headline ? html`<p part="error-headline" class="error-headline">${error.headline}</p>` : nothing}
      <p class="error-message">${error?.message ?? messages.errors.failed}</p>
      ${
        error?.retry === false
          ? nothing
          : html`<button part="retry-button" type="button" @click=${() => text.retry()}>${messages.errors.retry}</button>`
      }
    </div>`;
  }
  if (status === 'empty') {
    return html`<div part="empty" class="overlay empty" role="status">
      <p>${text.empty}</p>
    </div>`;
  }
  return nothing;
}

/** Over the map while the browser has taken its WebGL context: the legend and the data table stay. */
export function renderContextLost(message: string): TemplateResult {
  return html`<div part="context-lost" class="overlay context-lost" role="status">
    <p>${message}</p>
  </div>`;
}

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

/** Beside the pointer, flipped left/up near the right/bottom edge so it stays inside the map. */
function tooltipPosition(hover: { x: number; y: number }, stage: HTMLElement | undefined): Record<string, string> {
  const flipX = stage ? hover.x > stage.clientWidth * 0.6 : false;
  const flipY = stage ? hover.y > stage.clientHeight * 0.7 : false;
  return {
    left: `${hover.x}px`,
    top: `${hover.y}px`,
    transform: `translate(${flipX ? 'calc(-100% - 12px)' : '12px'}, ${flipY ? 'calc(-100% - 12px)' : '12px'})`,
  };
}

export function renderTooltip(
  region: RegionEventDetail,
  hover: { x: number; y: number },
  stage: HTMLElement | undefined,
  period: string,
  statusLabel: string,
  extra: unknown = nothing,
): TemplateResult {
  const flag = region.status === 'preliminary' || region.status === 'revised' ? statusLabel : undefined;
  return html`<div part="tooltip" class="tooltip" ${cssomStyle(tooltipPosition(hover, stage))} aria-hidden="true">
    <strong>${region.name}</strong>
    <span class="value">${region.formattedValue}</span>${flag ? html`<span class="flag">${flag}</span>` : nothing}
    ${period ? html`<div>${period}</div>` : nothing} ${extra}
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
