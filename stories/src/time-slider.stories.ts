// <chronos-time-slider>: driving a map (`for`), standalone over the catalogue's periods, playing in a loop,
// French and dark. Served by the recorded API: every period of the metrics is recorded (fixtures/data-*.json),
// so the map behind a slider draws each month it steps to.
import '@chronos/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { choropleth, element, frame, type TimeSliderArgs } from './story-helpers.ts';
import { uniqueId } from './story-ids.ts';

/** A slider above the map it drives, the map's `time` starting where the slider's `value` says. */
function linked(args: TimeSliderArgs, map: Parameters<typeof choropleth>[0] = {}, lang?: string): HTMLElement {
  const id = uniqueId('slider-map');
  return frame(
    [element('chronos-time-slider', { ...args, for: id }), choropleth({ metric: 'unemployment', ...map, id })],
    {
      lang,
    },
  );
}

const meta: Meta<TimeSliderArgs> = {
  title: 'Elements/Time slider',
  component: 'chronos-time-slider',
  tags: ['autodocs'],
  render: (args) => linked(args),
  args: {},
};
export default meta;

type Story = StoryObj<TimeSliderArgs>;

/** Linked to a map: the slider takes the map's periods and sets its `time`; classes stay stable over time. */
export const LinkedToAMap: Story = { name: 'Linked to a map' };

/** Starting at a given period (`value`), with `breaks="period"`: classes recomputed for each month. */
export const PerPeriodBreaks: Story = {
  name: 'Per-period breaks',
  args: { value: '2024-06', breaks: 'period' },
};

/** Playing twice a second, from the first period again after the last (press Space on the slider to pause). */
export const Looping: Story = {
  name: 'Looping at 2 steps a second',
  render: (args) => linked(args, { metric: 'median-income', scheme: 'greens', geo: 'ca-provinces' }),
  args: { speed: 2, loop: true, playing: true },
};

/** No map: the catalogue (`/api/metrics`) gives the metric's first and latest period; a page reads `value`. */
export const Standalone: Story = {
  render: (args) => frame([element('chronos-time-slider', args)]),
  args: { metric: 'median-income' },
};

/** `lang="fr"`: buttons, the range's `aria-valuetext` ("septembre 2025") and the map in French. */
export const French: Story = { render: (args) => linked(args, {}, 'fr') };

export const Dark: Story = {
  render: (args) => linked(args, { theme: 'dark', scheme: 'viridis' }),
  args: { theme: 'dark' },
  parameters: { backgrounds: { value: 'dark' } },
};
