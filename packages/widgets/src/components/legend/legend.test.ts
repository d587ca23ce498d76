// <chronos-legend for> in real Chromium: mirrors the linked map's legend (classes, colours, ranges, no
// data) and follows its repaints; pointing at or focusing an entry outlines that class's regions on the map;
// `hide-map-legend` leaves the legend to this element only.
import { clearCache } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { colorsAround, legendColors, nextEvent } from '../../test/helpers.ts';
import { readable } from '../../test/choropleth.ts';
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

    // A style attribute repaints without a chronos-load: the legend follows it too.
    map.setAttribute('classes', '7');
    await map.updateComplete;
    await legend.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(items(legend).filter((item) => item.dataset.class !== 'no-data')).to.have.length(7);
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

  it('shows one labelled row per country for a metric classified per country, as the map does', async () => {
    const { legend, map } = linked('', 'income-per-capita');
    await nextEvent(map, 'chronos-load');
    await legend.updateComplete;
    const mapRows = [...map.shadowRoot!.querySelectorAll('[part="legend-group"]')].map((row) =>
      row.textContent!.trim(),
    );
    const rows = [...legend.shadowRoot!.querySelectorAll('[part="country"]')].map((row) => row.textContent!.trim());
    expect(mapRows).to.have.length(2);
    expect(rows).to.deep.equal(mapRows);
    // Class 0 is the lowest class of each country: its regions come from both.
    const first = items(legend).find((item) => item.dataset.class === '0')!;
    first.focus();
    const countries = new Set(
      highlighted(
        map,
        map.legendModel!.entries.flatMap((e) => e.regions),
      ).map((c) => c.slice(0, 2)),
    );
    expect([...countries].sort()).to.deep.equal(['CA', 'US']);
  });
});
