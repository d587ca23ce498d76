// The colouring of <chronos-choropleth>: classification (d3-scale, simple-statistics) and the colour schemes
// (d3-scale-chromatic), from @chronos/core's paintChoropleth. A dynamic-import chunk (paint-loader.ts),
// loaded with the first data request so that the CDN entry does not carry it.
export { paintChoropleth } from '@chronos/core';
