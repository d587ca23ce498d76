// Loads choropleth-paint.ts (classification, colour schemes, the data table's template) once per page.
// <chronos-choropleth> starts it when connected, beside the MapLibre chunk and the data requests, and awaits
// it before it first colours the map; every later repaint (a new scheme, classification or colours) and
// every table comes after that.
import { lazyModule } from '@chronos/core';

const paint = lazyModule(() => import('./choropleth-paint.ts'));

/** The module once it has arrived (always, once a map has been coloured). */
export const loadedPaint = paint.loaded;

/** Imports the module once per page (a failed import is tried again on the next call). */
export const loadPaint = paint.load;
