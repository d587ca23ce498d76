'use client';
// The interactive half of the geospatial page: the map, whose metric, period and selected region are the
// URL's. A region click or a period change pushes a new URL with Next's router (no reload; the Server
// Component half re-renders the history and tables for it), and back/forward bring the previous URL's props
// back here. The map is told at once, before the server answers, so it reacts without waiting. The time
// slider above it drives the map's `time` (`for`), so a move reaches the URL through the map's own
// chronos-time-change, like any other period set on the map; each box keeps its size reserved in CSS. The
// elements themselves load after the page's first paint (lazy-widgets.tsx).
import type { ChronosChoroplethProps } from '@chronos/react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { viewQuery } from '../../../lib/metrics.ts';
import { ChronosChoropleth, ChronosTimeSlider } from './lazy-widgets.tsx';

export interface MapView {
  metric: string;
  time: string;
  region: string | undefined;
}

export function GeospatialMap({
  view,
  api,
  apiKey,
  basemap,
}: {
  view: MapView;
  api: string;
  apiKey: string | undefined;
  basemap: string;
}) {
  const router = useRouter();
  const [shown, setShown] = useState(view);
  // A navigation (a metric link, back/forward) brings a new view from the server: show it.
  useEffect(() => setShown(view), [view]);

  const go = (next: MapView) => {
    setShown(next);
    router.push(`/analytics/geospatial${viewQuery(next)}`, { scroll: false });
  };
  const onRegionClick: ChronosChoroplethProps['onRegionClick'] = (event) => go({ ...shown, region: event.detail.code });
  // The map announces every period it shows, including the ones this component set; only a period set on
  // the element by someone else (a time slider bound to it) is a new view for the URL.
  const onTimeChange: ChronosChoroplethProps['onTimeChange'] = (event) => {
    const time = (event.target as HTMLElementTagNameMap['chronos-choropleth']).time;
    if (time !== shown.time) go({ ...shown, time });
  };

  return (
    <div className="map-column">
      <div className="slider-frame">
        {/* `breaks="period"`: the page classifies each period on its own, as the values table does. */}
        <ChronosTimeSlider for="geospatial-map" breaks="period" />
      </div>
      <div className="map-frame">
        <ChronosChoropleth
          id="geospatial-map"
          api={api}
          apiKey={apiKey}
          basemap={basemap}
          metric={shown.metric}
          time={shown.time}
          selected={shown.region}
          onRegionClick={onRegionClick}
          onTimeChange={onTimeChange}
          download
        />
      </div>
    </div>
  );
}
