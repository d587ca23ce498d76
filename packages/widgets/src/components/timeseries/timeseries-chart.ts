// The half of <chronos-timeseries> that draws a loaded series (the view derived from the API body, the SVG
// chart, its readout, legend and table), and the map tooltip's sparkline, which draws with the same
// renderer. A dynamic-import chunk (chart-loader.ts) so that the CDN entry does not carry it.
export { renderChart } from './timeseries-view.ts';
export { SeriesText, seriesView } from './timeseries-data.ts';
export { tooltipSparkline } from './tooltip-sparkline.ts';
