// Many maps on one page, in real Chromium: maps start only near the viewport, give their WebGL contexts
// back far off-screen and come back as they were, so that scrolling a 20-map and a 40-map page (more
// maps than the ~16 contexts Chromium keeps) shows every map in view coloured, with no broken canvas.
import { classIndex, clearCache } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { closeTo, legendColors, parseColor, pixelAt, resetRequests, watchWindowErrors } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

const KANSAS: [number, number] = [-98.4, 38.5];

/** The page's IntersectionObservers with their callbacks and margins, so a test can replay a report Chromium
 * delivers (installed before any element connects: the element's shared observers are created lazily). */
const observers: { callback: IntersectionObserverCallback; observer: IntersectionObserver; margin: string }[] = [];
const NativeObserver = window.IntersectionObserver;
window.IntersectionObserver = class extends NativeObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    super(callback, options);
    observers.push({ callback, observer: this, margin: options?.rootMargin ?? '' });
  }
};
const VIEWPORT = { width: 800, height: 600 };

let page: HTMLElement | undefined;
let windowErrors: ReturnType<typeof watchWindowErrors>;

beforeEach(async () => {
  clearCache();
  await resetRequests();
  await setViewport(VIEWPORT);
  windowErrors = watchWindowErrors();
});

afterEach(() => {
  windowErrors.stop();
  page?.remove();
  page = undefined;
  window.scrollTo(0, 0);
  expect(windowErrors.errors, 'errors thrown into the page').to.deep.equal([]);
});

/** A page of `count` maps one under the other, each 260 px tall with a heading between them. */
function mapsPage(count: number): ChronosChoropleth[] {
  page = document.createElement('div');
  page.style.width = '760px';
  for (let i = 0; i < count; i++) {
    const heading = document.createElement('h2');
    heading.textContent = `Map ${i + 1}`;
    const element = document.createElement('chronos-choropleth') as ChronosChoropleth;
    element.setAttribute('basemap', 'none');
    element.setAttribute('metric', 'unemployment');
    element.style.setProperty('--chronos-height', '260px');
    element.mapOptions = { canvasContextAttributes: { preserveDrawingBuffer: true } };
    page.append(heading, element);
  }
  document.body.append(page);
  return [...page.querySelectorAll<ChronosChoropleth>('chronos-choropleth')];
}

function inViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < innerHeight;
}

async function waitFor(condition: () => boolean, what: string, timeout = 90_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeout) throw new Error(`${what} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Kansas on the canvas in the legend colour of its class, on a context that was not lost. */
async function expectColoured(element: ChronosChoropleth, label: string): Promise<void> {
  const map = element.map!;
  const idle = map.once('idle');
  map.triggerRepaint();
  await idle;
  const canvas = map.getCanvas();
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  expect(gl?.isContextLost(), `${label}: context lost`).to.equal(false);
  const value = element.loadedData!.values.find((v) => v.region === 'US-KS')!.value;
  const expected = parseColor(legendColors(element).get(String(classIndex(value, element.classBreaks!)))!);
  const actual = pixelAt(element, KANSAS);
  expect(closeTo(actual, expected), `${label}: Kansas rgb(${actual}) vs legend rgb(${expected})`).to.equal(true);
}

/** Scrolls top to bottom and back; at each stop every map in view is drawn and coloured. */
async function scrollThrough(elements: ChronosChoropleth[]): Promise<{ stops: number; mostLive: number }> {
  const errors: string[] = [];
  for (const element of elements) {
    element.addEventListener('chronos-error', (event) => errors.push(event.detail.message));
  }
  const bottom = document.documentElement.scrollHeight - innerHeight;
  const step = Math.round(innerHeight * 0.8);
  const positions: number[] = [];
  for (let y = 0; y < bottom; y += step) positions.push(y);
  positions.push(bottom, ...[...positions].reverse());
  let mostLive = 0;
  for (const y of positions) {
    window.scrollTo(0, y);
    const visible = elements.filter(inViewport);
    expect(visible.length, `maps in view at ${y}`).to.be.greaterThan(0);
    await waitFor(
      () => visible.every((element) => element.map?.loaded() && element.loadedData !== undefined),
      `every map in view drawn at scroll ${y}`,
    );
    for (const element of visible) await expectColoured(element, `map ${elements.indexOf(element) + 1} at ${y}`);
    mostLive = Math.max(mostLive, elements.filter((element) => element.map !== undefined).length);
  }
  expect(errors, 'chronos-error events').to.deep.equal([]);
  return { stops: positions.length, mostLive };
}

for (const count of [20, 40]) {
  describe(`<chronos-choropleth> ×${count} on one page`, () => {
    it('starts only the maps near the viewport, and shows every map in view coloured while scrolling down and back', async function () {
      this.timeout(600_000);
      const elements = mapsPage(count);
      const first = elements[0]!;
      await waitFor(() => first.map?.loaded() === true && first.loadedData !== undefined, 'first map drawn');
      // Far below the fold (beyond the one-viewport band where maps start): no map, no WebGL context.
      const farBelow = elements.filter((element) => element.getBoundingClientRect().top > 3 * innerHeight);
      expect(farBelow.length).to.be.greaterThan(count / 2);
      for (const element of farBelow) expect(element.map, 'map far below the fold').to.equal(undefined);
      const { stops, mostLive } = await scrollThrough(elements);
      expect(stops).to.be.greaterThan(count / 2);
      // Under the ~16 contexts Chromium keeps per page, whatever the number of maps.
      expect(mostLive, 'maps holding a WebGL context at once').to.be.at.most(12);
    });
  });
}

describe('<chronos-choropleth> lazy', () => {
  it('lazy="false" creates the map at once, even far below the fold', async function () {
    this.timeout(120_000);
    const elements = mapsPage(6);
    const last = elements[5]!;
    last.setAttribute('lazy', 'false');
    await waitFor(() => last.map?.loaded() === true && last.loadedData !== undefined, 'eager map drawn');
    expect(last.getBoundingClientRect().top).to.be.greaterThan(2 * innerHeight);
    expect(elements[4]!.map, 'its lazy neighbour').to.equal(undefined);
    await expectColoured(last, 'eager map');
  });

  it('keeps the map on screen through a viewport that collapses for a moment (as screenshot tools do)', async function () {
    this.timeout(120_000);
    const [first] = mapsPage(2);
    await waitFor(() => first!.map?.loaded() === true && first!.loadedData !== undefined, 'first map drawn');
    const map = first!.map!;
    // An observer like the element's far one, created after it: when it hears of the collapse, so has the
    // element's (observers are notified in the order they were created).
    const target = first!.shadowRoot!.querySelector('[part~="map"]')!;
    let observer: IntersectionObserver | undefined;
    const collapsed = new Promise<void>((resolve) => {
      observer = new IntersectionObserver((entries) => entries.some((e) => !e.isIntersecting) && resolve(), {
        rootMargin: '300%',
      });
      observer.observe(target);
    });
    await setViewport({ width: 1, height: 1 });
    await collapsed;
    observer!.disconnect();
    expect(first!.map, 'the map after the collapse').to.equal(map);
    await setViewport(VIEWPORT);
    expect(first!.map).to.equal(map);
    await expectColoured(first!, 'map after the collapse');
  });

  it('keeps the map on screen through a screenshot (its observers see a 1×1 px viewport, the page does not)', async function () {
    this.timeout(120_000);
    const [first] = mapsPage(2);
    await waitFor(() => first!.map?.loaded() === true && first!.loadedData !== undefined, 'first map drawn');
    const map = first!.map!;
    const target = first!.shadowRoot!.querySelector('[part~="map"]')!;
    // What Chromium reported to the element's far observer while puppeteer's page.screenshot ran (recorded on
    // a loaded machine): not intersecting, its root the 1×1 px viewport grown by 300 % a side, while innerWidth,
    // the scroll and the element's box stayed as they were.
    const far = observers.filter((entry) => entry.margin.startsWith('300%'));
    expect(far.length, "the element's far observer").to.be.greaterThan(0);
    const report = {
      target,
      isIntersecting: false,
      intersectionRatio: 0,
      rootBounds: new DOMRectReadOnly(-3, -3, 7, 7),
      boundingClientRect: target.getBoundingClientRect(),
      intersectionRect: new DOMRectReadOnly(0, 0, 0, 0),
      time: performance.now(),
    } as IntersectionObserverEntry;
    for (const { callback, observer } of far) callback([report], observer);
    expect(first!.map, 'the map after the report').to.equal(map);
    await expectColoured(first!, 'map after the screenshot');
  });

  it('restores a released map with the same view, values and selection', async function () {
    this.timeout(120_000);
    const elements = mapsPage(12);
    const first = elements[0]!;
    await waitFor(() => first.map?.loaded() === true && first.loadedData !== undefined, 'first map drawn');
    first.select('US-KS');
    first.map!.jumpTo({ center: [-95, 40], zoom: 3.2 });
    const map = first.map!;
    window.scrollTo(0, document.documentElement.scrollHeight);
    await waitFor(() => first.map === undefined, 'first map released far off-screen');
    const loads: { regions: number; loaded: boolean | undefined }[] = [];
    first.addEventListener('chronos-load', (event) =>
      loads.push({ regions: event.detail.regionsWithData, loaded: first.map?.loaded() }),
    );
    window.scrollTo(0, 0);
    await waitFor(() => first.map?.loaded() === true, 'first map restored');
    // Drawn anew, the map says so once its regions are coloured again (a reader's screenshot or toPNG then works).
    await waitFor(() => loads.length > 0, 'chronos-load after the restore');
    expect(loads.length, 'one chronos-load').to.equal(1);
    expect(loads[0]!.regions).to.be.greaterThan(50);
    expect(loads[0]!.loaded, 'the new map fully loaded at chronos-load').to.equal(true);
    expect(first.map).to.not.equal(map);
    expect(first.map!.getZoom()).to.be.closeTo(3.2, 0.01);
    expect(first.map!.getCenter().lng).to.be.closeTo(-95, 0.01);
    expect(first.map!.getFeatureState({ source: 'chronos-regions', id: 'US-KS' }).selected).to.equal(true);
    await expectColoured(first, 'restored map');
  });
});
