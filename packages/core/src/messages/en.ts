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
  export: {},
};

export type Messages = typeof en;
