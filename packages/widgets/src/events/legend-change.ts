// `chronos-legend-change`: the map repainted its classes (after new values, and after a style-only change
// such as `classes`, `scheme` or `thresholds`, which repaints without `chronos-load`). A legend drawn outside
// the map (`<chronos-legend for>`, or a page's own) follows this one event.
import type { ChoroplethLegend } from '../components/choropleth/choropleth-legend-model.ts';

export interface ChronosLegendChangeDetail {
  /** The legend as now painted: title, units, period and entries (the map's `legendModel`). */
  legend: ChoroplethLegend;
}

export class ChronosLegendChangeEvent extends Event {
  static readonly eventName = 'chronos-legend-change';
  readonly detail: ChronosLegendChangeDetail;
  constructor(detail: ChronosLegendChangeDetail) {
    super(ChronosLegendChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chronos-legend-change': ChronosLegendChangeEvent;
  }
}
