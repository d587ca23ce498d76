// <chronos-legend>: a map's legend outside it (`for`, `hide-map-legend`), vertical and horizontal, with the
// period, beside a time slider (it follows every repaint), and in French.
import '@chronos/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { choropleth, element, frame, type LegendArgs } from './story-helpers.ts';
import { uniqueId } from './story-ids.ts';

/** The legend next to (or above) its map; the map's own legend is hidden when `hideMapLegend` is set. */
function withMap(args: LegendArgs, options: { lang?: string; slider?: boolean; metric?: string } = {}): HTMLElement {
  const id = uniqueId('legend-map');
  const legend = element('chronos-legend', { ...args, for: id });
  const map = choropleth({ id, metric: options.metric ?? 'unemployment' });
  const slider = options.slider ? [element('chronos-time-slider', { for: id })] : [];
  if (args.orientation === 'horizontal') return frame([...slider, legend, map], { lang: options.lang });
  const row = document.createElement('div');
  row.style.cssText = 'display:grid;grid-template-columns:12rem minmax(0,1fr);gap:1rem;align-items:start';
  row.append(legend, map);
  return frame([...slider, row], { lang: options.lang });
}

const meta: Meta<LegendArgs> = {
  title: 'Elements/Legend',
  component: 'chronos-legend',
  tags: ['autodocs'],
  render: (args) => withMap(args),
  args: { hideMapLegend: true },
};
export default meta;

type Story = StoryObj<LegendArgs>;

/** Beside the map, whose own legend is hidden (`hide-map-legend`); point at an entry to outline its regions. */
export const OutsideTheMap: Story = { name: 'Outside the map' };

export const Horizontal: Story = { args: { orientation: 'horizontal', showPeriod: true } };

/** With a time slider: the legend follows every repaint (period, classes). */
export const WithTimeSlider: Story = {
  name: 'With a time slider',
  render: (args) => withMap(args, { slider: true }),
  args: { showPeriod: true, orientation: 'horizontal' },
};

/** Both legends: the map keeps its own when `hide-map-legend` is not set. */
export const MapLegendKept: Story = { name: 'Map legend kept', args: { hideMapLegend: false } };

export const French: Story = { render: (args) => withMap(args, { lang: 'fr' }), args: { showPeriod: true } };
