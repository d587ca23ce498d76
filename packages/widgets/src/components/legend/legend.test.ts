// <chronos-legend for> in real Chromium: mirrors the linked map's legend (classes, colours, ranges, no
// data) and follows its repaints; pointing at or focusing an entry outlines that class's regions on the map;
// `hide-map-legend` leaves the legend to this element only.
import { clearCache } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { colorsAround, legendColors, nextEvent } from '../../testing/helpers.ts';
import { readable } from '../../testing/choropleth.ts';
import { SOURCE as REGIONS_SOURCE } from '../../internal/map-layers.ts';

/** A point on Kansas's northern border (40° N). */
const KANSAS_NORTH_EDGE: [number, number] = [-98.4, 40];
import type { ChronosChoropleth } from '../choropleth/choropleth.ts';
import '../choropleth/chronos-choropleth.ts';
import './chronos-legend.ts';
import type { ChronosLegend } from './legend.ts';

const holders: HTMLElement[] = [];

function linked(legendAttributes = '', metric = 'unemployment'): { legend: ChronosLegend; map: ChronosChoropleth } {
  const holder = document.createElement('div');
  holder.style.width = '800px';
  holder.innerHTML = `<chronos-legend for="legend-map" ${legendAttributes}></chronos-legend>
    <chronos-choropleth id="legend-map" basemap="none" lazy="false" metric="${metric}"></chronos-choropleth>`;
  const map = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
  map.mapOptions = readable;
  document.body.append(holder);
  holders.push(holder);
  return { legend: holder.querySelector<ChronosLegend>('chronos-legend')!, map };
}

function items(legend: ChronosLegend): HTMLButtonElement[] {
  return [...legend.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item"]')];
}

/** What the element's entries show: class → [swatch colour, label]. */
function shown(legend: ChronosLegend): Map<string, [string, string]> {
  return new Map(
    items(legend).map((item) => [
      item.dataset.class!,
      [
        getComputedStyle(item.querySelector('[part="swatch"]')!).backgroundColor,
        item.querySelector('[part="label"]')!.textContent!.trim(),
      ],
    ]),
  );
}

/** The regions whose outline is drawn highlighted (MapLibre feature-state `highlight`). */
function highlighted(map: ChronosChoropleth, codes: string[]): string[] {
  return codes.filter((code) => map.map!.getFeatureState({ source: REGIONS_SOURCE, id: code }).highlight === true);
}

beforeEach(() => clearCache());
afterEach(() => {
  for (const holder of holders.splice(0)) holder.remove();
});

describe('<chronos-legend for>', () => {
  it("mirrors the map's legend and follows its repaints", async () => {
    const { legend, map } = linked();
    await nextEvent(map, 'chronos-load');
    await legend.updateComplete;
    const mapLegend = legendColors(map);
    const entries = shown(legend);
    expect([...entries.keys()]).to.deep.equal([...mapLegend.keys()]);
    for (const [index, color] of mapLegend) {
      if (index !== 'no-data') expect(entries.get(index)![0], `class ${index}`).to.equal(color);
    }
    expect(entries.get('no-data')![1]).to.equal('No data');
    const model = map.legendModel!;
    expect(legend.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain(model.title);
    expect(entries.get('0')![1]).to.equal(model.entries[0]!.label);

    // A style-only change repaints without a chronos-load but with a chronos-legend-change: the legend follows.
    let loads = 0;
    map.addEventListener('chronos-load', () => (loads += 1));
    let changed = nextEvent(map, 'chronos-legend-change');
    map.setAttribute('classes', '7');
    const detail = (await changed).detail;
    expect(detail.legend.entries.filter((item) => item.index !== 'no-data')).to.have.length(7);
    await legend.updateComplete;
    expect(items(legend).filter((item) => item.dataset.class !== 'no-data')).to.have.length(7);
    changed = nextEvent(map, 'chronos-legend-change');
    map.scheme = 'greens';
    await changed;
    await legend.updateComplete;
    for (const [index, color] of legendColors(map)) {
      if (index !== 'no-data')
        expect(shown(legend).get(index)![0], `class ${index} after the scheme change`).to.equal(color);
    }
    expect(loads, 'a style-only change fires no chronos-load').to.equal(0);
  });

  it("outlines a class's regions on the map while its entry is pointed at or focused", async () => {
    const { legend, map } = linked('hide-map-legend');
    await nextEvent(map, 'chronos-load');
    await legend.updateComplete;
    expect(map.legend).to.equal('none');
    expect(map.shadowRoot!.querySelector('[part="legend"]')).to.equal(null);

    const model = map.legendModel!;
    const all = model.entries.flatMap((entry) => entry.regions);
    const [first, second] = model.entries.filter((entry) => entry.regions.length > 0);
    const entry = (index: number | 'no-data') => items(legend).find((item) => item.dataset.class === String(index))!;
    expect(highlighted(map, all)).to.deep.equal([]);

    entry(first!.index).focus();
    expect(highlighted(map, all).sort()).to.deep.equal([...first!.regions].sort());
    await sendKeys({ press: 'Tab' });
    expect(highlighted(map, all).sort()).to.deep.equal([...second!.regions].sort());
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(highlighted(map, all).sort()).to.deep.equal([...first!.regions].sort());
    entry(first!.index).blur();
    expect(highlighted(map, all)).to.deep.equal([]);

    entry('no-data').dispatchEvent(new PointerEvent('pointerenter'));
    expect(highlighted(map, all).sort()).to.deep.equal([...map.loadedData!.missing].sort());
    entry('no-data').dispatchEvent(new PointerEvent('pointerleave'));
    expect(highlighted(map, all)).to.deep.equal([]);

    // What the outline looks like: a highlighted region's border is drawn in the hover outline colour.
    const kansas = model.entries.find((item) => item.regions.includes('US-KS'))!;
    const idle = () => new Promise((resolve) => map.map!.once('idle', resolve));
    const border = () => colorsAround(map, KANSAS_NORTH_EDGE).map(String);
    const before = border();
    entry(kansas.index).dispatchEvent(new PointerEvent('pointerenter'));
    map.map!.triggerRepaint();
    await idle();
    expect(border(), 'the outline changes colour').to.not.deep.equal(before);

    // Unlinked (removed), the map gets its own legend back.
    legend.remove();
    await map.updateComplete;
    expect(map.legend).to.equal('bottom-left');
  });

  it('shows one labelled row per country for a metric classified per country; an entry highlights only its country', async () => {
    const { legend, map } = linked('', 'income-per-capita');
    await nextEvent(map, 'chronos-load');
    await legend.updateComplete;
    const mapRows = [...map.shadowRoot!.querySelectorAll('[part="legend-group"]')].map((row) =>
      row.textContent!.trim(),
    );
    const rows = [...legend.shadowRoot!.querySelectorAll('[part="country"]')].map((row) => row.textContent!.trim());
    expect(mapRows).to.have.length(2);
    expect(rows).to.deep.equal(mapRows);
    // Class 0 is the lowest class of each country: focused in one country's row, only that country's regions.
    const entries = map.legendModel!.entries;
    const all = entries.flatMap((entry) => entry.regions);
    for (const country of ['US', 'CA']) {
      const entry = entries.find((item) => item.index === 0 && item.country === country)!;
      expect(entry.regions.length, `${country} class 0 has regions`).to.be.greaterThan(0);
      items(legend)
        .find((item) => item.dataset.class === '0' && item.dataset.country === country)!
        .focus();
      expect(highlighted(map, all).sort(), country).to.deep.equal([...entry.regions].sort());
    }
    (legend.shadowRoot!.activeElement as HTMLElement).blur();
    expect(highlighted(map, all)).to.deep.equal([]);
  });

  it("the map's own legend, classified per country: a class highlights only its country's regions", async () => {
    const { map } = linked('', 'income-per-capita');
    await nextEvent(map, 'chronos-load');
    await map.updateComplete;
    const entries = map.legendModel!.entries;
    const all = entries.flatMap((entry) => entry.regions);
    const state = (code: string) => map.map!.getFeatureState({ source: REGIONS_SOURCE, id: code });
    for (const country of ['US', 'CA']) {
      const entry = entries.find((item) => item.index === 0 && item.country === country)!;
      const item = map.shadowRoot!.querySelector<HTMLElement>(
        `ul[data-country="${country}"] [part="legend-item"][data-class="0"]`,
      )!;
      item.focus();
      expect(highlighted(map, all).sort(), country).to.deep.equal([...entry.regions].sort());
      // Every other region is faded, the other country's lowest class too.
      const dimmed = all.filter((code) => state(code).dimmed === true);
      expect(dimmed.sort()).to.deep.equal(all.filter((code) => !entry.regions.includes(code)).sort());
      // Read with the number of that country's regions in the class.
      expect(item.textContent).to.contain(entry.regions.length === 1 ? '1 region' : `${entry.regions.length} regions`);
      item.blur();
    }
    expect(highlighted(map, all)).to.deep.equal([]);
  });
});
