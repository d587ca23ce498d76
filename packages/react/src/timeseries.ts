'use client';
// <ChronosTimeseries> for React: the <chronos-timeseries> element through @lit/react (every element property
// a prop, `onError` typed, a ref to the element), rendered on the server as its tag with attributes.
import '@chronos/widgets/chronos-timeseries.js';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ChronosTimeseries as ChronosTimeseriesElement, type ChronosErrorEvent } from '@chronos/widgets/classes';
import { withServerAttributes } from './server-render.ts';

/** The element's events as callback props (exported for the test that holds them to the element's manifest). */
export const timeseriesEvents = {
  onError: 'chronos-error' as EventName<ChronosErrorEvent>,
};

export const ChronosTimeseries = withServerAttributes(
  createComponent({
    tagName: 'chronos-timeseries',
    elementClass: ChronosTimeseriesElement,
    react: React,
    events: timeseriesEvents,
    displayName: 'ChronosTimeseries',
  }),
  'chronos-timeseries',
  ChronosTimeseriesElement,
  timeseriesEvents,
);

/** Props of {@link ChronosTimeseries}. */
export type ChronosTimeseriesProps = React.ComponentProps<typeof ChronosTimeseries>;
