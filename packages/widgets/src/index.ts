// @chronos/widgets/classes: the element classes, events and types with no side effects
// (register elements yourself with `ChronosChoropleth.define('my-tag')`, or import '@chronos/widgets').
export {
  ChronosChoropleth,
  type ChoroplethDataInput,
  type ChoroplethLegend,
  type ValueFormatter,
} from './components/choropleth/choropleth.ts';
export { ChronosTimeseries } from './components/timeseries/timeseries.ts';
export type { LegendEntry } from './components/choropleth/choropleth-legend-model.ts';
export { ChronosLegend } from './components/legend/legend.ts';
export { ChronosTimeSlider } from './components/time-slider/time-slider.ts';
export { ChronosErrorEvent, type ChronosErrorDetail } from './events/error.ts';
export { ChronosLegendChangeEvent, type ChronosLegendChangeDetail } from './events/legend-change.ts';
export { ChronosLoadEvent, type ChronosLoadDetail } from './events/load.ts';
export { ChronosRegionClickEvent } from './events/region-click.ts';
export type { RegionEventDetail } from './events/region-detail.ts';
export { ChronosRegionHoverEvent } from './events/region-hover.ts';
export { ChronosTimeChangeEvent, type ChronosTimeChangeDetail } from './events/time-change.ts';
export { ChronosElement, VERSION } from './internal/chronos-element.ts';
