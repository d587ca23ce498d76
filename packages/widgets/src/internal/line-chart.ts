// The SVG of a line chart, shared by <chronos-timeseries> (axes, several lines, marks) and the map tooltip's
// sparkline (one line, nothing else): the arithmetic is @chronos/core's (linearScale, linePath), this module
// only turns it into `svg` templates, so both draw lines the same way.
import { extentOf, type LinearScale, linearScale, linePath } from '@chronos/core';
import { nothing, svg, type SVGTemplateResult, type TemplateResult, html } from 'lit';

/** One line: its values on the shared time axis (null where missing) and the indices of marked points. */
export interface ChartLine {
  values: readonly (number | null)[];
  /** Index → `preliminary` / `revised`, drawn as hollow / filled markers. */
  marks?: ReadonlyMap<number, string>;
}

/** Where the plot sits in the SVG, and how its axes map. */
export interface ChartFrame {
  width: number;
  height: number;
  /** Space kept for axis labels: top, right, bottom, left. */
  margin: { top: number; right: number; bottom: number; left: number };
  /** Number of periods on the time axis. */
  length: number;
  /** About how many value ticks (0: no nice rounding, the data's own extent). */
  yTicks: number;
}

export interface ChartScales {
  x: (index: number) => number;
  y: LinearScale;
}

/** The scales of a chart of `lines` in `frame`: periods spread across, values nicely rounded up the side. */
export function chartScales(lines: readonly ChartLine[], frame: ChartFrame): ChartScales {
  const { width, height, margin, length } = frame;
  const extent = extentOf(lines.flatMap((line) => line.values)) ?? [0, 1];
  const y = linearScale(extent, [height - margin.bottom, margin.top], frame.yTicks || undefined);
  const left = margin.left;
  const span = Math.max(0, width - margin.left - margin.right);
  const x = (index: number) => (length <= 1 ? left + span / 2 : left + (index / (length - 1)) * span);
  return { x, y };
}

/** One `<path part="line">` per line (class `line-N` for its colour), then its marked points. */
export function renderLines(lines: readonly ChartLine[], scales: ChartScales): SVGTemplateResult {
  return svg`${lines.map((line, index) => {
    const d = linePath(line.values, scales.x, scales.y);
    return svg`<g class=${`series series-${index % 8}`} data-series=${index}>
      ${
        // Presentation attributes (not inline styles: a strict CSP allows them) draw the line where no stylesheet
        // does (the map's tooltip); the chart's stylesheet overrides them.
        d
          ? svg`<path part="line" class="line" d=${d} fill="none" stroke="currentColor" stroke-width="1.5"
              stroke-linejoin="round" stroke-linecap="round"></path>`
          : nothing
      }
      ${[...(line.marks ?? [])].map(([at, status]) => {
        const value = line.values[at];
        if (value === null || value === undefined) return nothing;
        return svg`<circle part="mark" class=${`mark ${status}`} data-status=${status} data-index=${at}
          cx=${scales.x(at)} cy=${scales.y(value)} r="3.5" fill="currentColor"></circle>`;
      })}
    </g>`;
  })}`;
}

/**
 * A small chart of one series with no axes (the map tooltip's sparkline): the line, and a dot on the period
 * `current` (the one the map shows) when it has a value. Decorative: the tooltip says the value in words.
 */
export function renderSparkline(
  values: readonly (number | null)[],
  options: { width: number; height: number; current?: number },
): TemplateResult {
  const { width, height } = options;
  const frame: ChartFrame = {
    width,
    height,
    margin: { top: 3, right: 3, bottom: 3, left: 3 },
    length: values.length,
    yTicks: 0,
  };
  const scales = chartScales([{ values }], frame);
  const current = options.current === undefined ? null : (values[options.current] ?? null);
  return html`<svg part="sparkline" class="sparkline" width=${width} height=${height}
    viewBox=${`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
    ${renderLines([{ values }], scales)}
    ${
      current === null
        ? nothing
        : svg`<circle class="sparkline-current" cx=${scales.x(options.current!)} cy=${scales.y(current)} r="2.5"
            fill="currentColor"></circle>`
    }
  </svg>`;
}
