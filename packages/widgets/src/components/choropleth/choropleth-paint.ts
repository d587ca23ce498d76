// What <chronos-choropleth> needs once it has values, and not before: the colouring (classification with
// d3-scale and simple-statistics, the colour schemes of d3-scale-chromatic, by @chronos/core's
// paintChoropleth), the legend model and the templates of what shows values: legend, footer, data table and
// download menu. A dynamic-import chunk (paint-loader.ts), loaded with the
// first data request so that the CDN entry does not carry it.
export { paintChoropleth } from '@chronos/core';
export { renderDownloadMenu } from './choropleth-export-menu.ts';
export { legendOf, regionsOfClass } from './choropleth-legend-model.ts';
export { legendGroups, renderFooter, renderLegend } from './choropleth-legend-view.ts';
export { nextSort, renderTable } from './choropleth-table-view.ts';
