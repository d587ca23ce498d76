// @chronos/widgets (and the CDN bundle chronos.js): registers every Chronos element and exports the
// classes, events and types.
import './components/choropleth/chronos-choropleth.ts';
import './components/timeseries/chronos-timeseries.ts';
import './components/legend/chronos-legend.ts';
import './components/time-slider/chronos-time-slider.ts';

export * from './index.ts';
