// <chronos-choropleth> in real Chromium with WebGL, against the Chronos API (proxied by the test
// runner): page-set properties, pointer and keyboard interaction, styling and lifecycle. Colours are
// checked on the canvas's pixels. Rendering and errors: choropleth.test.ts; requests: choropleth-requests.test.ts.
import { colorsFor, formatPeriod, getScheme } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { apiRequests, legendColors, nextEvent, parseColor } from '../../testing/helpers.ts';
import {
  choropleth,
  expectPainted,
  KANSAS,
  legendColorOf,
  regionValue,
  SASKATCHEWAN,
  shadow,
  isolateEachTest,
  pagePoint,
} from '../../testing/choropleth.ts';
import { ChronosChoropleth } from './chronos-choropleth.ts';

isolateEachTest();

describe('<chronos-choropleth> properties', () => {
  it('draws page-supplied data with no API at all', async () => {
    const values: Record<string, number> = { 'US-KS': 1, 'US-NE': 2, 'US-OK': 3, 'CA-SK': 4, 'CA-AB': 5, 'CA-MB': 6 };
    const element = choropleth(
      'api="http://127.0.0.1:9" boundaries="/__chronos/boundaries.geojson" classes="3"',
      (el) => {
        el.data = values;
      },
    );
    await nextEvent(element, 'chronos-load');
    expect(await apiRequests()).to.deep.equal([]);
    expectPainted(element, 'US-KS', KANSAS);
    expectPainted(element, 'CA-SK', SASKATCHEWAN);
    expect(legendColorOf(element, 'US-KS')).to.not.deep.equal(legendColorOf(element, 'CA-SK'));
    // Replacing the data repaints without any request.
    element.data = { ...values, 'US-KS': 6, 'CA-SK': 1 };
    await nextEvent(element, 'chronos-load');
    expectPainted(element, 'US-KS', KANSAS);
    expect(await apiRequests()).to.deep.equal([]);
  });

  it('accepts an API-shaped data body', async () => {
    const element = choropleth('api="http://127.0.0.1:9" boundaries="/__chronos/boundaries.geojson"', (el) => {
      el.data = {
        metric: { id: 'x', title: 'Made up', units: 'percent', frequency: 'annual', sources: [{ name: 'Us' }] },
        time: '2020-01-01',
        values: [
          { region: 'US-KS', name: 'Kansas', value: 10 },
          { region: 'CA-SK', name: 'Saskatchewan', value: 20 },
          { region: 'US-TX', name: 'Texas', value: 30 },
        ],
        missing: [],
      };
    });
    await nextEvent(element, 'chronos-load');
    expect(shadow(element).querySelector('[part="legend-title"]')!.textContent).to.equal('Made up');
    expect(shadow(element).querySelector('[part="footer"]')!.textContent).to.contain('2020');
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('uses formatValue in the legend, table and tooltip', async () => {
    const element = choropleth('metric="unemployment"', (el) => {
      el.formatValue = (value) => (value === null ? 'n/a' : `${value} pts`);
    });
    await nextEvent(element, 'chronos-load');
    const kansas = shadow(element).querySelector('[part="table"] tr[data-region="US-KS"] td')!;
    expect(kansas.textContent).to.equal(`${regionValue(element, 'US-KS')} pts`);
    expect(shadow(element).querySelector('[part="legend"]')!.textContent).to.contain(' pts');
    expect(shadow(element).querySelector('[part="table"] tr[data-region="CA-NU"] td')!.textContent).to.equal('n/a');
  });

  it('uses colors for the classes', async () => {
    const colors = ['#ff0000', '#00ff00', '#0000ff', '#ffff00'];
    const element = choropleth('metric="unemployment"', (el) => {
      el.colors = colors;
    });
    await nextEvent(element, 'chronos-load');
    expect(element.classBreaks!.classes).to.equal(4);
    const legend = [...legendColors(element).entries()].filter(([key]) => key !== 'no-data').map(([, c]) => c);
    expect(legend.map(parseColor)).to.deep.equal(colors.map(parseColor));
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('uses custom thresholds as the breaks', async () => {
    const element = choropleth('metric="unemployment" thresholds="4, 6"');
    await nextEvent(element, 'chronos-load');
    expect(element.classBreaks!.method).to.equal('custom');
    expect(element.classBreaks!.thresholds).to.deep.equal([4, 6]);
    expect(legendColors(element).size).to.equal(4);
    expectPainted(element, 'CA-SK', SASKATCHEWAN);
  });

  it('makes breaks symmetric around midpoint with a diverging scheme', async () => {
    const element = choropleth('metric="unemployment" midpoint="5" classes="4"');
    await nextEvent(element, 'chronos-load');
    const breaks = element.classBreaks!;
    expect(breaks.thresholds).to.include(5);
    expect(getScheme('rdbu').type).to.equal('diverging');
    expect(parseColor(legendColors(element).get('0')!)).to.deep.equal(parseColor(colorsFor('rdbu', 4)[0]!));
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('applies every classification method', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    for (const method of ['quantile', 'equal-interval', 'natural-breaks', 'nice']) {
      element.classification = method;
      await element.updateComplete;
      expect(element.classBreaks!.method).to.equal(method);
    }
    await element.map!.once('idle');
    expectPainted(element, 'US-KS', KANSAS);
  });
});

describe('<chronos-choropleth> interaction', () => {
  it('highlights on hover with a tooltip and selects on click', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    const [x, y] = pagePoint(element, KANSAS);
    const hover = nextEvent(element, 'chronos-region-hover');
    await sendMouse({ type: 'move', position: [x, y] });
    const entered = await hover;
    expect(entered.detail).to.include({ code: 'US-KS', name: 'Kansas', value: regionValue(element, 'US-KS') });
    await element.updateComplete;
    const tooltip = shadow(element).querySelector('[part="tooltip"]')!;
    expect(tooltip.textContent).to.contain('Kansas');
    expect(tooltip.textContent).to.contain(`${regionValue(element, 'US-KS')!.toFixed(1)}%`);
    const data = element.loadedData!;
    expect(tooltip.textContent).to.contain(formatPeriod(data.time, data.metric.frequency));
    const click = nextEvent(element, 'chronos-region-click');
    await sendMouse({ type: 'click', position: [x, y] });
    const clicked = await click;
    expect(clicked.detail.code).to.equal('US-KS');
    expect(clicked.bubbles && clicked.composed).to.equal(true);
    expect(element.selected).to.equal('US-KS');
    expect(element.getAttribute('selected')).to.equal('US-KS');
    const left = nextEvent(element, 'chronos-region-hover');
    await sendMouse({ type: 'move', position: [2, 2] });
    expect((await left).detail).to.equal(null);
  });

  it('flags preliminary values in the tooltip', async () => {
    const element = choropleth('boundaries="/__chronos/boundaries.geojson"', (el) => {
      el.data = {
        metric: { id: 'x', title: 'Made up', units: 'percent', frequency: 'monthly', sources: [] },
        time: '2024-05-01',
        values: [
          { region: 'US-TX', name: 'Texas', value: 4.1, status: 'preliminary' },
          { region: 'US-KS', name: 'Kansas', value: 3.2, status: 'final' },
        ],
        missing: [],
      };
    });
    await nextEvent(element, 'chronos-load');
    const hover = nextEvent(element, 'chronos-region-hover');
    await sendMouse({ type: 'move', position: pagePoint(element, [-99.5, 31.5]) });
    expect((await hover).detail!.status).to.equal('preliminary');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="tooltip"]')!.textContent).to.contain('preliminary');
  });

  it('ignores the pointer when interactive="false"', async () => {
    const element = choropleth('metric="unemployment" interactive="false"');
    await nextEvent(element, 'chronos-load');
    let hovered = false;
    element.addEventListener('chronos-region-hover', () => {
      hovered = true;
    });
    await sendMouse({ type: 'move', position: pagePoint(element, KANSAS) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hovered).to.equal(false);
    expect(element.map!.dragPan.isEnabled()).to.equal(false);
  });

  it('enables cooperative gestures', async () => {
    const element = choropleth('metric="unemployment" cooperative-gestures');
    await nextEvent(element, 'chronos-load');
    expect(element.map!.cooperativeGestures.isEnabled()).to.equal(true);
  });

  it('select(code) outlines a region and zoomTo(code) fits it', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    expect(element.select('US-KS')).to.equal(true);
    expect(element.selected).to.equal('US-KS');
    expect(element.select('XX-YY')).to.equal(false);
    expect(element.selected).to.equal('US-KS');
    const zoomBefore = element.map!.getZoom();
    expect(element.zoomTo('US-KS')).to.equal(true);
    await element.map!.once('moveend');
    expect(element.map!.getZoom()).to.be.greaterThan(zoomBefore + 1);
    expect(element.map!.getBounds().contains(KANSAS)).to.equal(true);
    expect(element.map!.getBounds().contains(SASKATCHEWAN)).to.equal(false);
    expect(element.zoomTo('XX-YY')).to.equal(false);
    expect(element.select(null)).to.equal(true);
    await element.updateComplete;
    expect(element.hasAttribute('selected')).to.equal(false);
  });

  it('shows a sortable data table whose rows outline and select regions from the keyboard', async () => {
    const element = choropleth('metric="unemployment" lang="en-US"');
    await nextEvent(element, 'chronos-load');
    const root = shadow(element);
    const toggle = root.querySelector<HTMLButtonElement>('[part="table-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    // Hidden: read by screen readers, but nothing in it takes the keyboard focus.
    expect(root.querySelector('[part="table"]')!.parentElement!.getBoundingClientRect().width).to.be.at.most(1);
    expect(root.querySelectorAll('[part="table"] button')).to.have.length(0);

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.showTable).to.equal(true);
    expect(element.hasAttribute('show-table')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const panel = root.querySelector<HTMLElement>('[part="table-panel"]')!;
    expect(panel.id).to.equal(toggle.getAttribute('aria-controls'));
    expect(panel.getBoundingClientRect().width).to.be.greaterThan(400);
    expect(panel.getBoundingClientRect().height).to.be.greaterThan(100);

    // Sorting by value: ascending, then descending; regions without a value stay last.
    const order = () =>
      [...root.querySelectorAll<HTMLElement>('[part="table"] tbody tr')].map((row) => row.dataset.region!);
    const valueIn = (code: string) => regionValue(element, code);
    root.querySelector<HTMLButtonElement>('button[data-sort="value"]')!.click();
    await element.updateComplete;
    const ascending = order();
    const known = ascending.filter((code) => valueIn(code) !== null);
    expect(known.map(valueIn)).to.deep.equal(known.map(valueIn).sort((a, b) => a! - b!));
    expect(ascending.slice(known.length).every((code) => valueIn(code) === null)).to.equal(true);
    expect(root.querySelector('th[aria-sort="ascending"] button')!.getAttribute('data-sort')).to.equal('value');
    root.querySelector<HTMLButtonElement>('button[data-sort="value"]')!.click();
    await element.updateComplete;
    const descending = order().filter((code) => valueIn(code) !== null);
    expect(descending.map(valueIn)).to.deep.equal(known.map(valueIn).reverse());
    expect(root.querySelector('th[aria-sort="descending"] button')!.getAttribute('data-sort')).to.equal('value');

    // Focusing a row's region outlines it on the map, as hovering it would; Enter selects it, as a click.
    const kansas = root.querySelector<HTMLButtonElement>('tr[data-region="US-KS"] button')!;
    const hover = nextEvent(element, 'chronos-region-hover');
    kansas.focus();
    expect((await hover).detail).to.include({ code: 'US-KS', name: 'Kansas' });
    const feature = { source: 'chronos-regions', id: 'US-KS' };
    expect(element.map!.getFeatureState(feature).hover).to.equal(true);
    const click = nextEvent(element, 'chronos-region-click');
    await sendKeys({ press: 'Enter' });
    expect((await click).detail).to.include({ code: 'US-KS', value: valueIn('US-KS') });
    await element.updateComplete;
    expect(element.selected).to.equal('US-KS');
    expect(element.map!.getFeatureState(feature).selected).to.equal(true);
    expect(root.querySelector('tr[aria-current="true"]')!.getAttribute('data-region')).to.equal('US-KS');

    // Escape closes the table, clears the outline and gives the focus back to the button.
    const left = nextEvent(element, 'chronos-region-hover');
    await sendKeys({ press: 'Escape' });
    expect((await left).detail).to.equal(null);
    await element.updateComplete;
    expect(element.showTable).to.equal(false);
    expect(element.map!.getFeatureState(feature).hover).to.equal(false);
    expect(root.activeElement).to.equal(toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root.querySelectorAll('[part="table"] button')).to.have.length(0);
  });

  it('opens the data table with the show-table attribute, without region buttons when not interactive', async () => {
    const element = choropleth('metric="unemployment" show-table interactive="false"');
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    const root = shadow(element);
    expect(root.querySelector('[part="table-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector<HTMLElement>('[part="table-panel"]')!.getBoundingClientRect().height).to.be.greaterThan(
      100,
    );
    expect(root.querySelectorAll('[part="table"] tbody button')).to.have.length(0);
    expect(root.querySelector('tr[data-region="US-KS"] th')!.textContent).to.equal('Kansas');
  });
});

describe('<chronos-choropleth> styling', () => {
  it('switches to the dark theme by attribute and by prefers-color-scheme', async () => {
    const light = choropleth('metric="unemployment" theme="light"');
    const dark = choropleth('metric="unemployment" theme="dark"');
    await Promise.all([nextEvent(light, 'chronos-load'), nextEvent(dark, 'chronos-load')]);
    const background = (el: ChronosChoropleth) => parseColor(getComputedStyle(el).backgroundColor);
    expect(background(light)).to.deep.equal([255, 255, 255]);
    expect(background(dark)).to.deep.equal(parseColor('#15191e'));
    expect(mapBackground(dark)).to.equal('#0d1117');
    const auto = choropleth('metric="unemployment"');
    await nextEvent(auto, 'chronos-load');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(background(auto)).to.deep.equal(parseColor('#15191e'));
      expect(mapBackground(auto)).to.equal('#0d1117');
      expect(background(light)).to.deep.equal([255, 255, 255]);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('takes --chronos-* custom properties and exposes parts', async () => {
    const element = choropleth('metric="unemployment"');
    element.style.setProperty('--chronos-height', '300px');
    element.style.setProperty('--chronos-no-data-color', '#123456');
    await nextEvent(element, 'chronos-load');
    expect(shadow(element).querySelector<HTMLElement>('[part="map"]')!.getBoundingClientRect().height).to.equal(300);
    const fill = element.map!.getPaintProperty('chronos-regions-fill', 'fill-color') as unknown[];
    expect(fill).to.deep.include('#123456');
    for (const part of [
      'base',
      'map',
      'legend',
      'legend-title',
      'legend-item',
      'legend-swatch',
      'footer',
      'table',
      'table-toggle',
    ]) {
      expect(shadow(element).querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    }
  });

  it('positions or hides the legend', async () => {
    const element = choropleth('metric="unemployment" legend="top-right"');
    await nextEvent(element, 'chronos-load');
    expect(shadow(element).querySelector('[part="legend"]')!.getAttribute('data-position')).to.equal('top-right');
    element.legend = 'none';
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="legend"]')).to.equal(null);
  });

  it('adopts MapLibre styles into the shadow root', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    const control = shadow(element).querySelector('.maplibregl-ctrl-bottom-right')!;
    expect(getComputedStyle(control).position).to.not.equal('static');
  });
});

describe('<chronos-choropleth> lifecycle', () => {
  it('survives being moved in the document and removed', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    const other = document.createElement('div');
    other.style.width = '640px';
    document.body.append(other);
    other.append(element);
    await nextEvent(element, 'chronos-load');
    expectPainted(element, 'US-KS', KANSAS);
    element.remove();
    other.remove();
    expect(element.map).to.equal(undefined);
  });

  it('registers once and tolerates a second definition', () => {
    expect(customElements.get('chronos-choropleth')).to.equal(ChronosChoropleth);
    expect(() => ChronosChoropleth.define('chronos-choropleth')).to.not.throw();
    class Other extends ChronosChoropleth {}
    expect(() => Other.define('chronos-choropleth')).to.not.throw();
    expect(customElements.get('chronos-choropleth')).to.equal(ChronosChoropleth);
  });
});

/** The map background colour of an element's style. */
function mapBackground(element: ChronosChoropleth): string {
  return element.map!.getPaintProperty('chronos-background', 'background-color') as string;
}
