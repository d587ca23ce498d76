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
  timeseries: {},

  // ── Export (PNG, CSV, download menu) ────────────────────────────────────────────────────────
  export: {
    /** The footer button that opens the download menu (`download` attribute). */
    download: 'Download',
    /** The menu's accessible name: what is downloaded. */
    menuLabel: (title: string) => `Download ${title}`,
    png: 'Map image (PNG)',
    csv: 'Values (CSV)',
    /** The exported image's credit line and period line. */
    source: (names: string) => `Source: ${names}`,
    sample: 'sample data',
    vintage: (period: string) => `Data: ${period}`,
  },
};

export type Messages = typeof en;
