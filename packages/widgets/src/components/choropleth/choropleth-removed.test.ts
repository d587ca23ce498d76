// <chronos-choropleth> taken off the page (or moved) while its map is being created, in real Chromium: the map
// is created once the thread is idle after the MapLibre chunk ran (map-handle.ts), and it waits for its style
// before it is usable (map-controller.ts). An element removed meanwhile must not be left holding a map (a WebGL
// context, of the ~16 Chromium keeps per page, and a canvas); one moved meanwhile shows one map, coloured.
import { expect } from '@esm-bundle/chai';
import { nextEvent } from '../../testing/helpers.ts';
import { choropleth, expectPainted, isolateEachTest, KANSAS, waitFor } from '../../testing/choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

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
  // First in this file: the MapLibre chunk is loaded once per page, and resolves in an idle callback (capped at
  // 50 ms), which this test holds back until the element is gone.
  it('holds no map once removed before the idle callback after the MapLibre chunk', async () => {
    const held: (() => void)[] = [];
    const native = window.requestIdleCallback;
    window.requestIdleCallback = (callback, options) => {
      if (options?.timeout !== 50) return native(callback, options);
      held.push(() => callback({ didTimeout: true, timeRemaining: () => 0 }));
      return 0;
    };
    try {
      const removed = choropleth('metric="unemployment"');
      await waitFor(() => held.length > 0);
      await removed.updateComplete;
      removed.parentElement!.remove();
      for (const release of held.splice(0)) release();
      const shown = choropleth('metric="unemployment"');
      await nextEvent(shown, 'chronos-load');
      expectPainted(shown, 'US-KS', KANSAS);
      expect(canvases(removed), 'canvases of the removed element').to.equal(0);
      expect(removed.map).to.equal(undefined);
    } finally {
      window.requestIdleCallback = native;
    }
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
