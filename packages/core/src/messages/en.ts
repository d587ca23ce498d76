// English chrome strings: the reference catalogue. Every other language file must have the same keys
// (the `Messages` type is this object's shape), so a missing translation is a type error, not a blank.
// Keys are grouped by the part of the UI that shows them; functions take what the sentence needs.
export const en = {
  /** BCP 47 tag used for Intl formatting when the page gives only a language. */
  locale: 'en-US',

  // ── The map's chrome (source line, footer, accessible name) ─────────────────────────────────
  map: {
    noData: 'No data',
    source: 'Source',
    /** Headings of a legend classified per country (levels in two currencies or on two index bases). */
    countries: { US: 'United States', CA: 'Canada' },
    currencies: { US: 'USD', CA: 'CAD' },
  },

  // ── The data table ──────────────────────────────────────────────────────────────────────────
  table: {},

  // ── Errors shown on the map ─────────────────────────────────────────────────────────────────
  errors: {},

  // ── Time slider ─────────────────────────────────────────────────────────────────────────────
  slider: {},

  // ── Time series chart ───────────────────────────────────────────────────────────────────────
  timeseries: {
    /** The chart's accessible name. */
    chart: (title: string, regions: string, from: string, to: string) =>
      `Line chart: ${title}, ${regions}, ${from} to ${to}. Arrow keys move through the periods.`,
    loading: 'Loading time series…',
    noRegion: 'Select a region on the map to see its history.',
    /** No region attribute and no map to follow: said to the site owner. */
    needRegion: 'No region to draw: set region (e.g. region="US-CA,CA-ON") or for="map-id" to follow a map.',
    noData: (title: string) => `No data for ${title}.`,
    failed: 'The time series could not be loaded.',
    retry: 'Retry',
    period: 'Period',
    showTable: 'Data table',
    hideTable: 'Hide data table',
    preliminary: 'preliminary',
    revised: 'revised',
    /** Caption of the table of points. */
    caption: (title: string, regions: string) => `${title}: ${regions}`,
  },

  // ── Export (PNG, CSV, download menu) ────────────────────────────────────────────────────────
  export: {},
};

export type Messages = typeof en;
