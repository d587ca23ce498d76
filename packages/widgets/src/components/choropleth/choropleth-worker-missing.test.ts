// <chronos-choropleth> whose MapLibre worker file is missing (404: a bundler that did not emit it, a wrong asset
// path), in real Chromium: the regions go to the map before the worker check's answer, but the element must still
// end in its documented `map` error, once, naming the worker, never a grey map with a legend. The worker's URL is
// set before MapLibre's chunk starts its workers, so this file's page never has a working worker.
import { messagesFor } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { setWorkerUrl } from 'maplibre-gl';
import type { ChronosErrorDetail } from '../../events/error.ts';
import { choropleth, isolateEachTest, shadow } from '../../testing/choropleth.ts';
import { nextEvent } from '../../testing/helpers.ts';
import './chronos-choropleth.ts';

const MISSING = new URL('/__chronos/no-such-worker.mjs', location.href).href;
setWorkerUrl(MISSING);

isolateEachTest();

describe('<chronos-choropleth> with a missing MapLibre worker', () => {
  it("ends in one chronos-error kind 'map' naming the worker file, and the error state", async () => {
    const element = choropleth('metric="unemployment"');
    const errors: ChronosErrorDetail[] = [];
    let loads = 0;
    element.addEventListener('chronos-error', (event) => errors.push(event.detail));
    element.addEventListener('chronos-load', () => loads++);
    await nextEvent(element, 'chronos-error');
    // Both ways the page learns of it have settled: the worker check's answer and MapLibre's own error.
    const { workerReady } = await import('../../internal/maplibre-runtime.ts');
    await workerReady.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await element.updateComplete;
    expect(errors.map((error) => error.kind)).to.deep.equal(['map']);
    const reason = `MapLibre's worker could not be loaded from ${MISSING} (HTTP 404).`;
    expect([messagesFor('en').errors.cannotDraw(reason), messagesFor('en').mapFailures.worker]).to.include(
      errors[0]!.message,
    );
    expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain(errors[0]!.message);
    expect(loads).to.equal(0);
    expect(element.map).to.equal(undefined);
  });
});
