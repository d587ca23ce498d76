// The parts of <chronos-choropleth> drawn over the map before and without values: notices about invalid
// attributes (and a basemap that failed), the loading / error / empty / context-lost overlays and the hover
// tooltip (kept inside the map). The legend and the footer, drawn with values, are choropleth-legend-view.ts.
// <chronos-timeseries> draws its loading / error / empty overlays with renderStatus too.
import type { Messages } from '@chronos/core';
import { html, nothing, type TemplateResult } from 'lit';
// Inline styles through the CSSOM only, which a strict style-src Content-Security-Policy allows.
import { cssomStyle } from '../../internal/cssom-style.ts';
import type { ChronosErrorDetail } from '../../events/error.ts';
import type { RegionEventDetail } from '../../events/region-detail.ts';
import { canRetry, headline } from './choropleth-errors.ts';
import type { LoadStatus } from './choropleth-loading.ts';

export function renderNotices(problems: readonly { message: string }[]): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  return html`<div class="notices" role="status">
    ${problems.map((problem) => html`<p part="notice" class="notice">${problem.message}</p>`)}
  </div>`;
}

/** The skeleton while loading, the error panel (its headline for the site owner, the detail, and Retry where it
 * can help), or the "no data" message: the map's and the chart's, in their own words. */
export function renderStatus(
  status: LoadStatus,
  messages: Messages,
  text: {
    error: ChronosErrorDetail | undefined;
    /** The live countdown of a rate limit, in seconds. */
    retryIn?: number | undefined;
    failed: string;
    retryLabel: string;
    empty: string;
    loading: string;
    retry(): void;
  },
): TemplateResult | typeof nothing {
  if (status === 'loading') {
    return html`<div part="skeleton" class="overlay skeleton" role="status">${text.loading}</div>`;
  }
  if (status === 'error') {
    const error = text.error;
    const first = error && headline(error, text.retryIn, messages);
    return html`<div part="error" class="overlay error" role="alert">
      ${first ? html`<p part="error-headline" class="error-headline">${first}</p>` : nothing}
      <p class="error-message">${error?.message ?? text.failed}</p>
      ${
        error && !canRetry(error)
          ? nothing
          : html`<button part="retry-button" type="button" @click=${() => text.retry()}>${text.retryLabel}</button>`
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
