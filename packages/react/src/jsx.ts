// JSX types for the raw tags (`<chronos-choropleth metric="…">` without the wrapper component), for React 19's
// `react` JSX namespace: attributes by their HTML names, properties by their camelCase names (React 19 sets
// a custom element's known properties as properties), standard HTML attributes, a ref to the element.
import type * as React from 'react';
import type { ChronosChoropleth, ChronosLegend, ChronosTimeSlider, ChronosTimeseries } from '@chronos/widgets/classes';

/** Props of a Chronos tag in JSX: the element's own properties, HTML attributes, `kebab-case` attributes. */
export type ChronosTagProps<E extends HTMLElement> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> &
  Partial<Omit<E, keyof HTMLElement>> & {
    class?: string;
    [attribute: `${string}-${string}`]: string | number | boolean | undefined;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'chronos-choropleth': ChronosTagProps<ChronosChoropleth>;
      'chronos-timeseries': ChronosTagProps<ChronosTimeseries>;
      'chronos-legend': ChronosTagProps<ChronosLegend>;
      'chronos-time-slider': ChronosTagProps<ChronosTimeSlider>;
    }
  }
}
