// A step in time on <chronos-choropleth> (what the time slider does every second while playing) rewrites
// the feature state of the regions whose colour changes, and of no other: MapLibre recomputes its paint
// arrays only for those. Every region still shows its class's colour afterwards (feature state checked).
import { expect } from '@esm-bundle/chai';
import { choropleth, isolateEachTest } from '../../testing/choropleth.ts';
import { nextEvent } from '../../testing/helpers.ts';
import { SOURCE } from '../../internal/map-layers.ts';
import './chronos-choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';

isolateEachTest();

/** The colour each region should show: its legend entry's (null without a value). */
function expectedColors(element: ChronosChoropleth): Map<string, string | null> {
  const colors = new Map<string, string | null>();
  for (const entry of element.legendModel!.entries) {
    for (const code of entry.regions) colors.set(code, entry.index === 'no-data' ? null : entry.color);
  }
  return colors;
}

describe('<chronos-choropleth> steps in time', () => {
  it('writes the colour of the regions whose colour changed, and of no other', async () => {
    // Fixed thresholds: as during play (stable breaks), most regions keep their class from one month to the next.
    const element = choropleth('metric="unemployment" thresholds="3, 4, 5, 6" time="2024-01"');
    await nextEvent(element, 'chronos-load');
    const map = element.map!;
    const stateColor = (code: string) =>
      (map.getFeatureState({ source: SOURCE, id: code }).color ?? null) as string | null;
    const codes = [...expectedColors(element).keys()];
    expect(codes.length).to.be.greaterThan(60);
    for (const code of codes) expect(stateColor(code), code).to.equal(expectedColors(element).get(code));

    const written: string[] = [];
    const setFeatureState = map.setFeatureState.bind(map);
    map.setFeatureState = (feature, state) => {
      if ('color' in state) written.push(String(feature.id));
      return setFeatureState(feature, state);
    };
    for (const time of ['2024-02', '2024-03', '2024-04']) {
      written.length = 0;
      const before = new Map(codes.map((code) => [code, stateColor(code)]));
      const loaded = nextEvent(element, 'chronos-load');
      element.time = time;
      await loaded;
      const expected = expectedColors(element);
      for (const code of codes) expect(stateColor(code), `${time} ${code}`).to.equal(expected.get(code) ?? null);
      const changed = codes.filter((code) => before.get(code) !== stateColor(code));
      expect(written.sort(), time).to.deep.equal(changed.sort());
      expect(written.length, `${time}: not every region`).to.be.lessThan(codes.length);
    }
  });
});
