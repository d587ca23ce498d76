// Browser-test helpers: mounting elements, waiting for events, reading the requests the API received
// (counted by the test runner's proxy) and reading pixels off a map's canvas.
import type { ChronosChoropleth } from '../components/choropleth/choropleth.ts';

const mounted: HTMLElement[] = [];

/** Appends `markup` (one element) to the document and returns it. */
export function mount<T extends HTMLElement = ChronosChoropleth>(markup: string, configure?: (element: T) => void): T {
  const holder = document.createElement('div');
  holder.style.width = '800px';
  holder.innerHTML = markup.trim();
  const element = holder.firstElementChild as T;
  configure?.(element);
  document.body.append(holder);
  mounted.push(holder);
  return element;
}

export function unmountAll(): void {
  for (const holder of mounted.splice(0)) holder.remove();
}

/** Resolves with the next `type` event from `target`; rejects after `timeout` ms naming the event. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  timeout = 20_000,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as GlobalEventHandlersEventMap[K]);
      },
      { once: true },
    );
  });
}

/** Every request the API received since the last `resetRequests()`, as "GET /api/…?…". */
export async function apiRequests(): Promise<string[]> {
  return (await fetch('/__chronos/requests')).json();
}

export async function resetRequests(): Promise<void> {
  await fetch('/__chronos/requests', { method: 'POST' });
}

/** From now on the test server drops the connection of every request whose path starts with one of `prefixes`,
 * as if the page had gone offline for them (a network error); `blockPaths()` blocks nothing again. */
export async function blockPaths(...prefixes: string[]): Promise<void> {
  const query = prefixes.map((prefix) => `path=${encodeURIComponent(prefix)}`).join('&');
  await fetch(`/__chronos/blocked?${query}`, { method: 'POST' });
}

/** From now on the test server holds every request whose path starts with one of `prefixes` (a lazy chunk, an API
 * answer on its way) until the next call, which lets them through; `holdPaths()` holds nothing again. */
export async function holdPaths(...prefixes: string[]): Promise<void> {
  const query = prefixes.map((prefix) => `path=${encodeURIComponent(prefix)}`).join('&');
  await fetch(`/__chronos/held?${query}`, { method: 'POST' });
}

/** How many requests the test server has held since the last `holdPaths`. */
export async function heldRequests(): Promise<number> {
  return ((await (await fetch('/__chronos/held')).json()) as { count: number }).count;
}

export type Rgb = [number, number, number];

/** `rgb(1, 2, 3)` or `#010203` → [1, 2, 3]. */
export function parseColor(color: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (hex) return [1, 2, 3].map((i) => Number.parseInt(hex[i]!, 16)) as Rgb;
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!rgb) throw new Error(`not a colour: ${color}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

export function closeTo(a: Rgb, b: Rgb, tolerance = 3): boolean {
  return a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);
}

/** A 2D copy of the map's canvas as drawn now, and the canvas pixel at a longitude/latitude. */
export function mapSnapshot(element: ChronosChoropleth): {
  context: CanvasRenderingContext2D;
  pixelAt(lngLat: [number, number]): { x: number; y: number };
} {
  const map = element.map!;
  const canvas = map.getCanvas();
  const scale = canvas.width / canvas.clientWidth;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  const pixelAt = (lngLat: [number, number]) => {
    const point = map.project(lngLat);
    return { x: Math.round(point.x * scale), y: Math.round(point.y * scale) };
  };
  return { context, pixelAt };
}

/** The RGBA pixels of a size×size block of the map's canvas centred on a longitude/latitude. */
function pixelsAround(element: ChronosChoropleth, lngLat: [number, number], size: number): Uint8ClampedArray {
  const { context, pixelAt } = mapSnapshot(element);
  const { x, y } = pixelAt(lngLat);
  const half = Math.floor(size / 2);
  return context.getImageData(x - half, y - half, size, size).data;
}

/**
 * The most frequent colour in a 7×7 block of the map's canvas around a longitude/latitude (the map must
 * be created with `preserveDrawingBuffer: true` so the canvas can be read after it was composited).
 */
export function pixelAt(element: ChronosChoropleth, lngLat: [number, number]): Rgb {
  const data = pixelsAround(element, lngLat, 7);
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return best.split(',').map(Number) as Rgb;
}

/** Every distinct colour in a 9×9 block around a point (for patterns). */
export function colorsAround(element: ChronosChoropleth, lngLat: [number, number]): Rgb[] {
  const data = pixelsAround(element, lngLat, 9);
  const seen = new Map<string, Rgb>();
  for (let i = 0; i < data.length; i += 4)
    seen.set(`${data[i]},${data[i + 1]},${data[i + 2]}`, [data[i]!, data[i + 1]!, data[i + 2]!]);
  return [...seen.values()];
}

/** Legend swatch colours by class index (`no-data` for the no-data entry). */
export function legendColors(element: ChronosChoropleth): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of element.shadowRoot!.querySelectorAll<HTMLElement>('[part="legend-item"]')) {
    const swatch = item.querySelector<HTMLElement>('[part="legend-swatch"]')!;
    out.set(item.dataset.class!, getComputedStyle(swatch).backgroundColor);
  }
  return out;
}

/** Errors that reached the window while a test ran (must stay empty: the element never throws). */
export function watchWindowErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
