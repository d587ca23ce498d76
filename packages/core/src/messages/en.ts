// English chrome strings: the reference catalogue. Every other language file must have the same keys
// (the `Messages` type is this object's shape), so a missing translation is a type error, not a blank.
// Keys are grouped by the part of the UI that shows them; functions take what the sentence needs.
export const en = {
  /** BCP 47 tag used for Intl formatting when the page gives only a language. */
  locale: 'en-US',

  // ── The map's chrome (source line, footer, accessible name) ─────────────────────────────────
  map: {
    noData: 'No data',
    /** Before the footer's list of sources. */
    source: 'Source:',
    /** Footer: the period shown. */
    data: (period: string) => `Data: ${period}`,
    /** After the sources when the values are the synthetic sample. */
    sampleData: '(sample data)',
    /** The map's accessible name when the page gave the element none (aria-label or title). */
    name: (title: string, period: string) => `Map: ${title}${period ? `, ${period}` : ''}`,
    /** What a screen reader calls the map area (aria-roledescription). */
    roleDescription: 'map',
    /** How to move on the map, in its accessible description. */
    keys: 'Arrow keys move between regions, Home and End go to the first and last, Enter selects, Escape clears, + and − zoom.',
    loading: 'Loading map…',
    empty: (title: string, period: string) => `No data for ${title}${period ? ` in ${period}` : ''}.`,
    contextLost:
      'The map cannot be drawn right now (the browser took its graphics context). The values are in the table below; the map comes back by itself.',
    /** Status values of a region's figure (tooltip, table). */
    status: { final: 'final', preliminary: 'preliminary', revised: 'revised', sample: 'sample' },
    /** A legend class as a range of values. */
    range: (from: string, to: string) => `${from} – ${to}`,
    /** How many regions a legend class holds (read after its range). */
    regionCount: (count: number) => (count === 1 ? '1 region' : `${count} regions`),
    /** Headings of a legend classified per country (levels in two currencies or on two index bases). */
    countries: { US: 'United States', CA: 'Canada' },
    currencies: { US: 'USD', CA: 'CAD' },
    /** MapLibre's own words (its `locale` option), read when a map is created. */
    maplibre: {
      'AttributionControl.ToggleAttribution': 'Toggle attribution',
      'AttributionControl.MapFeedback': 'Map feedback',
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
      'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
    },
  },

  // ── The data table ──────────────────────────────────────────────────────────────────────────
  table: {
    show: 'Data table',
    hide: 'Hide data table',
    region: 'Region',
    value: 'Value',
    class: 'Class',
    status: 'Status',
    /** A region's class among the legend's classes. */
    classOf: (index: number, count: number) => `${index} of ${count}`,
  },

  // ── Errors shown on the map ─────────────────────────────────────────────────────────────────
  errors: {
    retry: 'Retry',
    failed: 'The map could not be loaded.',
    network: (api: string, reason: string) => `Could not load the map data from ${api}: ${reason}`,
    thisPage: 'this page',
    originNotAllowed: (origin: string) => `This key is not allowed on ${origin}.`,
    unknownKey: 'Unknown key: check the api-key attribute against the keys of your Chronos account.',
    malformedKey: 'The api-key attribute is not a publishable key (pk_…).',
    keyRevoked: 'This key was revoked.',
    keyRequired: (origin: string) => `A publishable key (api-key) is needed to show this map on ${origin}.`,
    rateLimitedIn: (seconds: number) => `Rate limited: retrying in ${seconds} s.`,
    rateLimited: 'Rate limited: retrying…',
    noWebGL: (reason: string) => `This browser cannot draw the map: ${reason}`,
    cannotDraw: (reason: string) => `The map cannot be drawn: ${reason}`,
    contextLost: 'The browser took away the map’s graphics context (WebGL); it is redrawn when the browser allows.',
    basemap: (url: string, reason: string) =>
      `The basemap could not be loaded from ${url} (${reason}); the regions are drawn without it.`,
  },

  // ── Attributes the page got wrong (notices on the map; `chronos-error` of kind "attribute") ──
  // Each names the attribute, the value it got and the valid choices; `using` follows with the fallback
  // on the map's notices.
  attributes: {
    oneOf: (name: string, choices: string, got: string) => `${name} must be one of ${choices}; got "${got}"`,
    classes: (min: number, max: number, got: string) =>
      `classes must be an integer from ${min} to ${max}; got "${got}"`,
    scheme: (got: string, choices: string) => `unknown scheme "${got}"; valid: ${choices}`,
    time: (got: string) =>
      `time must be "latest" or a period: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY; got "${got}"`,
    thresholds: (got: string) => `thresholds must be comma-separated numbers, e.g. "2, 4, 6"; got "${got}"`,
    thresholdsCount: (classes: number, got: number) =>
      `thresholds makes at most ${classes} classes, so at most ${classes - 1} numbers; got ${got}`,
    midpoint: (got: string) => `midpoint must be a number, e.g. "0"; got "${got}"`,
    geo: (choices: string, unknown: string) => `geo must be a comma-separated list of ${choices}; unknown: ${unknown}`,
    /** After the problem: what the element uses instead. */
    using: (fallback: string) => `Using ${fallback}.`,
    noThresholds: 'no thresholds',
    noMidpoint: 'no midpoint',
    customNeedsThresholds: 'classification "custom" needs thresholds, e.g. thresholds="3, 5, 7". Using quantile.',
    colors: (scheme: string) => `colors must be an array of two or more CSS colours. Using the "${scheme}" scheme.`,
    /** The time slider's playback speed (the fastest step in ms, the slowest in s). */
    speed: (fastest: number, slowest: number, got: string) =>
      `speed must be steps per second (e.g. "2") or milliseconds per step (e.g. "800ms"), from ${fastest} ms to ${slowest} s a step; got "${got}"`,
  },

  // ── Why the map cannot draw (its regions, MapLibre's worker, the page's policy) ────────────────
  mapFailures: {
    regions: (reason: string) => `The map's regions could not be loaded: ${reason}`,
    unknownReason: 'unknown error',
    /** The basemap's reason when MapLibre gave none. */
    basemapTiles: 'its tiles could not be loaded',
    didNotDraw: (seconds: number) => `The map did not draw within ${seconds} s.`,
    worker:
      "The map cannot draw. MapLibre's worker failed to load: the worker file is missing, or the page's Content-Security-Policy " +
      'does not allow it (worker-src needs blob: and the origin chronos.js comes from; see the @chronos/widgets README).',
    workerBlocked: (directive: string, blocked: string) =>
      `This page's Content-Security-Policy blocked the map's worker (${directive} refused ${blocked || 'it'}): ` +
      'add the worker-src and script-src sources listed in the @chronos/widgets README.',
  },

  // ── What screen readers hear (live announcements, the map's description) ───────────────────
  a11y: {
    /** The focused region: "Nevada: 5.6 %, class 5 of 5, preliminary". */
    focused: (name: string, value: string, klass: string, status: string) =>
      [`${name}: ${value}`, klass && `class ${klass}`, status].filter(Boolean).join(', '),
    /** After a time or metric change, and in the map's description. */
    summary: (period: string, highest: string, lowest: string, missing: number) =>
      [
        `${period ? `${period}: ` : ''}highest ${highest}, lowest ${lowest}`,
        missing > 0 ? (missing === 1 ? '1 region without data' : `${missing} regions without data`) : '',
      ]
        .filter(Boolean)
        .join(', '),
    noValues: (period: string) => `${period ? `${period}: ` : ''}no region has a value`,
    /** A legend class focused or hovered: its range and regions. */
    legendClass: (range: string, count: string, names: string) => `${range}, ${count}${names ? `: ${names}` : ''}`,
  },

  // ── Time slider ─────────────────────────────────────────────────────────────────────────────
  slider: {
    /** Accessible name of the slider and the group around it. */
    label: 'Period',
    play: 'Play',
    pause: 'Pause',
    previous: 'Previous period',
    next: 'Next period',
    loading: 'Loading periods…',
    /** When the metric has no period with data. */
    noPeriods: 'No periods with data',
    /** When the periods could not be loaded. */
    failed: (reason: string) => `The periods could not be loaded: ${reason}`,
  },

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
