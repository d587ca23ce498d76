// The requests <chronos-choropleth> makes, in real Chromium against the Chronos API (proxied by the test
// runner, which counts what reaches the server): geometry once per page, values only on a metric or time
// change, nothing on a style change, the api-key, `api`, `geo` and `stable-breaks`. Basemap and PMTiles
// boundaries: choropleth-tiles.test.ts.
import { colorsFor } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { apiRequests, legendColors, nextEvent, parseColor, resetRequests } from '../../testing/helpers.ts';
import { choropleth, expectPainted, isolateEachTest, KANSAS, SASKATCHEWAN, shadow } from '../../testing/choropleth.ts';
import type { ChronosChoropleth } from './chronos-choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

describe('<chronos-choropleth> requests', () => {
  it('changing metric or time fetches values only and never geometry again', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    const latest = element.loadedData!.time;
    await resetRequests();
    element.metric = 'median-income';
    await nextEvent(element, 'chronos-load');
    expectPainted(element, 'US-KS', KANSAS);
    const change = nextEvent(element, 'chronos-time-change');
    const load = nextEvent(element, 'chronos-load');
    element.time = '2024-03';
    expect((await change).detail).to.deep.equal({ time: '2024-03-01', previous: latest });
    await load;
    expectPainted(element, 'US-KS', KANSAS);
    const requests = await apiRequests();
    expect(requests).to.have.length(2);
    expect(requests.every((r) => r.includes('mode=data'))).to.equal(true);
    expect(requests[1]).to.contain('time=2024-03');
  });

  it('changing classification, classes, scheme or reverse fetches nothing and repaints', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    await resetRequests();
    element.scheme = 'viridis';
    element.classes = '7';
    element.classification = 'equal-interval';
    await element.updateComplete;
    await element.map!.once('idle');
    const legend = [...legendColors(element).entries()].filter(([key]) => key !== 'no-data');
    expect(legend.map(([, color]) => parseColor(color))).to.deep.equal(colorsFor('viridis', 7).map(parseColor));
    expect(element.classBreaks!.method).to.equal('equal-interval');
    expectPainted(element, 'US-KS', KANSAS);
    element.reverse = true;
    await element.updateComplete;
    await element.map!.once('idle');
    expect(parseColor(legendColors(element).get('0')!)).to.deep.equal(parseColor(colorsFor('viridis', 7)[6]!));
    expectPainted(element, 'CA-SK', SASKATCHEWAN);
    expect(await apiRequests()).to.deep.equal([]);
  });

  it('two maps on one page share one boundaries request', async () => {
    const first = choropleth('metric="unemployment"');
    const second = choropleth('metric="median-income"');
    await Promise.all([nextEvent(first, 'chronos-load'), nextEvent(second, 'chronos-load')]);
    const requests = await apiRequests();
    expect(requests.filter((r) => r.includes('mode=boundaries'))).to.have.length(1);
    expect(requests.filter((r) => r.includes('mode=data'))).to.have.length(2);
    expectPainted(second, 'US-KS', KANSAS);
  });

  it('maps of different region sets share one boundaries request (the demo page)', async () => {
    const both = choropleth('metric="unemployment"');
    const us = choropleth('metric="unemployment" geo="us-states"');
    const canada = choropleth('metric="unemployment" geo="ca-provinces"');
    await Promise.all([both, us, canada].map((element) => nextEvent(element, 'chronos-load')));
    const requests = await apiRequests();
    expect(requests.filter((r) => r.includes('mode=boundaries'))).to.have.length(1);
    const codes = (element: ChronosChoropleth) =>
      [...shadow(element).querySelectorAll<HTMLElement>('[part="table"] tbody tr')].map((row) => row.dataset.region!);
    expect(codes(us).every((code) => code.startsWith('US-'))).to.equal(true);
    expect(codes(canada).every((code) => code.startsWith('CA-'))).to.equal(true);
    expect(
      codes(both).some((code) => code.startsWith('US-')) && codes(both).some((code) => code.startsWith('CA-')),
    ).to.equal(true);
    expectPainted(us, 'US-KS', KANSAS);
    expectPainted(canada, 'CA-SK', SASKATCHEWAN);
  });

  it('sends the api-key and honours geo', async () => {
    const { apiKey } = (await (await fetch('/__chronos/backend')).json()) as { apiKey: string };
    const element = choropleth(`metric="unemployment" geo="us-states" api-key="${apiKey}"`);
    await nextEvent(element, 'chronos-load');
    const requests = await apiRequests();
    expect(requests.length).to.be.greaterThan(0);
    expect(requests.every((r) => r.includes(`key=${apiKey}`))).to.equal(true);
    // Values for the requested set only; geometry is the page-wide download of every set (see below).
    expect(requests.filter((r) => r.includes('mode=data')).every((r) => r.includes('geo=us-states&'))).to.equal(true);
    const codes = [...shadow(element).querySelectorAll<HTMLElement>('[part="table"] tbody tr')].map(
      (row) => row.dataset.region!,
    );
    expect(codes.every((code) => code.startsWith('US-'))).to.equal(true);
  });

  it('uses the api attribute as the base URL', async () => {
    const element = choropleth(`metric="unemployment" api="${location.origin}/"`);
    await nextEvent(element, 'chronos-load');
    expect(await apiRequests()).to.have.length(2);
  });

  it('classifies over every period with stable-breaks (one series request)', async () => {
    const element = choropleth('metric="unemployment" stable-breaks');
    await nextEvent(element, 'chronos-load');
    const first = element.classBreaks!;
    element.time = '2024-02';
    await nextEvent(element, 'chronos-load');
    expect(element.classBreaks!.thresholds).to.deep.equal(first.thresholds);
    expect(element.classBreaks!.count).to.be.greaterThan(element.loadedData!.values.length);
    const requests = await apiRequests();
    expect(requests.filter((r) => r.includes('/api/metrics/unemployment'))).to.have.length(1);
    expectPainted(element, 'US-KS', KANSAS);
  });
});
