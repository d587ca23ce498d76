// <chronos-choropleth> at small sizes and on hostile pages, in real Chromium: the legend never hides more
// than a small share of the map (a strip under the map when the element is narrow), the first view gives
// the space to the contiguous US and southern Canada, and page rules that reach the host element
// (`* { all: unset }`, `html { font-size: 40px }`) cannot blow the widget's typography up.
import { clearCache } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { nextEvent, resetRequests, watchWindowErrors } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

const KANSAS: [number, number] = [-98.4, 38.5];
const MAINE: [number, number] = [-69.2, 45.4];
const WASHINGTON: [number, number] = [-120.5, 47.4];
const SASKATCHEWAN: [number, number] = [-105.9, 54.4];

let holder: HTMLElement | undefined;
let hostile: HTMLStyleElement | undefined;
let windowErrors: ReturnType<typeof watchWindowErrors>;

beforeEach(async () => {
  clearCache();
  await resetRequests();
  await setViewport({ width: 800, height: 600 });
  windowErrors = watchWindowErrors();
});

afterEach(async () => {
  windowErrors.stop();
  holder?.remove();
  hostile?.remove();
  holder = undefined;
  hostile = undefined;
  await setViewport({ width: 800, height: 600 });
  expect(windowErrors.errors, 'errors thrown into the page').to.deep.equal([]);
});

/** A map `width` px wide (the page's width when undefined) whose map area is `height` px tall. */
async function sized(width: number | undefined, height: number | undefined): Promise<ChronosChoropleth> {
  holder = document.createElement('div');
  // Inline styles, so that a hostile page rule cannot undo the size the test asks for.
  holder.style.display = 'block';
  if (width !== undefined) holder.style.width = `${width}px`;
  const element = document.createElement('chronos-choropleth') as ChronosChoropleth;
  element.setAttribute('basemap', 'none');
  element.setAttribute('metric', 'unemployment');
  if (height !== undefined) element.style.setProperty('--chronos-height', `${height}px`);
  holder.append(element);
  // First on the page: under \`* { all: unset }\` the runner's own scripts and styles show as text below.
  document.body.prepend(holder);
  await nextEvent(element, 'chronos-load', 60_000);
  await element.updateComplete;
  return element;
}

function area(rect: DOMRect): number {
  return Math.max(0, rect.width) * Math.max(0, rect.height);
}

function overlap(a: DOMRect, b: DOMRect): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The legend's share of the map's area: in all, and of the map it covers. */
function legendShare(element: ChronosChoropleth): { total: number; covering: number } {
  const root = element.shadowRoot!;
  const map = root.querySelector('[part="map"]')!.getBoundingClientRect();
  const legend = root.querySelector('[part="legend"]')!.getBoundingClientRect();
  return { total: area(legend) / area(map), covering: overlap(legend, map) / area(map) };
}

/** The contiguous US is in view and spread over a good share of the map's width. */
function expectContiguousUs(element: ChronosChoropleth, label: string): void {
  const map = element.map!;
  const canvas = map.getCanvas();
  const [width, height] = [canvas.clientWidth, canvas.clientHeight];
  for (const [name, point] of Object.entries({ KANSAS, MAINE, WASHINGTON, SASKATCHEWAN })) {
    const { x, y } = map.project(point);
    expect(
      x >= 0 && x <= width && y >= 0 && y <= height,
      `${label}: ${name} at ${x},${y} in ${width}×${height}`,
    ).to.equal(true);
  }
  const spread = map.project(MAINE).x - map.project(WASHINGTON).x;
  expect(spread, `${label}: Washington to Maine`).to.be.greaterThan(0.45 * width);
}

const sizes: [number, number][] = [
  [320, 240],
  [420, 300],
  [600, 400],
];

describe('<chronos-choropleth> small sizes', () => {
  for (const [width, height] of sizes) {
    it(`at ${width}×${height} the legend takes at most 20 % of the map and the contiguous US fills it`, async () => {
      const element = await sized(width, height);
      const share = legendShare(element);
      expect(share.total, `legend area / map area ${share.total.toFixed(3)}`).to.be.at.most(0.2);
      expect(share.covering).to.be.at.most(0.2);
      expectContiguousUs(element, `${width}×${height}`);
    });
  }

  it('under 480 px the legend is a strip under the map that hides no region', async () => {
    const element = await sized(420, 300);
    const root = element.shadowRoot!;
    const map = root.querySelector('[part="map"]')!.getBoundingClientRect();
    const legend = root.querySelector('[part="legend"]')!.getBoundingClientRect();
    expect(legend.top).to.be.at.least(map.bottom - 1);
    expect(legend.width).to.be.closeTo(map.width, 1);
    // Every class and the no-data entry are still shown, each with a readable start.
    const items = [...root.querySelectorAll<HTMLElement>('[part="legend-item"]')];
    expect(items.length).to.be.at.least(5);
    for (const item of items) {
      const rect = item.getBoundingClientRect();
      expect(rect.width, item.textContent!).to.be.greaterThan(20);
      expect(rect.right).to.be.at.most(legend.right + 1);
    }
  });

  it('on a phone (390×844) the map is narrow, the legend a strip, the contiguous US in view', async () => {
    await setViewport({ width: 390, height: 844 });
    const element = await sized(undefined, undefined);
    const share = legendShare(element);
    expect(share.covering).to.equal(0);
    expect(share.total).to.be.at.most(0.2);
    expectContiguousUs(element, 'phone');
  });
});

describe('<chronos-choropleth> on a hostile page', () => {
  for (const [width, height] of [
    [320, 240],
    [600, 400],
  ] as [number, number][]) {
    it(`keeps its own typography under * { all: unset } and html { font-size: 40px } at ${width}×${height}`, async () => {
      hostile = document.createElement('style');
      // \`head\` stays hidden as on any page that resets everything (else its scripts show as text above us).
      hostile.textContent =
        '* { all: unset } head { display: none } html { font-size: 40px } chronos-choropleth { line-height: 5 }';
      document.head.append(hostile);
      const element = await sized(width, height);
      const share = legendShare(element);
      expect(share.total, `legend area / map area ${share.total.toFixed(3)}`).to.be.at.most(0.2);
      const title = element.shadowRoot!.querySelector('[part="legend-title"]')!;
      expect(Number.parseFloat(getComputedStyle(title).fontSize)).to.be.at.most(14);
      const map = element.shadowRoot!.querySelector('[part="map"]')!.getBoundingClientRect();
      expect(map.width).to.be.closeTo(width - 2, 1);
      expect(map.height).to.equal(height);
      expectContiguousUs(element, `hostile ${width}×${height}`);
    });
  }

  it('still takes --chronos-font-size from the page', async () => {
    const element = await sized(600, 400);
    element.style.setProperty('--chronos-font-size', '10px');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const title = element.shadowRoot!.querySelector('[part="legend-title"]')!;
    expect(Number.parseFloat(getComputedStyle(title).fontSize)).to.be.closeTo(8.5, 0.1);
  });
});
