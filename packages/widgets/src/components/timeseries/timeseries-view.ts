// What <chronos-timeseries> renders once it has a series: the SVG chart (value grid and labels, period
// labels, a line per region, preliminary / revised marks, the crosshair), the readout of every line's value
// at the crosshair (also a polite live region for keyboard users), the legend of regions, and the table of
// every point (visually hidden until `show-table` or its toggle opens it).
import { periodTicks } from '@chronos/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { type ChartFrame, chartScales, renderLines } from '../../internal/line-chart.ts';
import type { SeriesText, SeriesView } from './timeseries-data.ts';

export interface ChartState {
  view: SeriesView;
  text: SeriesText;
  width: number;
  height: number;
  /** The period under the crosshair (index into `view.dates`), if any. */
  cursor: number | undefined;
  /** The period the linked map shows (index into `view.dates`), marked on the axis. */
  current: number | undefined;
  showTable: boolean;
  onPointer(event: PointerEvent, toIndex: (x: number) => number): void;
  onLeave(): void;
  onKeydown(event: KeyboardEvent): void;
  onToggleTable(): void;
}

const Y_TICKS = 5;
/** About the width of one period label, to decide how many fit. */
const LABEL_WIDTH = 78;

/** The chart (for the stage), and what goes under it: readout, legend and toggle, table. */
export function renderChart(state: ChartState): { plot: TemplateResult; below: TemplateResult } {
  const { view, text, width, height, cursor } = state;
  const yLabelsAt = chartScales(view.lines, frame(width, height, 0, view.dates.length)).y.ticks(Y_TICKS);
  const yLabels = yLabelsAt.map((value) => text.value(value));
  // Room on the left for the longest value label.
  const left = Math.max(28, ...yLabels.map((label) => label.length * 7 + 10));
  const scales = chartScales(view.lines, frame(width, height, left, view.dates.length));
  const { x, y } = scales;
  const plotWidth = width - left - 12;
  const ticks = periodTicks(view.dates, view.frequency, plotWidth / LABEL_WIDTH);
  const first = view.dates[0];
  const last = view.dates.at(-1);
  const names = view.lines.map((line) => line.name).join(', ');
  const label = text.messages.timeseries.chart(
    view.title,
    names,
    first ? text.period(first, view.frequency) : '',
    last ? text.period(last, view.frequency) : '',
  );
  const toIndex = (px: number) =>
    Math.max(
      0,
      Math.min(view.dates.length - 1, Math.round(((px - left) / Math.max(1, plotWidth)) * (view.dates.length - 1))),
    );
  const hasMarks = view.lines.some((line) => (line.marks?.size ?? 0) > 0);
  const plot = html`
    <div
      part="plot"
      class="plot"
      tabindex="0"
      role="group"
      aria-label=${label}
      aria-describedby="readout"
      @keydown=${state.onKeydown}
      @pointermove=${(event: PointerEvent) => state.onPointer(event, toIndex)}
      @pointerdown=${(event: PointerEvent) => state.onPointer(event, toIndex)}
      @pointerleave=${state.onLeave}
    >
      <svg part="chart" class="chart" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} aria-hidden="true">
        <g part="y-axis" class="axis y-axis">
          ${yLabelsAt.map(
            (value, i) => svg`<line class="grid" x1=${left} x2=${width - 12} y1=${y(value)} y2=${y(value)}></line>
              <text x=${left - 6} y=${y(value)} dy="0.32em" text-anchor="end">${yLabels[i]}</text>`,
          )}
        </g>
        <g part="x-axis" class="axis x-axis">
          ${ticks.indices.map(
            (index) => svg`<line class="tick" x1=${x(index)} x2=${x(index)} y1=${height - 22} y2=${height - 18}></line>
              <text x=${x(index)} y=${height - 4} text-anchor="middle">${text.tick(view.dates[index]!, view.frequency, ticks.step)}</text>`,
          )}
        </g>
        ${
          state.current === undefined
            ? nothing
            : svg`<line part="current-period" class="current-period" x1=${x(state.current)} x2=${x(state.current)}
                y1=${y.range[1]} y2=${y.range[0]}></line>`
        }
        ${renderLines(view.lines, scales)}
        ${cursor === undefined ? nothing : crosshair(state, scales, cursor)}
      </svg>
    </div>
  `;
  const below = html`
    ${readout(state)}
    <div part="footer" class="footer">
      <ul part="legend" class="legend">
        ${view.lines.map(
          (line, index) =>
            html`<li class=${`series-${index % 8}`}><span class="swatch" aria-hidden="true"></span>${line.name}</li>`,
        )}
        ${
          hasMarks
            ? html`<li class="mark-key"><span class="key preliminary" aria-hidden="true"></span>${text.messages.timeseries.preliminary}</li>
                <li class="mark-key"><span class="key revised" aria-hidden="true"></span>${text.messages.timeseries.revised}</li>`
            : nothing
        }
      </ul>
      <button part="table-toggle" class="table-toggle" type="button" aria-expanded=${state.showTable ? 'true' : 'false'}
        aria-controls="table" @click=${state.onToggleTable}>
        ${state.showTable ? text.messages.timeseries.hideTable : text.messages.timeseries.showTable}
      </button>
    </div>
    ${table(state)}
  `;
  return { plot, below };
}

function frame(width: number, height: number, left: number, length: number): ChartFrame {
  return { width, height, margin: { top: 10, right: 12, bottom: 26, left }, length, yTicks: Y_TICKS };
}

function crosshair(state: ChartState, scales: ReturnType<typeof chartScales>, cursor: number) {
  const { x, y } = scales;
  return svg`<g part="crosshair" class="crosshair">
    <line x1=${x(cursor)} x2=${x(cursor)} y1=${y.range[1]} y2=${y.range[0]}></line>
    ${state.view.lines.map((line, index) => {
      const value = line.values[cursor];
      return value === null || value === undefined
        ? nothing
        : svg`<circle class=${`series-${index % 8}`} cx=${x(cursor)} cy=${y(value)} r="4"></circle>`;
    })}
  </g>`;
}

/** Every line's value at the crosshair (empty without one); announced politely as it moves. */
function readout(state: ChartState): TemplateResult {
  const { view, text, cursor } = state;
  const date = cursor === undefined ? undefined : view.dates[cursor];
  return html`<div id="readout" part="readout" class="readout" aria-live="polite">
    ${
      date === undefined
        ? nothing
        : html`<strong class="readout-period">${text.period(date, view.frequency)}</strong>
            ${view.lines.map(
              (line, index) => html`<span class=${`readout-item series-${index % 8}`} data-region=${line.region}
                ><span class="swatch" aria-hidden="true"></span>${line.name}: ${text.point(
                  line.values[cursor!] ?? null,
                  line.marks?.get(cursor!),
                )}</span
              >`,
            )}`
    }
  </div>`;
}

function table(state: ChartState): TemplateResult {
  const { view, text } = state;
  const words = text.messages.timeseries;
  return html`<div id="table" class=${state.showTable ? 'table-panel' : 'visually-hidden'}>
    <table part="table">
      <caption>${words.caption(view.title, view.lines.map((line) => line.name).join(', '))}</caption>
      <thead>
        <tr>
          <th scope="col">${words.period}</th>
          ${view.lines.map((line) => html`<th scope="col" data-region=${line.region}>${line.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${view.dates.map(
          (date, index) => html`<tr data-date=${date}>
            <th scope="row">${text.period(date, view.frequency)}</th>
            ${view.lines.map(
              (line) =>
                html`<td data-status=${line.marks?.get(index) ?? nothing}>${text.point(line.values[index] ?? null, line.marks?.get(index))}</td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
