// <chronos-timeseries>: one region, several regions, a period range, the region selected on a map (`for`),
// preliminary points, the table, dark, French and an unknown metric. Served by the recorded API
// (src/mock-api.ts: `GET /api/metrics/{metric}` cut to the regions and periods asked for).
import '@chronos/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { choropleth, element, frame, type TimeseriesArgs } from './story-helpers.ts';
import { uniqueId } from './story-ids.ts';

const meta: Meta<TimeseriesArgs> = {
  title: 'Elements/Time series',
  component: 'chronos-timeseries',
  tags: ['autodocs'],
  render: (args) => frame([element('chronos-timeseries', args)]),
  args: { metric: 'unemployment', region: 'US-CA' },
};
export default meta;

type Story = StoryObj<TimeseriesArgs>;

export const OneRegion: Story = { name: 'One region' };

/** One line per region, coloured `--chronos-series-color-1` … `-8`, with a legend. */
export const SeveralRegions: Story = {
  name: 'Several regions',
  args: { region: 'US-CA,US-TX,CA-ON,CA-QC' },
};

/** `from` and `to` in the metric's form. */
export const PeriodRange: Story = {
  name: 'A period range',
  args: { region: 'US-NY,CA-BC', from: '2023-01', to: '2024-12' },
};

/** The last month is preliminary in the recorded answer: drawn hollow, and marked in the table. */
export const PreliminaryPoints: Story = {
  name: 'Preliminary points',
  args: { metric: 'median-income', region: 'CA-ON,CA-AB', from: '2024-01', showTable: true },
};

export const Dark: Story = {
  args: { theme: 'dark', region: 'US-CA,CA-ON' },
  parameters: { backgrounds: { value: 'dark' } },
};

/**
 * `for` names a map: the chart shows the region selected there (click one, or use the keyboard on the map) and
 * the map's metric, and marks the map's period. Until then, the `region` attribute's regions.
 */
export const FollowingAMap: Story = {
  name: 'Following a map’s selection',
  render: (args) => {
    const id = uniqueId('timeseries-map');
    return frame([
      choropleth({ id, metric: 'unemployment', selected: 'CA-QC' }),
      element('chronos-timeseries', { ...args, for: id }),
    ]);
  },
  args: { region: 'US-CA' },
};

/** `lang="fr"` on an ancestor: month names, decimal commas, region names from the API's `name_fr`, French chrome. */
export const French: Story = {
  render: (args) => frame([element('chronos-timeseries', args)], { lang: 'fr' }),
  args: { region: 'CA-QC,CA-NL,US-CA', showTable: true },
};

/** The server's 404 for an unknown metric, shown in the element. */
export const ErrorUnknownMetric: Story = { name: 'Error: unknown metric', args: { metric: 'no-such-metric' } };
