// Reading a page's maps as a reader sees them, from puppeteer: the chronos-load / chronos-error events (recorded
// from the page's first script on, so none is missed), and the coloured pixels of a map on screen.
import type { Page } from 'puppeteer-core';

/** What page script recorded: every chronos-load and chronos-error, with the id of the element. */
export interface MapEvents {
  loads: string[];
  errors: { id: string; kind: string; code?: string; message: string }[];
}

/** Call before page.goto: records map events into window.__mapEvents. */
export async function recordMapEvents(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const events = { loads: [] as string[], errors: [] as unknown[] };
    (window as unknown as { __mapEvents: unknown }).__mapEvents = events;
    document.addEventListener(
      'chronos-load',
      (event) => events.loads.push((event.target as HTMLElement).id || (event.target as HTMLElement).localName),
      true,
    );
    document.addEventListener(
      'chronos-error',
      (event) => {
        const detail = (event as CustomEvent).detail as { kind: string; code?: string; message: string };
        events.errors.push({ id: (event.target as HTMLElement).id, ...detail });
      },
      true,
    );
  });
}

export function mapEvents(page: Page): Promise<MapEvents> {
  return page.evaluate(() => (window as unknown as { __mapEvents: MapEvents }).__mapEvents);
}

/** Waits until `count` maps fired chronos-load; fails as soon as a map reports an error that stops it. */
export async function waitForLoads(page: Page, count: number): Promise<MapEvents> {
  const stopping = (events: MapEvents) =>
    events.errors.filter((error) => error.kind !== 'attribute' && error.kind !== 'basemap');
  await page.waitForFunction(
    (wanted: number) => {
      const events = (window as unknown as { __mapEvents: MapEvents }).__mapEvents;
      const fatal = events.errors.some((error) => error.kind !== 'attribute' && error.kind !== 'basemap');
      return fatal || events.loads.length >= wanted;
    },
    { polling: 200 },
    count,
  );
  const events = await mapEvents(page);
  const fatal = stopping(events);
  if (fatal.length > 0) throw new Error(`a map failed: ${JSON.stringify(fatal)}`);
  return events;
}

/**
 * Pixels of the element's map area on screen (a screenshot, so what the reader sees) per legend class colour,
 * read back in the page. Needs the legend shown (its swatches give the class colours).
 */
export async function classPixels(
  page: Page,
  selector: string,
): Promise<{ colours: string[]; counts: number[]; area: number }> {
  const element = await page.waitForSelector(selector);
  const shot = await element!.screenshot({ encoding: 'base64', type: 'png' });
  return page.evaluate(
    async (elementSelector: string, png: string) => {
      const host = document.querySelector(elementSelector)!;
      const swatches = [...host.shadowRoot!.querySelectorAll<HTMLElement>('[part~="legend-swatch"]:not(.no-data)')];
      const colours = swatches.map((swatch) => getComputedStyle(swatch).backgroundColor);
      const rgb = colours.map((colour) => colour.match(/\d+/g)!.slice(0, 3).map(Number));
      // An <img>, not fetch(): a page's Content-Security-Policy may allow data: images but not data: fetches.
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const bitmap = await createImageBitmap(image);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const counts = rgb.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        const index = rgb.findIndex(
          ([r, g, b]) =>
            Math.abs(data[i]! - r!) <= 4 && Math.abs(data[i + 1]! - g!) <= 4 && Math.abs(data[i + 2]! - b!) <= 4,
        );
        if (index >= 0) counts[index]!++;
      }
      return { colours, counts, area: bitmap.width * bitmap.height };
    },
    selector,
    shot,
  );
}

/** A map's class pixels (see classPixels). */
export type ClassPixels = Awaited<ReturnType<typeof classPixels>>;

/**
 * Reads the map's class pixels until at least `classes` legend classes cover 300 px each and `share` of the
 * element is coloured, or `timeout` ms pass; resolves with the last reading either way (the caller asserts).
 * Read again because right after chronos-load a map on a busy machine sometimes showed its regions a moment
 * later than the event. One cause is established and fixed (the screenshot itself made the map release its
 * WebGL context: see the widgets' visibility.ts); the re-read stays until enough loads under load confirm
 * that no other cause remains. A map that never colours still fails.
 */
export async function waitForClassPixels(
  page: Page,
  selector: string,
  wanted: { classes: number; share: number; timeout?: number },
): Promise<ClassPixels> {
  const deadline = Date.now() + (wanted.timeout ?? 60_000);
  for (;;) {
    const reading = await classPixels(page, selector);
    const coloured = reading.counts.reduce((sum, count) => sum + count, 0);
    const classes = reading.counts.filter((count) => count > 300).length;
    if ((classes >= wanted.classes && coloured >= reading.area * wanted.share) || Date.now() > deadline) return reading;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
