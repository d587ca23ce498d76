'use client';
// @chronos/react: one React component per Chronos element (made with @lit/react), plus JSX types for the
// raw tags. A client module: safe to import and render from Server Components in the Next.js App Router,
// where it renders the tag on the server and the element upgrades in the browser.
export { ChronosChoropleth, type ChronosChoroplethProps } from './choropleth.ts';
export { ChronosTimeseries, type ChronosTimeseriesProps } from './timeseries.ts';
export { ChronosLegend, type ChronosLegendProps } from './legend.ts';
export { ChronosTimeSlider, type ChronosTimeSliderProps } from './time-slider.ts';
export type { ChronosTagProps } from './jsx.ts';
export type {
  ChronosErrorDetail,
  ChronosErrorEvent,
  ChronosLegendChangeDetail,
  ChronosLegendChangeEvent,
  ChronosLoadDetail,
  ChronosLoadEvent,
  ChronosRegionClickEvent,
  ChronosRegionHoverEvent,
  ChronosTimeChangeDetail,
  ChronosTimeChangeEvent,
  RegionEventDetail,
} from '@chronos/widgets/classes';
