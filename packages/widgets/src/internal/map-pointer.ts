// Pointer events on the regions' fill layer, by region code: hover (with the pointer cursor over a region)
// and click. The controller outlines the hovered region and passes both on to the element.
import type { Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { FILL } from './map-layers.ts';

export interface RegionPointer {
  /** The region under the pointer (null when it left the regions) and where the pointer is. */
  hover(code: string | null, point: { x: number; y: number } | null): void;
  click(code: string): void;
}

export function watchRegionPointer(map: MapLibreMap, pointer: RegionPointer): void {
  map.on('mousemove', FILL, (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.id;
    const code = typeof id === 'string' ? id : null;
    map.getCanvas().style.cursor = code !== null ? 'pointer' : '';
    pointer.hover(code, event.point);
  });
  map.on('mouseleave', FILL, () => {
    map.getCanvas().style.cursor = '';
    pointer.hover(null, null);
  });
  map.on('click', FILL, (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.id;
    if (typeof id === 'string') pointer.click(id);
  });
}
