// Chromium for the flagship tests and bench (the machine's, with the WebGL flags every suite uses), and
// what a user sees of the map: its load/error events, how much of it is coloured, CSP violations.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

interface Watched {
  chronosEvents: { type: string; detail: { kind?: string; message?: string; regionsWithData?: number } }[];
  cspViolations: string[];
  layoutShift: number;
}

/** A page that records chronos-load/error events, CSP violations and layout shifts from its first script. */
export async function watchedPage(browser: {
  newPage(): Promise<Page>;
}): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.evaluateOnNewDocument(() => {
    const watched = window as unknown as Watched;
    watched.chronosEvents = [];
    watched.cspViolations = [];
    watched.layoutShift = 0;
    for (const type of ['chronos-load', 'chronos-error'])
      window.addEventListener(type, (event) =>
        watched.chronosEvents.push({ type, detail: JSON.parse(JSON.stringify((event as CustomEvent).detail ?? {})) }),
      );
    document.addEventListener('securitypolicyviolation', (event) =>
      watched.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) watched.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { page, pageErrors };
}

export function watched(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const { chronosEvents, cspViolations, layoutShift } = window as unknown as Watched;
    return JSON.parse(JSON.stringify({ chronosEvents, cspViolations, layoutShift })) as Watched;
  });
}

/** Waits (generously: the machine is shared) for the first chronos-load or chronos-error. */
export async function mapSettled(page: Page): Promise<Watched['chronosEvents']> {
  await page.waitForFunction(() => (window as unknown as Watched).chronosEvents.length > 0, {
    timeout: 120_000,
    polling: 100,
  });
  return (await watched(page)).chronosEvents;
}

export type Rgb = [number, number, number];

/** Points inside regions with data in every test metric: Nevada, Texas, Kansas, Montana, Ontario. */
export const REGION_POINTS: [number, number][] = [
  [-116.9, 39.3],
  [-99.0, 31.5],
  [-98.4, 38.5],
  [-109.6, 47.0],
  [-85.0, 50.0],
];

/**
 * The colours the map shows at the given longitudes/latitudes (the most frequent colour of a 5×5 block
 * of a screenshot, so nothing depends on the canvas keeping its drawing buffer), and the legend's class
 * colours (without "no data").
 */
export async function mapColours(page: Page, points: [number, number][]): Promise<{ at: Rgb[]; legend: Rgb[] }> {
  const spots = await page.evaluate((lngLats: [number, number][]) => {
    const element = document.querySelector('chronos-choropleth') as unknown as HTMLElement & {
      map: { project(lngLat: [number, number]): { x: number; y: number } };
    };
    const rect = element.getBoundingClientRect();
    return lngLats.map((lngLat) => {
      const point = element.map.project(lngLat);
      return { x: Math.round(rect.x + point.x), y: Math.round(rect.y + point.y) };
    });
  }, points);
  const png = await page.screenshot({ encoding: 'base64' });
  return page.evaluate(
    async (data: string, at: { x: number; y: number }[]) => {
      // Decoded without fetch(): the page's Content-Security-Policy does not allow fetching data: URLs.
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const scale = bitmap.width / window.innerWidth;
      const colours = at.map(({ x, y }) => {
        const pixels = context.getImageData(Math.round(x * scale) - 2, Math.round(y * scale) - 2, 5, 5).data;
        const counts = new Map<string, number>();
        for (let i = 0; i < pixels.length; i += 4) {
          const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return [...counts.entries()]
          .sort((a, b) => b[1] - a[1])[0]![0]
          .split(',')
          .map(Number);
      });
      const root = document.querySelector('chronos-choropleth')!.shadowRoot!;
      const legend = [...root.querySelectorAll<HTMLElement>('[part="legend-item"]')]
        .filter((item) => item.dataset.class !== 'no-data')
        .map((item) => {
          const swatch = item.querySelector<HTMLElement>('[part="legend-swatch"]')!;
          return (getComputedStyle(swatch).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number);
        });
      return { at: colours, legend };
    },
    png,
    spots,
  ) as Promise<{ at: Rgb[]; legend: Rgb[] }>;
}

const near = (a: Rgb, b: Rgb) => Math.max(...a.map((value, index) => Math.abs(value - b[index]!))) <= 16;

/**
 * Whether every point shows one of the legend's class colours: the regions are coloured by their data.
 * Read again (up to 30 s) while they are not, because a screenshot taken right after chronos-load can show
 * the frame before the fills; a map that never colours still fails.
 */
export async function regionsColoured(page: Page, points = REGION_POINTS): Promise<{ ok: boolean; seen: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { at, legend } = await mapColours(page, points);
    const ok = legend.length >= 3 && at.every((colour) => legend.some((swatch) => near(colour, swatch)));
    if (ok || Date.now() > deadline) return { ok, seen: `map ${JSON.stringify(at)} legend ${JSON.stringify(legend)}` };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
