// MapLibre's stylesheet as one constructable sheet that every shadow root adopts (CSS does not cross
// shadow boundaries, and one shared sheet costs one parse however many maps the page has). Built with
// the platform API rather than Lit's css`` so that the lazily loaded MapLibre chunk does not depend on
// Lit, which keeps Lit inside the CDN entry file (one request fewer before the first map).
// Vite's `?inline`/`?url` module types, here rather than only in vite-env.d.ts: projects that compile
// this package from source (e.g. @chronos/react through the `source` condition) see them too.
/// <reference types="vite/client" />
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

let sheet: CSSStyleSheet | undefined;

/** The shared MapLibre stylesheet (created on first use). */
export function maplibreStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(maplibreCss);
  }
  return sheet;
}
