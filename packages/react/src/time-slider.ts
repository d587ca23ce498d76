'use client';
// <ChronosTimeSlider> for React: the <chronos-time-slider> element through @lit/react. `onInput` and
// `onChange` are the element's native `input`/`change` events (read `event.currentTarget.value`, the
// period); `for` names the map's id as on the tag.
import '@chronos/widgets/chronos-time-slider.js';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { type ChronosErrorEvent, ChronosTimeSlider as ChronosTimeSliderElement } from '@chronos/widgets/classes';
import { withServerAttributes } from './server-render.ts';

/** The element's events as callback props (exported for the test that holds them to the element's manifest). */
export const timeSliderEvents = {
  onInput: 'input' as EventName<Event>,
  onChange: 'change' as EventName<Event>,
  onError: 'chronos-error' as EventName<ChronosErrorEvent>,
};

export const ChronosTimeSlider = withServerAttributes(
  createComponent({
    tagName: 'chronos-time-slider',
    elementClass: ChronosTimeSliderElement,
    react: React,
    events: timeSliderEvents,
    displayName: 'ChronosTimeSlider',
  }),
  'chronos-time-slider',
  ChronosTimeSliderElement,
  timeSliderEvents,
);

/** Props of {@link ChronosTimeSlider}. */
export type ChronosTimeSliderProps = React.ComponentProps<typeof ChronosTimeSlider>;
