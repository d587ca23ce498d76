// <chronos-choropleth> zoomed in on a tile seam, in real Chromium: the regions are tiled with a small buffer
// (map-layers.ts, 32 px of 512), so an outline crossing a tile edge must still be drawn whole on both sides of it.
// The seam tested is 90° W, a tile edge at every zoom from 2 up, which the Wisconsin–Illinois border crosses.
import { expect } from '@esm-bundle/chai';
import { choropleth, isolateEachTest, settled } from '../../testing/choropleth.ts';
import { closeTo, nextEvent, parseColor, type Rgb } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

// Where the border (in the test server's boundaries) crosses 90° W.
const BORDER_LAT = 42.5073;
const SEAM_LNG = -90;

/** Canvas columns from `-reach` to `reach` px around the seam where no pixel of `color` is found within 25 px of
 * the border's latitude. */
function columnsWithout(element: ChronosChoropleth, color: Rgb, reach: number): number[] {
  const map = element.map!;
  const canvas = map.getCanvas();
  const scale = canvas.width / canvas.clientWidth;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  const seam = map.project([SEAM_LNG, BORDER_LAT]);
  const x0 = Math.round(seam.x * scale);
  const y0 = Math.round(seam.y * scale);
  const band = Math.round(25 * scale);
  const missing: number[] = [];
  for (let dx = -reach; dx <= reach; dx++) {
    const data = context.getImageData(x0 + dx, y0 - band, 1, 2 * band + 1).data;
    let found = false;
    for (let i = 0; i < data.length && !found; i += 4)
      found = closeTo([data[i]!, data[i + 1]!, data[i + 2]!], color, 40);
    if (!found) missing.push(dx);
  }
  return missing;
}

describe('<chronos-choropleth> outlines across a tile seam', () => {
  for (const zoom of [6, 9, 12]) {
    it(`draws the selected region's outline whole across 90° W at zoom ${zoom}`, async () => {
      const element = choropleth('metric="unemployment" selected="US-WI"');
      await nextEvent(element, 'chronos-load');
      element.map!.jumpTo({ center: [SEAM_LNG, BORDER_LAT], zoom });
      await settled(element);
      const outline = parseColor(
        getComputedStyle(element).getPropertyValue('--chronos-region-selected-color') || '#000000',
      );
      expect(columnsWithout(element, outline, 40), 'columns around the seam without the outline').to.deep.equal([]);
    });
  }
});
