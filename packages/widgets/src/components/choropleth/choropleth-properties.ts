// What a page sets on <chronos-choropleth>: its reactive properties and the attributes they reflect, as the
// base class of the element (choropleth.ts keeps the lifecycle, the controllers and render). Documented
// here, property by property; custom-elements.json lists them on the element as inherited members.
import { property } from 'lit/decorators.js';
import type { MapOptions } from 'maplibre-gl';
import type { ChoroplethDataInput } from '@chronos/core';
import { ChronosElement } from '../../internal/chronos-element.ts';
import type { ValueFormatter } from './choropleth-regions.ts';

/** A boolean attribute that is true unless set to "false" (`interactive`, `lazy`). */
const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

/** The properties and attributes of <chronos-choropleth> (the element is ChronosChoropleth). */
export class ChoroplethProperties extends ChronosElement {
  /** Base URL of the Chronos API (default: where the script came from, else this page's origin). */
  @property() api?: string;
  /** Publishable API key (`pk_…`) sent with every request. */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** Metric id, e.g. `unemployment`. */
  @property() metric = 'unemployment';
  /** Region sets, comma-separated: `us-states`, `ca-provinces`. */
  @property() geo = 'us-states,ca-provinces';
  /** `latest` or a period in the metric's form: `YYYY-MM` (monthly), `YYYY-Qn` (quarterly), `YYYY` (annual). */
  @property() time = 'latest';
  /** `quantile`, `equal-interval`, `natural-breaks`, `nice` or `custom` (with `thresholds`). */
  @property() classification?: string;
  /** Number of classes, 3 to 9 (default 5). */
  @property() classes?: number | string;
  /** Custom class breaks, comma-separated ascending numbers, e.g. `3,5,7`; implies `custom`. */
  @property() thresholds?: string | number[];
  /** Colour scheme id (ColorBrewer or Viridis family), e.g. `blues`, `ylorrd`, `viridis`, `rdbu`. */
  @property() scheme?: string;
  /** Reverses the scheme (dark to light). */
  @property({ type: Boolean }) reverse = false;
  /** Diverging data: breaks symmetric around this value (and a diverging default scheme). */
  @property() midpoint?: number | string;
  /** Classify over every period of the metric so colours mean the same thing as time moves. */
  @property({ type: Boolean, attribute: 'stable-breaks' }) stableBreaks = false;
  /** Basemap: a Protomaps-schema PMTiles URL, or `none`. Default: `/tiles/basemap.pmtiles` on the API. */
  @property() basemap?: string;
  /** `api` (GeoJSON from the API, default), a `.pmtiles` URL (vector tiles), or a GeoJSON file URL. */
  @property() boundaries = 'api';
  /** `auto` (follows prefers-color-scheme), `light` or `dark`. */
  @property({ reflect: true }) theme = 'auto';
  /** Legend position: `bottom-left`, `bottom-right`, `top-left`, `top-right` or `none`. */
  @property() legend = 'bottom-left';
  /** Pan, zoom, hover and click (set `interactive="false"` for a static map). */
  @property({ converter: booleanDefaultTrue, reflect: true }) interactive = true;
  /** Require two fingers / a modifier key to move the map, so the page scrolls past it. */
  @property({ type: Boolean, attribute: 'cooperative-gestures' }) cooperativeGestures = false;
  /** Shows the data table under the map (sortable; its rows select regions from the keyboard). The
   * footer's "Data table" button toggles it; the table is always in the accessibility tree. */
  @property({ type: Boolean, reflect: true, attribute: 'show-table' }) showTable = false;
  /** Code of the selected region (set by clicks and `select()`). */
  @property({ reflect: true }) selected?: string;
  /** Values supplied by the page; no data request is made while set. */
  @property({ attribute: false }) data?: ChoroplethDataInput;
  /** Formats values in the tooltip, legend and table (default: the metric's units and locale). */
  @property({ attribute: false }) formatValue?: ValueFormatter;
  /** Class colours, light to dark; their number sets the number of classes. */
  @property({ attribute: false }) colors?: string[];
  /** Create the map only when the element comes near the viewport, and give its WebGL context back while
   * it is far off-screen (restored as it was on return). `lazy="false"` creates it at once and keeps it. */
  @property({ converter: booleanDefaultTrue }) lazy = true;
  /** Shows a download menu in the footer: the map as an image (`toPNG`) and the values as CSV (`toCSV`). */
  @property({ type: Boolean, reflect: true }) download = false;
  /** Extra MapLibre map options (e.g. `{ preserveDrawingBuffer: true }` to export images); read once. */
  @property({ attribute: false }) mapOptions?: Partial<MapOptions>;
}
