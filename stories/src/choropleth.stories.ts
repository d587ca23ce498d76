// <chronos-choropleth> in every state a reader can meet: data, theme, loading, the error and refusal
// states (with the server's own recorded answers), empty data, each classification, values the page
// supplies, the download menu, the keyboard, French, and many maps on one page. Served by the recorded API (src/mock-api.ts).
import '@chronos/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { scenarios } from './mock-api.ts';
import { type ChoroplethArgs, choropleth, frame } from './story-helpers.ts';

const meta: Meta<ChoroplethArgs> = {
  title: 'Elements/Choropleth',
  component: 'chronos-choropleth',
  tags: ['autodocs'],
  render: (args) => frame([choropleth(args)]),
  args: { metric: 'unemployment' },
};
export default meta;

type Story = StoryObj<ChoroplethArgs>;

/**
 * A recorded state chosen by the API base URL, with the basemap every other story draws (the real archive at
 * /tiles). Left to its default, the basemap would be `<api>/tiles/basemap.pmtiles`, a path only the mock
 * worker answers: a request the worker lets through (a page closing mid-request) reached the static server, a 404.
 */
const scenario = (api: string): ChoroplethArgs => ({ api, basemap: '/tiles/basemap.pmtiles' });

export const Default: Story = {};

export const Dark: Story = {
  args: { theme: 'dark', scheme: 'ylorrd' },
  parameters: { backgrounds: { value: 'dark' } },
};

/** The values never arrive: the skeleton stays (here for ever; on a real page, until the answer). */
export const Loading: Story = { args: scenario(scenarios.loading) };

/** An unknown metric: the server's 404 names the valid ones; the map shows it with a Retry button. */
export const ErrorUnknownMetric: Story = { name: 'Error: unknown metric', args: { metric: 'no-such-metric' } };

/** Nothing answers: a network error, retried with backoff, then shown. */
export const ErrorOffline: Story = { name: 'Error: API unreachable', args: scenario(scenarios.offline) };

/** A page on another site with no key (the server's 403 `key_required`, recorded). */
export const RefusedKeyRequired: Story = { name: 'Refused: key required', args: scenario(scenarios.keyRequired) };

/** A key that does not exist (403 `unknown_key`). */
export const RefusedUnknownKey: Story = { name: 'Refused: unknown key', args: scenario(scenarios.unknownKey) };

/** A key that is not a key (403 `malformed_key`). */
export const RefusedMalformedKey: Story = { name: 'Refused: malformed key', args: scenario(scenarios.malformedKey) };

/** A valid key on a site it is not bound to (403 `origin_not_allowed`). */
export const RefusedOrigin: Story = {
  name: 'Refused: key bound to another site',
  args: scenario(scenarios.originNotAllowed),
};

/** 429 with Retry-After: the map counts down and retries by itself. */
export const RateLimited: Story = { name: 'Rate limited', args: scenario(scenarios.rateLimited) };

/** A period the metric has no values for: the server's 404 says which periods exist. */
export const NoDataForPeriod: Story = { name: 'No data for the period', args: { time: '1990-01' } };

/** Values supplied by the page, none of them for these regions: the "No data" message over the map. */
export const Empty: Story = {
  name: 'No data (empty values)',
  args: { data: {}, boundaries: '/tiles/boundaries.pmtiles' },
};

export const Quantile: Story = { name: 'Classification: quantile', args: { classification: 'quantile' } };
export const EqualInterval: Story = {
  name: 'Classification: equal interval',
  args: { classification: 'equal-interval' },
};
/** Jenks natural breaks (ckmeans). */
export const NaturalBreaks: Story = {
  name: 'Classification: natural breaks (Jenks)',
  args: { classification: 'natural-breaks', scheme: 'viridis', classes: 7 },
};
export const Nice: Story = { name: 'Classification: nice numbers', args: { classification: 'nice' } };
export const CustomThresholds: Story = {
  name: 'Classification: custom thresholds',
  args: { thresholds: '3,4,5,6', scheme: 'oranges' },
};
/** Diverging around a value, with a diverging scheme. */
export const Midpoint: Story = { args: { midpoint: 5, classes: 6, reverse: true, legend: 'top-right' } };
/** Breaks over every period, so a colour means the same in every month. */
export const StableBreaks: Story = { args: { stableBreaks: true, classification: 'natural-breaks', time: '2023-01' } };

/** A region selected from the page (`selected`, or `select(code)`): outlined as a click would. */
export const SelectedRegion: Story = { args: { selected: 'CA-QC' } };

export const UnitedStatesOnly: Story = { args: { geo: 'us-states', scheme: 'blues', showTable: true } };
export const CanadaOnly: Story = { args: { geo: 'ca-provinces', metric: 'median-income', scheme: 'greens' } };

/** Values from the page and boundaries from the static tile archive: no API request at all. */
export const DataWithoutApi: Story = {
  name: 'Data without an API',
  args: {
    metric: undefined,
    boundaries: '/tiles/boundaries.pmtiles',
    scheme: 'greens',
    classes: 4,
    data: {
      'US-WA': 12.5,
      'US-OR': 9.1,
      'US-CA': 31.4,
      'US-NV': 4.2,
      'US-ID': 2.2,
      'US-AK': 1.1,
      'CA-BC': 15.8,
      'CA-AB': 7.7,
      'CA-YT': 0.4,
    },
  },
};

/** `download`: the footer's Download button opens "map image" (`toPNG()`) and "values" (`toCSV()`, UTF-8 with BOM). */
export const Download: Story = { args: { download: true, metric: 'median-income', scheme: 'greens' } };

/**
 * The keyboard: Tab to the map, then the arrow keys move between neighbouring regions (across the border),
 * Home/End go to the first and last by name, Enter selects, Escape clears, + and − zoom. The data table's
 * region names are buttons too.
 */
export const Keyboard: Story = { args: { showTable: true, selected: 'US-WA' } };

/** `lang="fr"` on an ancestor: legend, table, footer, download menu, region names and numbers in French. */
export const French: Story = {
  name: 'French',
  render: (args) => frame([choropleth(args)], { lang: 'fr' }),
  args: { showTable: true, download: true },
};

/** Eight maps on one page: geometry is fetched once and shared; maps off-screen give their WebGL context back. */
export const ManyMaps: Story = {
  render: () =>
    frame(
      [
        ['unemployment', 'blues', 'light'],
        ['median-income', 'greens', 'light'],
        ['unemployment', 'viridis', 'dark'],
        ['median-income', 'purples', 'dark'],
        ['unemployment', 'ylorrd', 'light'],
        ['median-income', 'rdbu', 'light'],
        ['unemployment', 'oranges', 'dark'],
        ['median-income', 'bugn', 'dark'],
      ].map(([metric, scheme, theme], index) =>
        choropleth({ id: `map-${index + 1}`, metric, scheme, theme, legend: 'none', interactive: index % 2 === 0 }),
      ),
      { columns: 2 },
    ),
};
