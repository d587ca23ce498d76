// What <chronos-choropleth> renders: the map area with its overlays (notices, tooltip, loading / error /
// empty / context-lost), the legend, the footer with the data-table toggle, and the data table. The map
// itself is MapLibre's, drawn into the map area by the element's ChoroplethMap.
import { type Breaks, type ChoroplethData, classRanges, legendCountryLabel, noDataLabel } from '@chronos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { type Ref, ref } from 'lit/directives/ref.js';
import type { ChronosErrorDetail } from '../../events/error.ts';
import type { LegendPosition } from './choropleth-config.ts';
import { canRetry, headline } from './choropleth-errors.ts';
import type { LoadStatus } from './choropleth-loading.ts';
import {
  renderContextLost,
  renderFooter,
  renderLegend,
  type LegendGroup,
  renderNotices,
  renderStatus,
  renderTooltip,
} from './choropleth-overlays.ts';
import type { RegionText } from './choropleth-regions.ts';
import type { DataTable } from './choropleth-table.ts';

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
  /** The download menu (choropleth-export.ts), when `download` is set. */
  downloadMenu: TemplateResult | typeof nothing;
}

export function renderChoropleth(view: ChoroplethView): TemplateResult {
  const data = view.data;
  const title = data?.metric.title || view.metric;
  const period = view.text.period();
  const status = view.loading.status;
  return html`
    <div part="base" class="base">
      <div class="stage">
        <div
          part="map"
          class="map"
          ${ref(view.map)}
          role="img"
          aria-label=${`Map: ${title}${period ? `, ${period}` : ''}. The data table follows.`}
        ></div>
        ${view.contextLost ? renderContextLost() : nothing}
        ${renderNotices(view.notices)}
        ${tooltip(view)} ${view.contextLost ? nothing : statusOverlay(view)}
      </div>
      ${status === 'ready' || status === 'empty' || (view.contextLost && data) ? legend(view) : nothing}
      <div part="footer" class="footer">
        <slot name="footer">${data ? renderFooter(data.metric, view.text.period()) : nothing}</slot>
        ${data ? view.table.renderToggle() : nothing} ${view.downloadMenu}
      </div>
      ${data ? view.table.render() : nothing}
    </div>
  `;
}

function statusOverlay(view: ChoroplethView): TemplateResult | typeof nothing {
  const period = view.text.period();
  const error = view.loading.error;
  return renderStatus(view.loading.status, {
    error: error && {
      headline: headline(error, view.loading.retryIn),
      message: error.message,
      retry: canRetry(error),
    },
    empty: `No data for ${view.data?.metric.title || view.metric}${period ? ` in ${period}` : ''}.`,
    retry: () => view.retry(),
  });
}

function legend(view: ChoroplethView): TemplateResult | typeof nothing {
  const data = view.data;
  if (view.legend === 'none' || !data) return nothing;
  return renderLegend({
    position: view.legend,
    title: data.metric.title,
    groups: legendGroups(view.breaks, view.breaksByCountry, data, view.text.locale),
    colors: view.classColors,
    format: (value) => view.text.format(value),
    noData: view.missing(data).length > 0 ? noDataLabel(view.text.locale) : undefined,
  });
}

/** One group of classes; per country (US first, as the map reads west to east, north to south) when the metric is
 * classified per country and more than one country has values: each labelled with its name and currency. */
export function legendGroups(
  breaks: Breaks | undefined,
  byCountry: ReadonlyMap<string, Breaks> | undefined,
  data: ChoroplethData,
  locale: string,
): LegendGroup[] {
  if (!byCountry || byCountry.size < 2) return [{ ranges: breaks ? classRanges(breaks) : [] }];
  const order = (country: string) => (country === 'US' ? 0 : country === 'CA' ? 1 : 2);
  return [...byCountry]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([country, breaks]) => ({
      country,
      label: legendCountryLabel(country, data.metric, locale),
      ranges: classRanges(breaks),
    }));
}

function tooltip(view: ChoroplethView): TemplateResult | typeof nothing {
  if (!view.hover) return nothing;
  return renderTooltip(
    view.text.region(view.hover.code),
    view.hover,
    view.map.value,
    view.data?.time ? view.text.period() : '',
  );
}
