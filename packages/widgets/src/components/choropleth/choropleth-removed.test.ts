// <chronos-choropleth> taken off the page (or moved) while its map is being created, in real Chromium: the map
// is created once the thread is idle after the MapLibre chunk ran (map-handle.ts), and it waits for its style
// before it is usable (map-controller.ts). An element removed meanwhile must not be left holding a map (a WebGL
// context, of the ~16 Chromium keeps per page, and a canvas); one moved meanwhile shows one map, coloured.
import { expect } from '@esm-bundle/chai';
import { heldRequests, holdPaths, nextEvent } from '../../testing/helpers.ts';
import { choropleth, expectPainted, isolateEachTest, KANSAS } from '../../testing/choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();
after(() => holdPaths());

/** MapLibre canvases in the element (each one a map holding a WebGL context). */
const canvases = (element: ChronosChoropleth): number =>
  element.shadowRoot!.querySelectorAll('canvas.maplibregl-canvas').length;

/** Calls `then` as soon as a MapLibre canvas is put in the element (the map exists; its style is not loaded). */
function onCanvas(element: ChronosChoropleth, then: () => void): void {
  const observer = new MutationObserver(() => {
    if (canvases(element) === 0) return;
    observer.disconnect();
    then();
  });
  observer.observe(element.shadowRoot!, { childList: true, subtree: true });
}

describe('<chronos-choropleth> removed while its map is created', () => {
  // First in this file: the MapLibre chunk is loaded once per page.
  it('holds no map once removed before the MapLibre chunk is ready', async () => {
    await holdPaths(new URL('../../internal/maplibre-runtime', import.meta.url).pathname);
    const removed = choropleth('metric="unemployment"');
    while ((await heldRequests()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await removed.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    removed.parentElement!.remove();
    await holdPaths();
    const shown = choropleth('metric="unemployment"');
    await nextEvent(shown, 'chronos-load');
    expectPainted(shown, 'US-KS', KANSAS);
    expect(canvases(removed), 'canvases of the removed element').to.equal(0);
    expect(removed.map).to.equal(undefined);
  });

  it('holds no map once removed before its style loaded', async () => {
    const removed = choropleth('metric="unemployment"');
    onCanvas(removed, () => removed.parentElement!.remove());
    const shown = choropleth('metric="unemployment"');
    await nextEvent(shown, 'chronos-load');
    expect(removed.isConnected).to.equal(false);
    expect(canvases(removed), 'canvases of the removed element').to.equal(0);
    expect(removed.map).to.equal(undefined);
  });

  it('shows one coloured map when moved before its style loaded', async () => {
    const moved = choropleth('metric="unemployment"');
    const elsewhere = moved.parentElement!.cloneNode() as HTMLElement;
    document.body.append(elsewhere);
    onCanvas(moved, () => elsewhere.append(moved));
    try {
      await nextEvent(moved, 'chronos-load');
      expect(moved.parentElement).to.equal(elsewhere);
      expectPainted(moved, 'US-KS', KANSAS);
      expect(canvases(moved), 'canvases of the moved element').to.equal(1);
    } finally {
      elsewhere.remove();
    }
  });
});
