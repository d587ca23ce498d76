'use client';
// The README's React example: the typed component, a typed event callback, a ref to the element.
import { ChronosChoropleth } from '@chronos/react';
import { useRef, useState } from 'react';

export function ChoroplethWithEvents({ api, apiKey }: { api?: string; apiKey?: string }) {
  const ref = useRef<HTMLElementTagNameMap['chronos-choropleth']>(null);
  const [regions, setRegions] = useState<number>();
  return (
    <>
      <ChronosChoropleth
        ref={ref}
        api={api}
        apiKey={apiKey}
        metric="unemployment"
        style={{ display: 'block', width: 800, ['--chronos-height' as string]: '450px' }}
        onLoad={(event) => setRegions(event.detail.regionsWithData)}
        onRegionClick={(event) => ref.current?.select(event.detail.code)}
      />
      <p data-regions-with-data={regions}>{regions === undefined ? 'Loading…' : `${regions} regions`}</p>
    </>
  );
}
