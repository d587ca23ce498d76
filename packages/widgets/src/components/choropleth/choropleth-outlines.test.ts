// <chronos-choropleth>'s region outlines on the canvas, in real Chromium. Zoomed in on a tile seam: the regions are tiled with a small buffer
// (map-layers.ts, 32 px of 512), so an outline crossing a tile edge must still be drawn whole on both sides of it.
// The seam tested is 90° W, a tile edge at every zoom from 2 up, which the Wisconsin–Illinois border crosses.
// The keyboard focus outline (width 0 off the focused region) on that border, in both themes.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { FOCUS } from '../../internal/map-layers.ts';
import { choropleth, isolateEachTest, settled } from '../../testing/choropleth.ts';
import { closeTo, mapSnapshot, nextEvent, parseColor, type Rgb } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

// Where the border (in the test server's boundaries) crosses 90° W.
const BORDER_LAT = 42.5073;
const SEAM_LNG = -90;

/** How many canvas columns from `-reach` to `reach` px around the seam show `color` (within `tolerance` per channel)
 * within 25 px of the border's latitude. */
function columnsWith(element: ChronosChoropleth, color: Rgb, reach: number, tolerance = 40): number {
  const { context, pixelAt } = mapSnapshot(element);
  const { x: x0, y: y0 } = pixelAt([SEAM_LNG, BORDER_LAT]);
  const canvas = element.map!.getCanvas();
  const band = Math.round(25 * (canvas.width / canvas.clientWidth));
  let count = 0;
  for (let dx = -reach; dx <= reach; dx++) {
    const data = context.getImageData(x0 + dx, y0 - band, 1, 2 * band + 1).data;
    for (let i = 0; i < data.length; i += 4) {
      if (closeTo([data[i]!, data[i + 1]!, data[i + 2]!], color, tolerance)) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** The colour a line layer draws where `flag`'s feature-state is set (its `['case', flag, colour, …]`). */
function flaggedColor(element: ChronosChoropleth, layer: string): Rgb {
  return parseColor((element.map!.getPaintProperty(layer, 'line-color') as unknown[])[2] as string);
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
      expect(columnsWith(element, outline, 40), 'columns around the seam with the outline').to.equal(81);
    });
  }
});

/** A 3 px line has pixels of its very colour; its antialiased edges blend it with what is under it (the dark
 * accent's edges on a dark map come near the light accent). */
const EXACT = 8;

describe('<chronos-choropleth> keyboard focus outline', () => {
  it('is drawn on the focused region only, in the accent colour of each theme', async () => {
    const element = choropleth('metric="unemployment" theme="light"');
    await nextEvent(element, 'chronos-load');
    element.map!.jumpTo({ center: [SEAM_LNG, BORDER_LAT], zoom: 6 });
    element.select('US-WI');
    await settled(element);
    const light = flaggedColor(element, FOCUS);
    expect(columnsWith(element, light, 40, EXACT), 'columns with the focus colour before the focus').to.equal(0);
    // A real key press: keyboard focus, on the selected region.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    await settled(element);
    expect(columnsWith(element, light, 40, EXACT), 'columns with the focus colour').to.equal(81);
    element.setAttribute('theme', 'dark');
    await element.updateComplete;
    await settled(element);
    const dark = flaggedColor(element, FOCUS);
    expect(closeTo(dark, light), 'the accent colours of the two themes differ').to.equal(false);
    expect(columnsWith(element, dark, 40, EXACT), 'columns with the dark focus colour').to.equal(81);
    expect(columnsWith(element, light, 40, EXACT), 'columns with the light focus colour').to.equal(0);
  });
});
