'use client';
// A map block: the live <chronos-choropleth> from @chronos/react, with what the editor chose in Directus
// (metric, geo, period, scheme, theme) and the site's API settings, which the server passes as props.
import { ChronosChoropleth } from '@chronos/react';
import type { MapBlock as MapBlockContent } from '../../lib/directus.ts';

export function MapBlock({
  block,
  api,
  apiKey,
  basemap,
}: {
  block: MapBlockContent;
  api: string;
  apiKey: string | undefined;
  basemap: string;
}) {
  return (
    <figure className="marketing-map">
      <div className="map-frame">
        <ChronosChoropleth
          api={api}
          apiKey={apiKey}
          basemap={basemap}
          metric={block.metric}
          geo={block.geo || undefined}
          time={block.time || undefined}
          scheme={block.scheme || undefined}
          theme={block.theme || undefined}
          cooperativeGestures
        />
      </div>
      {block.caption ? <figcaption>{block.caption}</figcaption> : null}
    </figure>
  );
}
