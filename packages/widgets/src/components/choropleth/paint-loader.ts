// Loads choropleth-paint.ts (classification, colour schemes, the data table's template) once per page.
// <chronos-choropleth> starts it when connected, beside the MapLibre chunk and the data requests, and awaits
// it before it first colours the map; every later repaint (a new scheme, classification or colours) and
// every table comes after that.
type Paint = typeof import('./choropleth-paint.ts');

let paint: Paint | undefined;
let loading: Promise<Paint> | undefined;

/** The module once it has arrived (always, once a map has been coloured). */
export function loadedPaint(): Paint | undefined {
  return paint;
}

/** Imports the module once per page. */
export function loadPaint(): Promise<Paint> {
  // A failed import (the network) is tried again on the next call: a retry must not fail for ever.
  loading ??= import('./choropleth-paint.ts').then(
    (module) => (paint = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
