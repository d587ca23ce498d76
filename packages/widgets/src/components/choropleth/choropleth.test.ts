import { expect } from '@esm-bundle/chai';
import { classIndex } from '@chronos/core';
import type { ChronosChoropleth } from './choropleth.ts';
import {
  apiRequests,
  closeTo,
  legendColors,
  mount,
  nextEvent,
  parseColor,
  pixelAt,
  resetRequests,
  unmountAll,
} from '../../test/helpers.ts';

const KANSAS: [number, number] = [-98.4, 38.5];
const SASKATCHEWAN: [number, number] = [-105.9, 54.4];

afterEach(() => unmountAll());

describe('<chronos-choropleth> with the API', () => {
  it('paints each region in the legend colour of its class', async () => {
    await resetRequests();
    const element = mount('<chronos-choropleth metric="unemployment" basemap="none"></chronos-choropleth>', (el) => {
      (el as ChronosChoropleth).mapOptions = { canvasContextAttributes: { preserveDrawingBuffer: true } };
    });
    const load = await nextEvent(element, 'chronos-load');
    expect(load.detail.metric).to.equal('unemployment');
    const legend = legendColors(element);
    const rows = element.shadowRoot!.querySelectorAll('[part="table"] tbody tr');
    expect(rows.length).to.be.greaterThan(60);
    const breaks = element.classBreaks!;
    for (const [code, lngLat] of [
      ['US-KS', KANSAS],
      ['CA-SK', SASKATCHEWAN],
    ] as const) {
      const value = Number(
        (element as unknown as { shown: { values: { region: string; value: number }[] } }).shown.values.find(
          (v) => v.region === code,
        )!.value,
      );
      const expected = parseColor(legend.get(String(classIndex(value, breaks)))!);
      const actual = pixelAt(element, lngLat);
      expect(closeTo(actual, expected), `${code}: canvas ${actual} vs legend ${expected}`).to.equal(true);
    }
    console.log(await apiRequests());
  });
});
