// What a MapController keeps across the two ways a map's WebGL context goes away: the browser taking it
// (context loss: the map stays, MapLibre drops its style until the context is back) and the element giving
// it back while far off-screen (release: the map is removed, and created again later where it looked).
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import type { BBox } from '@chronos/core';
import type { MapSettings } from './map-controller.ts';
import type { RegionSource } from './map-layers.ts';

/** Pixels kept free around a fitted box. */
export const FIT_PADDING = 12;

/** Where a map looked when it was released; `bounds` when it was asked to fit a box meanwhile. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  bounds?: BBox;
}

/** Set while released: what the restored map shows. */
export interface Released {
  camera: Camera;
  regions: RegionSource | undefined;
}

/** What `map` shows now, kept for the map that restore() creates. */
export function releasedState(map: MapLibreMap, regions: RegionSource | undefined): Released {
  const center = map.getCenter();
  return {
    camera: {
      center: [center.lng, center.lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    },
    regions,
  };
}

/**
 * Options of a new map: an empty style (WebGL and style set-up overlap the boundary request), the view of
 * the released map it replaces (or the box it was asked to fit meanwhile), and the element's settings.
 */
export function mapOptions(container: HTMLElement, settings: MapSettings, camera: Camera | undefined): MapOptions {
  return {
    container,
    style: {
      version: 8,
      sources: {},
      layers: [
        { id: 'chronos-background', type: 'background', paint: { 'background-color': settings.theme.background } },
      ],
    },
    center: camera?.center ?? [-100, 50],
    zoom: camera?.zoom ?? 1.5,
    bearing: camera?.bearing ?? 0,
    pitch: camera?.pitch ?? 0,
    ...(camera?.bounds
      ? {
          bounds: [
            [camera.bounds[0], camera.bounds[1]],
            [camera.bounds[2], camera.bounds[3]],
          ] as [[number, number], [number, number]],
          fitBoundsOptions: { padding: FIT_PADDING },
        }
      : {}),
    interactive: settings.interactive,
    cooperativeGestures: settings.cooperativeGestures,
    attributionControl: { compact: true },
    fadeDuration: 0,
    ...settings.options,
  };
}

/** Whether the browser has taken the map's WebGL context away, and a promise of its return meanwhile. */
export class ContextLoss {
  lost = false;
  /** Resolves when the context is restored; undefined while it is not lost. */
  whenRestored: Promise<void> | undefined;
  #restored: () => void = () => {};
  #onChange: (lost: boolean) => void;

  constructor(onChange: (lost: boolean) => void) {
    this.#onChange = onChange;
  }

  set(lost: boolean): void {
    if (lost === this.lost) return;
    this.lost = lost;
    if (lost) {
      this.whenRestored = new Promise((resolve) => {
        this.#restored = resolve;
      });
    } else {
      this.#restored();
      this.whenRestored = undefined;
    }
    this.#onChange(lost);
  }
}

/**
 * Resolves in the first frame drawn once `drawn()` holds (the region source is in and every region tile has
 * loaded; feature-state changes are applied in that frame), or with the first `idle` when there are no
 * regions yet (`drawn` undefined). A basemap still loading does not hold it up. Past `deadlineMs` without
 * it, `late` decides: it may resolve (the regions did draw) or report the map as failed.
 */
export async function drawnFrame(
  map: MapLibreMap,
  drawn: (() => boolean) | undefined,
  deadlineMs: number,
  late: (resolve: () => void) => void,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onRender = () => {};
  await new Promise<void>((resolve) => {
    onRender = () => void (drawn?.() && resolve());
    if (drawn) map.on('render', onRender);
    else map.once('idle', () => resolve());
    map.triggerRepaint();
    timer = setTimeout(() => late(resolve), deadlineMs);
  });
  map.off('render', onRender);
  clearTimeout(timer);
}
