// Applies changed settings (theme colours, interaction, cooperative gestures) to a map that already exists,
// without rebuilding its style: paint properties and handlers only.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapSettings } from './map-controller.ts';
import {
  FILL,
  FOCUS,
  FOCUS_HALO,
  FOCUS_HALO_WIDTH,
  FOCUS_WIDTH,
  fillPaint,
  focusPaint,
  hatch,
  LINE,
  linePaint,
  PATTERN,
} from './map-layers.ts';

export function applySettings(map: MapLibreMap, previous: MapSettings, settings: MapSettings): void {
  if (previous.theme !== settings.theme) {
    map.setPaintProperty('chronos-background', 'background-color', settings.theme.background);
    if (map.getLayer(FILL)) map.setPaintProperty(FILL, 'fill-color', fillPaint(settings.theme)['fill-color']);
    if (map.getLayer(FOCUS)) {
      map.setPaintProperty(FOCUS, 'line-color', focusPaint(settings.theme.focus, FOCUS_WIDTH)['line-color']);
    }
    if (map.getLayer(FOCUS_HALO)) {
      const halo = focusPaint(settings.theme.focusHalo, FOCUS_HALO_WIDTH);
      map.setPaintProperty(FOCUS_HALO, 'line-color', halo['line-color']);
    }
    if (map.getLayer(LINE)) {
      const line = linePaint(settings.theme);
      map.setPaintProperty(LINE, 'line-color', line['line-color']);
      map.setPaintProperty(LINE, 'line-width', line['line-width']);
    }
    map.updateImage(PATTERN, hatch(settings.theme.noDataStripe));
  }
  if (previous.interactive !== settings.interactive) {
    for (const handler of [
      map.dragPan,
      map.scrollZoom,
      map.boxZoom,
      map.dragRotate,
      map.keyboard,
      map.doubleClickZoom,
      map.touchZoomRotate,
    ]) {
      if (settings.interactive) handler.enable();
      else handler.disable();
    }
  }
  if (previous.cooperativeGestures !== settings.cooperativeGestures) {
    if (settings.cooperativeGestures) map.cooperativeGestures.enable();
    else map.cooperativeGestures.disable();
  }
}
