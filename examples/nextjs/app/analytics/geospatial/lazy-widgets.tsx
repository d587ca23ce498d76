'use client';
// The Chronos elements of the geospatial page, loaded after the page's own JavaScript instead of with it:
// `@chronos/react` (Lit, the elements, their API client) is a chunk of its own that the browser fetches once
// React has started, so neither its download and compile nor the elements' upgrade competes with the first
// paint of the server-rendered text. Nothing is rendered for them on the server (an element is an empty box
// until its script runs anyway); their frames keep the size reserved in globals.css, so nothing moves when
// they arrive. All three come from the one chunk.
import dynamic from 'next/dynamic';

const widgets = () => import('@chronos/react');

export const ChronosChoropleth = dynamic(() => widgets().then((module) => module.ChronosChoropleth), { ssr: false });
export const ChronosTimeSlider = dynamic(() => widgets().then((module) => module.ChronosTimeSlider), { ssr: false });
export const ChronosTimeseries = dynamic(() => widgets().then((module) => module.ChronosTimeseries), { ssr: false });
