// MapLibre's stylesheet as one constructable sheet that every shadow root adopts (CSS does not cross
// shadow boundaries, and one shared sheet costs one parse however many maps the page has).
import { unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

export const maplibreStyles = unsafeCSS(maplibreCss);
