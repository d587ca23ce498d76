'use client';
// <ChronosLegend> for React: the <chronos-legend> element through @lit/react; `for` names the map's id.
import '@chronos/widgets/chronos-legend.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { ChronosLegend as ChronosLegendElement } from '@chronos/widgets/classes';
import { withServerAttributes } from './server-render.ts';

export const ChronosLegend = withServerAttributes(
  createComponent({
    tagName: 'chronos-legend',
    elementClass: ChronosLegendElement,
    react: React,
    displayName: 'ChronosLegend',
  }),
  'chronos-legend',
  ChronosLegendElement,
  {},
);

/** Props of {@link ChronosLegend}. */
export type ChronosLegendProps = React.ComponentProps<typeof ChronosLegend>;
