// Reading a map's canvas from page script (the element's map must keep its drawing buffer:
// mapOptions.canvasContextAttributes.preserveDrawingBuffer).
import type { Page } from 'puppeteer-core';

export type Rgb = [number, number, number];

/** What is read of an element's MapLibre map (element.map) inside the page. */
interface PageMap {
  getCanvas(): HTMLCanvasElement;
  project(lngLat: [number, number]): { x: number; y: number };
}

/**
 * The most frequent colour of a 5×5 block around each longitude/latitude on the map of the element with
 * id `id`; null for a point too close to the canvas edge.
 */
export function mapColours(page: Page, id: string, points: [number, number][]): Promise<(Rgb | null)[]> {
  return page.evaluate(
    (elementId: string, lngLats: [number, number][]) => {
      const map = (document.getElementById(elementId) as unknown as { map: PageMap }).map;
      const canvas = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const scale = canvas.width / canvas.clientWidth;
      return lngLats.map((lngLat) => {
        const point = map.project(lngLat);
        const x = Math.round(point.x * scale);
        const y = Math.round(point.y * scale);
        if (x < 3 || y < 3 || x > canvas.width - 3 || y > canvas.height - 3) return null;
        const data = context.getImageData(x - 2, y - 2, 5, 5).data;
        const counts = new Map<string, number>();
        for (let i = 0; i < data.length; i += 4) {
          const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return [...counts.entries()]
          .sort((a, b) => b[1] - a[1])[0]![0]
          .split(',')
          .map(Number) as Rgb;
      });
    },
    id,
    points,
  );
}
