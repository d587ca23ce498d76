'use client';
// <ChronosChoropleth> for React: the <chronos-choropleth> element through @lit/react, so every element
// property is a prop (objects and functions included), each `chronos-*` event is a typed `on…` callback and
// a ref reaches the element. On the server it renders the tag with its attributes (server-render.ts); the
// element upgrades in the browser.
import '@chronos/widgets/chronos-choropleth.js';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  ChronosChoropleth as ChronosChoroplethElement,
  type ChronosErrorEvent,
  type ChronosLegendChangeEvent,
  type ChronosLoadEvent,
  type ChronosRegionClickEvent,
  type ChronosRegionHoverEvent,
  type ChronosTimeChangeEvent,
} from '@chronos/widgets/classes';
import { withServerAttributes } from './server-render.ts';

/** The element's events as callback props (exported for the test that holds them to the element's manifest). */
export const choroplethEvents = {
  onLoad: 'chronos-load' as EventName<ChronosLoadEvent>,
  onError: 'chronos-error' as EventName<ChronosErrorEvent>,
  onRegionClick: 'chronos-region-click' as EventName<ChronosRegionClickEvent>,
  onRegionHover: 'chronos-region-hover' as EventName<ChronosRegionHoverEvent>,
  onTimeChange: 'chronos-time-change' as EventName<ChronosTimeChangeEvent>,
  onLegendChange: 'chronos-legend-change' as EventName<ChronosLegendChangeEvent>,
};

export const ChronosChoropleth = withServerAttributes(
  createComponent({
    tagName: 'chronos-choropleth',
    elementClass: ChronosChoroplethElement,
    react: React,
    events: choroplethEvents,
    displayName: 'ChronosChoropleth',
  }),
  'chronos-choropleth',
  ChronosChoroplethElement,
  choroplethEvents,
);

/** Props of {@link ChronosChoropleth}. */
export type ChronosChoroplethProps = React.ComponentProps<typeof ChronosChoropleth>;
