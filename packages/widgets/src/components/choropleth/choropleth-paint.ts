// What <chronos-choropleth> needs once it has values, and not before: the colouring (classification with
// d3-scale and simple-statistics, the colour schemes of d3-scale-chromatic, by @chronos/core's
// paintChoropleth) and the data table's template. A dynamic-import chunk (paint-loader.ts), loaded with the
// first data request so that the CDN entry does not carry it.
export { paintChoropleth } from '@chronos/core';
export { nextSort, renderTable } from './choropleth-table-view.ts';
