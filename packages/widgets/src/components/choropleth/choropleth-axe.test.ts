// axe-core (WCAG 2.2 AA rules, shadow DOM included) over <chronos-choropleth> in every state it can be in —
// loading, loaded, table shown, selected, region focused, legend class focused, error, no data — in the light
// and the dark theme; and several maps on one page: each its own accessible name, none a landmark.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../../testing/axe.ts';
import { mount, nextEvent } from '../../testing/helpers.ts';
import { choropleth, isolateEachTest, shadow, waitFor } from '../../testing/choropleth.ts';
import './chronos-choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';

isolateEachTest();

async function expectNoViolations(element: ChronosChoropleth, state: string): Promise<void> {
  await element.updateComplete;
  expect(await axeViolations(element), state).to.deep.equal([]);
}

for (const theme of ['light', 'dark']) {
  describe(`<chronos-choropleth> axe, ${theme} theme`, () => {
    it('loading, loaded, table shown, selected, region focused, legend focused: no violation', async () => {
      // The default basemap: its attribution (a button and links) is inside the map area too.
      const element = mount<ChronosChoropleth>(`<chronos-choropleth metric="unemployment" theme="${theme}">`);
      // Far below the fold the map waits to be scrolled near: the loading state holds still for axe.
      element.parentElement!.style.marginTop = '20000px';
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="skeleton"]')).to.not.equal(null);
      await expectNoViolations(element, 'loading');
      const loaded = nextEvent(element, 'chronos-load');
      element.parentElement!.style.marginTop = '';
      await loaded;
      await waitFor(
        () => shadow(element).querySelector('.maplibregl-ctrl-attrib:not(.maplibregl-attrib-empty)') !== null,
      );
      await expectNoViolations(element, 'loaded');
      element.showTable = true;
      await expectNoViolations(element, 'table shown');
      element.select('US-KS');
      await expectNoViolations(element, 'selected');
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowUp' });
      expect(shadow(element).querySelector('[part="tooltip"]')).to.not.equal(null);
      await expectNoViolations(element, 'region focused');
      shadow(element).querySelector<HTMLElement>('[part="legend-item"]')!.focus();
      await expectNoViolations(element, 'legend class focused');
    });

    it('error and no data: no violation', async () => {
      const failing = choropleth(`metric="no-such-metric" theme="${theme}"`);
      await nextEvent(failing, 'chronos-error');
      expect(shadow(failing).querySelector('[part="error"]')).to.not.equal(null);
      await expectNoViolations(failing, 'error');
      const empty = choropleth(`boundaries="/__chronos/boundaries.geojson" theme="${theme}"`, (el) => {
        el.data = { 'US-KS': null, 'CA-SK': null };
      });
      await nextEvent(empty, 'chronos-load');
      expect(shadow(empty).querySelector('[part="empty"]')).to.not.equal(null);
      await expectNoViolations(empty, 'no data');
    });
  });
}

describe('<chronos-choropleth> on a page with other maps', () => {
  it('gives every map its own accessible name (metric and period, or the page’s title) and no landmark', async () => {
    const first = choropleth('metric="unemployment"');
    const second = choropleth('metric="income-per-capita"');
    // With the default basemap, whose attribution button and links sit inside the map area.
    const third = mount<ChronosChoropleth>('<chronos-choropleth metric="unemployment" title="Unemployment, my way">');
    await Promise.all([first, second, third].map((element) => nextEvent(element, 'chronos-load')));
    await waitFor(() => shadow(third).querySelector('.maplibregl-ctrl-attrib:not(.maplibregl-attrib-empty)') !== null);
    expect(await axeViolations(document.body)).to.deep.equal([]);
    const names = [first, second, third].map(
      (element) => shadow(element).querySelector('[part="map"]')!.getAttribute('aria-label')!,
    );
    expect(new Set(names).size).to.equal(3);
    expect(names[0]).to.match(/^Map: .+, \w+ \d{4}$/);
    expect(names[2]).to.equal('Unemployment, my way');
    for (const element of [first, second, third]) {
      expect(shadow(element).querySelectorAll('[role="region"], [role="img"]')).to.have.length(0);
    }
  });
});
