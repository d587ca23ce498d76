'use client';
// <ChronosTimeseries> for React: the <chronos-timeseries> element through @lit/react (every element property
// a prop, `onError` typed, a ref to the element), rendered on the server as its tag with attributes.
import '@chronos/widgets/chronos-timeseries.js';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ChronosTimeseries as ChronosTimeseriesElement, type ChronosErrorEvent } from '@chronos/widgets/classes';
import { withServerAttributes } from './server-render.ts';

const events = {
  onError: 'chronos-error' as EventName<ChronosErrorEvent>,
};

export const ChronosTimeseries = withServerAttributes(
  createComponent({
    tagName: 'chronos-timeseries',
    elementClass: ChronosTimeseriesElement,
    react: React,
    events,
    displayName: 'ChronosTimeseries',
  }),
  'chronos-timeseries',
  ChronosTimeseriesElement,
  events,
);

/** Props of {@link ChronosTimeseries}. */
export type ChronosTimeseriesProps = React.ComponentProps<typeof ChronosTimeseries>;
