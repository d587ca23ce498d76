// What <chronos-choropleth> renders: the map area with its overlays (notices, tooltip, loading / error /
// empty / context-lost), the legend, the footer with the data-table toggle, and the data table. The map
// itself is MapLibre's, drawn into the map area by the element's ChoroplethMap.
import type { Breaks, ChoroplethData } from '@chronos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { type Ref, ref } from 'lit/directives/ref.js';
import type { ChronosErrorDetail } from '../../events/error.ts';
import type { ChoroplethA11y } from './choropleth-a11y.ts';
import type { LegendPosition } from './choropleth-config.ts';
import type { MapKeyboard } from './choropleth-keyboard.ts';
import type { LoadStatus } from './choropleth-loading.ts';
import { renderContextLost, renderNotices, renderStatus, renderTooltip } from './choropleth-overlays.ts';
import type { RegionText } from './choropleth-regions.ts';
import type { DataTable } from './choropleth-table.ts';
import { loadedPaint } from './paint-loader.ts';

/** The element's state as rendered (read while rendering). */
export interface ChoroplethView {
  /** The values shown, once loaded. */
  data: ChoroplethData | undefined;
  /** The metric attribute, named while its data has not loaded. */
  metric: string;
  text: RegionText;
  loading: {
    readonly status: LoadStatus;
    readonly error: ChronosErrorDetail | undefined;
    readonly retryIn: number | undefined;
  };
  retry(): void;
  contextLost: boolean;
  notices: readonly { message: string }[];
  map: Ref<HTMLDivElement>;
  /** The region under the pointer, while the map is interactive. */
  hover: { code: string; x: number; y: number } | undefined;
  legend: LegendPosition;
  breaks: Breaks | undefined;
  /** Each country's breaks, when the metric is classified per country. */
  breaksByCountry: ReadonlyMap<string, Breaks> | undefined;
  classColors: string[];
  /** Codes of the regions without a value in `data`. */
  missing(data: ChoroplethData): string[];
  table: DataTable;
  /** Extra content of the tooltip for a region (the sparkline of its recent values). */
  sparkline?: ((code: string) => unknown) | undefined;
  a11y: ChoroplethA11y;
  keyboard: MapKeyboard;
  interactive: boolean;
  /** The download menu (choropleth-export.ts), when `download` is set. */
  downloadMenu: TemplateResult | typeof nothing;
}

export function renderChoropleth(view: ChoroplethView): TemplateResult {
  const data = view.data;
  const title = data?.metric.title || view.metric;
  const status = view.loading.status;
  const messages = view.text.messages;
  const keyboard = view.keyboard;
  // The templates of what shows values (choropleth-paint.ts): loaded before any value is shown.
  const values = loadedPaint();
  // One tab stop: the map area (MapLibre's canvas is taken out of the tab order and the accessibility tree).
  // role="application" passes arrow keys to it; a static map is a figure (MapLibre's attribution links sit
  // inside it, which role="img" must not hold).
  return html`
    <div part="base" class="base">
      <div class="stage">
        <div
          part="map"
          class="map"
          ${ref(view.map)}
          role=${view.interactive ? 'application' : 'figure'}
          aria-roledescription=${view.interactive ? messages.map.roleDescription : nothing}
          tabindex=${view.interactive ? '0' : nothing}
          aria-label=${view.a11y.name(title)}
          aria-describedby=${view.interactive ? 'summary keys' : 'summary'}
          @keydown=${view.interactive ? keyboard.onKeydown : nothing}
          @focus=${view.interactive ? keyboard.onFocus : nothing}
          @blur=${view.interactive ? keyboard.onBlur : nothing}
        ></div>
        ${view.a11y.render(status === 'ready' || status === 'empty')}
        <div id="keys" hidden>${messages.map.keys}</div>
        ${view.contextLost ? renderContextLost(messages.map.contextLost) : nothing}
        ${renderNotices(view.notices)}
        ${tooltip(view)} ${view.contextLost ? nothing : statusOverlay(view)}
      </div>
      ${status === 'ready' || status === 'empty' || (view.contextLost && data) ? legend(view) : nothing}
      <div part="footer" class="footer">
        <slot name="footer">${data ? (values?.renderFooter(data.metric, view.text.period(), messages) ?? nothing) : nothing}</slot>
        ${data ? view.table.renderToggle(messages) : nothing} ${view.downloadMenu}
      </div>
      ${data ? view.table.render(messages) : nothing}
    </div>
  `;
}

function statusOverlay(view: ChoroplethView): TemplateResult | typeof nothing {
  const error = view.loading.error;
  const messages = view.text.messages;
  return renderStatus(view.loading.status, messages, {
    error,
    retryIn: view.loading.retryIn,
    failed: messages.errors.failed,
    retryLabel: messages.errors.retry,
    empty: messages.map.empty(view.data?.metric.title || view.metric, view.text.period()),
    loading: view.text.settled ? messages.map.loading : '',
    retry: () => view.retry(),
  });
}

function legend(view: ChoroplethView): TemplateResult | typeof nothing {
  const data = view.data;
  const values = loadedPaint();
  if (view.legend === 'none' || !data || !values) return nothing;
  const messages = view.text.messages;
  return values.renderLegend({
    position: view.legend,
    title: data.metric.title,
    groups: values.legendGroups(view, data),
    colors: view.classColors,
    format: (value) => view.text.format(value),
    noData: view.missing(data).length > 0 ? messages.map.noData : undefined,
    counts: (country) => view.a11y.classCounts(country),
    messages,
    highlight: (index, range, announce, country) => view.a11y.highlight(index, range, announce, country),
  });
}

function tooltip(view: ChoroplethView): TemplateResult | typeof nothing {
  const at = view.hover ?? (view.interactive ? view.keyboard.tooltip() : undefined);
  if (!at) return nothing;
  const region = view.text.region(at.code);
  return renderTooltip(
    region,
    at,
    view.map.value,
    view.data?.time ? view.text.period() : '',
    view.text.status(region.status),
    view.sparkline?.(at.code),
  );
}
