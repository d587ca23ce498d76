// An element's handle on its map, in the CDN entry. MapController and everything that knows MapLibre
// (layers, lifecycle, basemap, pointer, failures, the first view) arrive with the MapLibre chunk
// (maplibre-runtime.ts), so that a page pays for them only once a map is drawn. Until that chunk is
// loaded the handle answers as a controller without a map does; the selection set meanwhile is passed on.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BBox } from '@chronos/core';
import type { ReactiveControllerHost } from 'lit';
import { whenIdle } from './idle.ts';
import type { MapCallbacks, MapController, MapSettings, RegionSource } from './map-controller.ts';

type Runtime = typeof import('./maplibre-runtime.ts');

let runtimePromise: Promise<Runtime> | undefined;
/**
 * The MapLibre chunk (with the map side of the elements), imported once per page. It resolves once this thread is
 * idle after the chunk ran: the chunk starts MapLibre's worker, and the browser's go-ahead to start the worker's
 * thread is a task of this thread, queued while the chunk runs, that yields to timers and frames. Creating a map
 * at once (its WebGL context, its style, its first frame) kept the worker from starting, and so from tiling the
 * regions, for 140–300 ms (traces of the widgets bench; 35–90 ms from `new Worker` to its thread with this wait).
 */
export function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= import('./maplibre-runtime.ts').then(
    (runtime) => new Promise<Runtime>((resolve) => whenIdle(() => resolve(runtime), 50)),
  );
  return runtimePromise;
}

export class MapHandle {
  #host: ReactiveControllerHost & HTMLElement;
  #callbacks: MapCallbacks;
  /** Created with the first map (added to the host as a controller then). */
  #controller: MapController | undefined;
  #selected: string | null = null;
  /** Feature-state flags set before the controller exists (keyboard focus, legend highlight). */
  #flags = new Map<string, readonly string[]>();

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: MapCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
  }

  /** The map, once created. */
  get map(): MapLibreMap | undefined {
    return this.#controller?.map;
  }

  /** Whether the map was released and not yet restored. */
  get released(): boolean {
    return this.#controller?.released ?? false;
  }

  /** True while the browser has taken the map's WebGL context away. */
  get contextLost(): boolean {
    return this.#controller?.contextLost ?? false;
  }

  /** Creates the map in `container` (MapController.attach), loading the MapLibre chunk first. */
  async attach(container: HTMLElement, settings: MapSettings): Promise<MapLibreMap> {
    if (!this.#controller) {
      const runtime = await loadRuntime();
      if (!this.#controller) {
        this.#controller = new runtime.MapController(this.#host, this.#callbacks, runtime);
        this.#controller.setSelected(this.#selected);
        for (const [flag, codes] of this.#flags) this.#controller.setFlag(flag, codes);
      }
    }
    return this.#controller.attach(container, settings);
  }

  /** MapController.ready: resolves once MapLibre's worker is known to load (at once without a map). */
  async ready(): Promise<void> {
    await this.#controller?.ready();
  }

  restore(container: HTMLElement): Promise<MapLibreMap | undefined> {
    return this.#controller?.restore(container) ?? Promise.resolve(undefined);
  }

  release(): void {
    this.#controller?.release();
  }

  setRegions(regions: RegionSource): boolean {
    return this.#controller?.setRegions(regions) ?? false;
  }

  paint(colors: Map<string, string>, allCodes: Iterable<string>): void {
    this.#controller?.paint(colors, allCodes);
  }

  setHovered(code: string | null): void {
    this.#controller?.setHovered(code);
  }

  setSelected(code: string | null): void {
    this.#selected = code;
    this.#controller?.setSelected(code);
  }

  /** MapController.setFlag: feature-state `flag` on exactly `codes`, remembered until the map exists. */
  setFlag(flag: string, codes: readonly string[]): void {
    this.#flags.set(flag, codes);
    this.#controller?.setFlag(flag, codes);
  }

  vectorBBox(code: string): BBox | undefined {
    return this.#controller?.vectorBBox(code);
  }

  fit(bbox: BBox, animate = false): void {
    this.#controller?.fit(bbox, animate);
  }

  update(settings: MapSettings): void {
    this.#controller?.update(settings);
  }

  /** Resolves once the map shows what it was asked to (at once while there is no map). */
  async painted(): Promise<void> {
    await this.#controller?.painted();
  }
}
