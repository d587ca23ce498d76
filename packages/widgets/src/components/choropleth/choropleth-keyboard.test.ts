// <chronos-choropleth> without a pointer, in real Chromium with WebGL: the map is one tab stop, arrow keys
// walk the regions (across the US–Canada border) with the focus drawn on the map (feature-state checked),
// Home/End/Enter/Escape, the live region's words for the focused region and for a change of period, the
// legend highlighting its regions, and prefers-reduced-motion. Languages: choropleth-lang.test.ts; axe:
// choropleth-axe.test.ts.
import { regionAnchor } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { nextEvent } from '../../testing/helpers.ts';
import { choropleth, isolateEachTest, shadow, waitFor } from '../../testing/choropleth.ts';
import './chronos-choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';

isolateEachTest();

function mapArea(element: ChronosChoropleth): HTMLElement {
  return shadow(element).querySelector<HTMLElement>('[part="map"]')!;
}

function state(element: ChronosChoropleth, code: string): Record<string, unknown> {
  return element.map!.getFeatureState({ source: 'chronos-regions', id: code });
}

/** Codes of the data table's rows, in its order (by name). */
function tableCodes(element: ChronosChoropleth): string[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[part="table"] tbody tr')].map(
    (row) => row.dataset.region!,
  );
}

/** Regions whose feature-state `flag` is true. */
function flagged(element: ChronosChoropleth, flag: string): string[] {
  return tableCodes(element).filter((code) => state(element, code)[flag] === true);
}

function live(element: ChronosChoropleth): string {
  return shadow(element).querySelector('[aria-live="polite"]')!.textContent!.trim();
}

function cell(element: ChronosChoropleth, code: string, column: number): string {
  return shadow(element).querySelectorAll(`[part="table"] tr[data-region="${code}"] > *`)[column]!.textContent!.trim();
}

/** Tabs into the map from the top of the page (a real key press, so the focus is keyboard focus). */
async function tabIntoMap(element: ChronosChoropleth): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  await sendKeys({ press: 'Tab' });
  expect(shadow(element).activeElement, 'the first tab stop is the map').to.equal(mapArea(element));
  await element.updateComplete;
}

async function press(element: ChronosChoropleth, key: string): Promise<void> {
  await sendKeys({ press: key });
  await element.updateComplete;
}

describe('<chronos-choropleth> keyboard', () => {
  it('walks from Washington into British Columbia and back with the arrow keys, the focus outlined on the map', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    element.select('US-WA');
    await tabIntoMap(element);
    // The focus starts on the selected region.
    expect(flagged(element, 'focused')).to.deep.equal(['US-WA']);
    await press(element, 'ArrowUp');
    expect(flagged(element, 'focused')).to.deep.equal(['CA-BC']);
    expect(state(element, 'US-WA').focused).to.equal(false);
    const tooltip = shadow(element).querySelector('[part="tooltip"]')!;
    expect(tooltip.textContent).to.contain('British Columbia');
    expect(live(element)).to.match(/^British Columbia: /);
    expect(live(element)).to.contain(cell(element, 'CA-BC', 1));
    expect(live(element)).to.contain(`class ${cell(element, 'CA-BC', 2)}`);
    await press(element, 'ArrowDown');
    expect(flagged(element, 'focused')).to.deep.equal(['US-WA']);
    expect(live(element)).to.match(/^Washington: /);
    // The outline is drawn by its own layer, visible only where `focused` is set.
    expect(element.map!.getLayer('chronos-regions-focus')).to.not.equal(undefined);
    // One tab stop: MapLibre's canvas is neither focusable nor a "Map" landmark.
    const canvas = element.map!.getCanvas();
    expect([canvas.getAttribute('tabindex'), canvas.getAttribute('role')]).to.deep.equal([null, null]);
    // Leaving the map takes the outline away; coming back takes the last region up again.
    mapArea(element).blur();
    await element.updateComplete;
    expect(flagged(element, 'focused')).to.deep.equal([]);
  });

  it('Home and End go to the first and last region, Enter selects as a click does, Escape clears', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    await tabIntoMap(element);
    const order = tableCodes(element);
    await press(element, 'Home');
    expect(flagged(element, 'focused')).to.deep.equal([order[0]]);
    await press(element, 'End');
    expect(flagged(element, 'focused')).to.deep.equal([order.at(-1)]);
    const click = nextEvent(element, 'chronos-region-click');
    await press(element, 'Enter');
    expect((await click).detail.code).to.equal(order.at(-1));
    expect(element.selected).to.equal(order.at(-1));
    expect(state(element, order.at(-1)!).selected).to.equal(true);
    await press(element, 'Escape');
    expect(element.selected).to.equal(undefined);
    expect(flagged(element, 'focused')).to.deep.equal([]);
    expect(shadow(element).querySelector('[part="tooltip"]')).to.equal(null);
    // With nothing focused, an arrow starts from the region at the centre of the view.
    await press(element, 'ArrowLeft');
    expect(flagged(element, 'focused')).to.have.length(1);
  });

  it('announces each change of period: highest, lowest and how many regions have no data', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    expect(live(element)).to.equal('');
    const [year, month] = element.loadedData!.time.split('-').map(Number) as [number, number];
    element.time = `${month > 6 ? year : year - 1}-${String(((month + 5) % 12) + 1).padStart(2, '0')}`;
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    const data = element.loadedData!;
    const values = data.values.filter((value) => typeof value.value === 'number');
    const highest = values.reduce((a, b) => (b.value! > a.value! ? b : a));
    const lowest = values.reduce((a, b) => (b.value! < a.value! ? b : a));
    const missing = tableCodes(element).filter((code) => cell(element, code, 1) === 'No data').length;
    const period = shadow(element).querySelector('[part="table"] caption')!.textContent!.split(', ').at(-1)!.trim();
    const expected =
      `${period}: highest ${highest.name} ${cell(element, highest.region, 1)}, ` +
      `lowest ${lowest.name} ${cell(element, lowest.region, 1)}` +
      (missing > 0 ? `, ${missing} region${missing === 1 ? '' : 's'} without data` : '');
    expect(live(element)).to.equal(expected);
    // The same summary is the map's accessible description.
    const summary = shadow(element).getElementById('summary')!;
    expect(mapArea(element).getAttribute('aria-describedby')).to.contain('summary');
    expect(summary.textContent!.trim()).to.equal(expected);
    // The data table follows the period.
    expect(cell(element, highest.region, 1)).to.equal(
      new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(highest.value! / 100),
    );
  });

  it('legend classes take the focus and the pointer, and highlight their regions on the map', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    const item = shadow(element).querySelector<HTMLElement>('[part="legend-item"][data-class="0"]')!;
    item.focus();
    await element.updateComplete;
    const inClass = flagged(element, 'highlight');
    expect(inClass.length).to.be.greaterThan(0);
    for (const code of inClass) expect(cell(element, code, 2)).to.match(/^1 of \d$/);
    const dimmed = flagged(element, 'dimmed');
    expect(dimmed).to.not.include(inClass[0]);
    expect(dimmed.length + inClass.length).to.equal(tableCodes(element).length);
    expect(live(element)).to.contain(`${inClass.length} regions: `);
    expect(item.textContent).to.contain(`${inClass.length} regions`);
    item.blur();
    await element.updateComplete;
    expect(flagged(element, 'highlight')).to.deep.equal([]);
    expect(flagged(element, 'dimmed')).to.deep.equal([]);
  });

  it('with prefers-reduced-motion, a focused region off-screen is brought into view without animation', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const element = choropleth('metric="unemployment"');
      await nextEvent(element, 'chronos-load');
      const map = element.map!;
      const anchor = regionAnchor(
        (await (await fetch('/__chronos/boundaries.geojson')).json()).features.find(
          (feature: { id: string }) => feature.id === 'CA-NU',
        ).geometry,
      )!;
      const inView = () => map.getBounds().contains(anchor);
      expect(inView(), 'Nunavut starts outside the view').to.equal(false);
      element.select('CA-NU');
      await tabIntoMap(element);
      expect(flagged(element, 'focused')).to.deep.equal(['CA-NU']);
      expect(map.isMoving(), 'jumped, not flying').to.equal(false);
      expect(inView()).to.equal(true);
      await waitFor(() => shadow(element).querySelector('[part="tooltip"]') !== null);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
