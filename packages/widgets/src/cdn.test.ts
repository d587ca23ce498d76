// The CDN bundle (dist/cdn/chronos.js, built before the tests) as a third-party page uses it: one module
// that registers the element (with the code it shares with its lazy chunks in chunks/shared-*.js), with
// MapLibre and its worker loaded lazily from the chunks beside it, none of which loads the entry again.
import { classIndex, messagesFor } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import type { ChronosChoropleth } from './components/choropleth/choropleth.ts';
import { closeTo, legendColors, nextEvent, parseColor, pixelAt } from './testing/helpers.ts';

const KANSAS: [number, number] = [-98.4, 38.5];

describe('CDN bundle', () => {
  it('registers <chronos-choropleth>, loads MapLibre lazily and paints from the API of its own origin', async () => {
    const errors: unknown[] = [];
    window.addEventListener('error', (event) => errors.push(event.error ?? event.message));
    const before = performance.getEntriesByType('resource').length;
    // With a query string, as pages pin a version: the lazy chunks must not import the entry by its plain
    // URL, which would be a second copy of the library.
    await import(/* @vite-ignore */ `${'/packages/widgets/dist/cdn/chronos.js'}?v=test`);
    const entryLoads = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((e) => e.name);
    expect(entryLoads.some((name) => name.includes('maplibre-runtime'))).to.equal(false);

    const element = document.createElement('chronos-choropleth') as ChronosChoropleth;
    expect(element.constructor.name).to.not.equal('HTMLElement');
    element.setAttribute('metric', 'unemployment');
    element.setAttribute('basemap', 'none');
    element.mapOptions = { canvasContextAttributes: { preserveDrawingBuffer: true } };
    document.body.append(element);
    await nextEvent(element, 'chronos-load');
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((name) => /chunks\/maplibre-runtime-.*\.js$/.test(name))).to.equal(true);
    expect(loaded.some((name) => /chunks\/maplibre-gl-worker-.*\.mjs/.test(name))).to.equal(true);
    // An English page never fetches the French catalogue (a chunk of its own).
    expect(loaded.some((name) => /chunks\/fr-.*\.js$/.test(name))).to.equal(false);
    const value = element.loadedData!.values.find((v) => v.region === 'US-KS')!.value;
    const expected = parseColor(legendColors(element).get(String(classIndex(value, element.classBreaks!)))!);
    expect(closeTo(pixelAt(element, KANSAS), expected)).to.equal(true);
    element.remove();
    expect(loaded.filter((name) => /\/cdn\/chronos\.js(\?|$)/.test(name))).to.deep.equal([
      `${location.origin}/packages/widgets/dist/cdn/chronos.js?v=test`,
    ]);
    expect(errors).to.deep.equal([]);
  });

  it('fetches the French catalogue for a French map, which then speaks French', async () => {
    await import(/* @vite-ignore */ `${'/packages/widgets/dist/cdn/chronos.js'}?v=test`);
    const holder = document.createElement('div');
    holder.lang = 'fr';
    const element = document.createElement('chronos-choropleth') as ChronosChoropleth;
    element.setAttribute('metric', 'unemployment');
    element.setAttribute('basemap', 'none');
    element.setAttribute('show-table', '');
    holder.append(element);
    document.body.append(holder);
    const loaded = nextEvent(element, 'chronos-load');
    await element.updateComplete;
    // Before the French strings arrive the loading status is empty, never English.
    const skeleton = element.shadowRoot!.querySelector('[part="skeleton"]')?.textContent?.trim() ?? '';
    expect(['', messagesFor('fr').map.loading]).to.include(skeleton);
    await loaded;
    await element.updateComplete;
    const toggle = element.shadowRoot!.querySelector('[part="table-toggle"]')!.textContent!.trim();
    expect(toggle).to.equal('Masquer le tableau');
    const fetched = performance.getEntriesByType('resource').map((e) => e.name);
    expect(fetched.filter((name) => /chunks\/fr-.*\.js$/.test(name))).to.have.length(1);
    holder.remove();
  });
});
