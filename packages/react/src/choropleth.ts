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
  type ChronosLoadEvent,
  type ChronosRegionClickEvent,
  type ChronosRegionHoverEvent,
  type ChronosTimeChangeEvent,
} from '@chronos/widgets/classes';
import { withServerAttributes } from './server-render.ts';

const events = {
  onLoad: 'chronos-load' as EventName<ChronosLoadEvent>,
  onError: 'chronos-error' as EventName<ChronosErrorEvent>,
  onRegionClick: 'chronos-region-click' as EventName<ChronosRegionClickEvent>,
  onRegionHover: 'chronos-region-hover' as EventName<ChronosRegionHoverEvent>,
  onTimeChange: 'chronos-time-change' as EventName<ChronosTimeChangeEvent>,
};

export const ChronosChoropleth = withServerAttributes(
  createComponent({
    tagName: 'chronos-choropleth',
    elementClass: ChronosChoroplethElement,
    react: React,
    events,
    displayName: 'ChronosChoropleth',
  }),
  'chronos-choropleth',
  ChronosChoroplethElement,
  events,
);

/** Props of {@link ChronosChoropleth}. */
export type ChronosChoroplethProps = React.ComponentProps<typeof ChronosChoropleth>;
