// Helpers for the <chronos-choropleth> browser tests: each test starting afresh (no shared requests, no maps,
// no uncaught page errors), mounting a map whose canvas can be read, checking that a region shows the
// legend colour of its class.
import { classIndex, clearCache } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { resetMouse } from '@web/test-runner-commands';
import type { ChronosChoropleth } from '../components/choropleth/choropleth.ts';
import {
  closeTo,
  legendColors,
  mount,
  parseColor,
  pixelAt,
  type Rgb,
  resetRequests,
  unmountAll,
  watchWindowErrors,
} from './helpers.ts';

export const KANSAS: [number, number] = [-98.4, 38.5];
export const SASKATCHEWAN: [number, number] = [-105.9, 54.4];
export const NUNAVUT: [number, number] = [-96, 65];
export const readable = { canvasContextAttributes: { preserveDrawingBuffer: true } };

/** A choropleth that keeps its drawing buffer readable, mounted with `attributes`. */
export function choropleth(attributes: string, configure?: (element: ChronosChoropleth) => void): ChronosChoropleth {
  return mount<ChronosChoropleth>(`<chronos-choropleth basemap="none" ${attributes}></chronos-choropleth>`, (el) => {
    el.mapOptions = readable;
    configure?.(el);
  });
}

/** Page coordinates of a longitude/latitude on the element's map. */
export function pagePoint(element: ChronosChoropleth, lngLat: [number, number]): [number, number] {
  const map = element.map!;
  const rect = map.getCanvas().getBoundingClientRect();
  const point = map.project(lngLat);
  return [Math.round(rect.left + point.x), Math.round(rect.top + point.y)];
}

export function shadow(element: ChronosChoropleth): ShadowRoot {
  return element.shadowRoot!;
}

export function regionValue(element: ChronosChoropleth, code: string): number | null {
  return element.loadedData?.values.find((v) => v.region === code)?.value ?? null;
}

/** The legend colour of the class `code`'s value falls in. */
export function legendColorOf(element: ChronosChoropleth, code: string): Rgb {
  const index = classIndex(regionValue(element, code), element.classBreaks!);
  return parseColor(legendColors(element).get(String(index))!);
}

export function expectPainted(element: ChronosChoropleth, code: string, lngLat: [number, number]): void {
  const expected = legendColorOf(element, code);
  const actual = pixelAt(element, lngLat);
  expect(closeTo(actual, expected), `${code}: canvas rgb(${actual}) vs legend rgb(${expected})`).to.equal(true);
}

export async function waitFor(condition: () => boolean, timeout = 10_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeout) throw new Error(`condition not met within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Ids of the basemap's layers in the element's map. */
export function basemapLayers(element: ChronosChoropleth): string[] {
  return element
    .map!.getStyle()
    .layers.filter((layer) => (layer as { source?: string }).source === 'chronos-basemap')
    .map((layer) => layer.id);
}

/** Resolves when the map has loaded and drawn everything (even if it already had). */
export async function settled(element: ChronosChoropleth): Promise<void> {
  const map = element.map!;
  const idle = map.once('idle');
  map.triggerRepaint();
  await idle;
}

/**
 * Each test starts with no cached request and no request counted, and ends with its maps removed; an error
 * that reached the page (uncaught, or an unhandled rejection) fails the test.
 */
export function isolateEachTest(): void {
  let windowErrors: ReturnType<typeof watchWindowErrors>;
  beforeEach(async () => {
    clearCache();
    await resetRequests();
    windowErrors = watchWindowErrors();
  });
  afterEach(async () => {
    windowErrors.stop();
    unmountAll();
    await resetMouse();
    expect(windowErrors.errors, 'errors thrown into the page').to.deep.equal([]);
  });
}
