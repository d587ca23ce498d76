// What the element stories share: rendering an element from its args (properties, as the args tables from
// custom-elements.json name them) and a frame the size a page would give it.
import type { ChronosChoropleth, ChronosLegend, ChronosTimeSlider, ChronosTimeseries } from '@chronos/widgets/classes';

export type ChoroplethArgs = Partial<
  Pick<
    ChronosChoropleth,
    | 'api'
    | 'apiKey'
    | 'metric'
    | 'geo'
    | 'time'
    | 'classification'
    | 'classes'
    | 'thresholds'
    | 'scheme'
    | 'reverse'
    | 'midpoint'
    | 'stableBreaks'
    | 'basemap'
    | 'boundaries'
    | 'theme'
    | 'legend'
    | 'interactive'
    | 'cooperativeGestures'
    | 'showTable'
    | 'selected'
    | 'data'
    | 'colors'
    | 'lazy'
    | 'download'
  >
> & { id?: string };

/** An element of the given tag with every arg that is set assigned as a property. */
export function element(tag: string, args: object): HTMLElement {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(args)) {
    if (value !== undefined) (created as unknown as Record<string, unknown>)[name] = value;
  }
  return created;
}

export type TimeSliderArgs = Partial<
  Pick<
    ChronosTimeSlider,
    'for' | 'metric' | 'api' | 'value' | 'speed' | 'prefetch' | 'breaks' | 'loop' | 'playing' | 'theme'
  >
>;
export type TimeseriesArgs = Partial<
  Pick<ChronosTimeseries, 'metric' | 'region' | 'for' | 'from' | 'to' | 'api' | 'theme' | 'showTable'>
>;
export type LegendArgs = Partial<Pick<ChronosLegend, 'for' | 'orientation' | 'hideMapLegend' | 'showPeriod' | 'theme'>>;

/** A <chronos-choropleth> with every arg that is set assigned as a property. */
export function choropleth(args: ChoroplethArgs): HTMLElement {
  return element('chronos-choropleth', args);
}

/** A block of the given width holding the elements (maps take the width of their container). */
export function frame(children: HTMLElement[], options: { lang?: string; columns?: number } = {}): HTMLElement {
  const box = document.createElement('div');
  if (options.lang) box.lang = options.lang;
  box.style.cssText = `display:grid;gap:1rem;max-width:${options.columns ? 1200 : 900}px;grid-template-columns:repeat(${options.columns ?? 1},minmax(0,1fr))`;
  box.append(...children);
  return box;
}
