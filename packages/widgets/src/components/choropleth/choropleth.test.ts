// <chronos-choropleth> in real Chromium with WebGL, against the Chronos API (proxied by the test
// runner, which counts what reaches the server). Colours are checked on the canvas's pixels.
import { colorsFor, formatPeriod, getScheme } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  apiRequests,
  closeTo,
  colorsAround,
  legendColors,
  mount,
  nextEvent,
  parseColor,
  pixelAt,
  type Rgb,
  resetRequests,
} from '../../test/helpers.ts';
import {
  choropleth,
  expectPainted,
  KANSAS,
  legendColorOf,
  NUNAVUT,
  readable,
  regionValue,
  SASKATCHEWAN,
  settled,
  shadow,
  waitFor,
  basemapLayers,
  isolateEachTest,
} from '../../test/choropleth.ts';
import { ChronosChoropleth } from './chronos-choropleth.ts';

const MAINE: [number, number] = [-69.2, 45.4];
const WASHINGTON: [number, number] = [-120.5, 47.4];
const FLORIDA: [number, number] = [-81.7, 28.6];
const HAWAII: [number, number] = [-155.5, 19.6];
const ELLESMERE: [number, number] = [-80, 80];

/** Page coordinates of a longitude/latitude on the element's map. */
function pagePoint(element: ChronosChoropleth, lngLat: [number, number]): [number, number] {
  const map = element.map!;
  const rect = map.getCanvas().getBoundingClientRect();
  const point = map.project(lngLat);
  return [Math.round(rect.left + point.x), Math.round(rect.top + point.y)];
}

isolateEachTest();

describe('<chronos-choropleth> rendering', () => {
  it('paints each region in the legend colour of its class, fetching boundaries and data once each', async () => {
    const element = choropleth('metric="unemployment"');
    const load = await nextEvent(element, 'chronos-load');
    expect(load.detail.metric).to.equal('unemployment');
    expect(load.detail.regionsWithData).to.be.greaterThan(60);
    expectPainted(element, 'US-KS', KANSAS);
    expectPainted(element, 'CA-SK', SASKATCHEWAN);
    const requests = await apiRequests();
    expect(requests.filter((r) => r.includes('mode=boundaries'))).to.have.length(1);
    expect(requests.filter((r) => r.includes('mode=data'))).to.have.length(1);
  });

  it('draws regions without data with the no-data fill and a legend entry', async () => {
    const element = choropleth('metric="unemployment"');
    const load = await nextEvent(element, 'chronos-load');
    expect(load.detail.missing).to.include('CA-NU');
    // The first view is the contiguous US and southern Canada: go to Nunavut as a reader would.
    const moved = element.map!.once('moveend');
    expect(element.zoomTo('CA-NU')).to.equal(true);
    await moved;
    await settled(element);
    const noData = parseColor(getComputedStyle(element).getPropertyValue('--chronos-no-data-color').trim());
    const stripe = parseColor(getComputedStyle(element).getPropertyValue('--chronos-no-data-stripe-color').trim());
    const seen = colorsAround(element, NUNAVUT);
    expect(
      seen.some((c) => closeTo(c, noData)),
      `no-data fill among ${JSON.stringify(seen)}`,
    ).to.equal(true);
    expect(
      seen.some((c) => closeTo(c, stripe)),
      `hatching among ${JSON.stringify(seen)}`,
    ).to.equal(true);
    // Everything else is the two greys blended by the pattern's sampling: no class colour shows through.
    const grey = (c: Rgb) => Math.max(...c) - Math.min(...c) <= 3 && c[0] >= stripe[0] - 3 && c[0] <= noData[0] + 3;
    expect(seen.every(grey), JSON.stringify(seen)).to.equal(true);
    const entry = shadow(element).querySelector('[part="legend-item"][data-class="no-data"]');
    expect(entry?.textContent).to.contain('No data');
    const row = shadow(element).querySelector('[part="table"] tr[data-region="CA-NU"]');
    expect(row?.textContent).to.contain('No data');
  });

  it('shows the real breaks in the legend, a footer with sources and period, and a data table', async () => {
    const element = choropleth('metric="unemployment" lang="en-US"');
    await nextEvent(element, 'chronos-load');
    const breaks = element.classBreaks!;
    const labels = [...shadow(element).querySelectorAll('[part="legend-item"]:not([data-class="no-data"])')].map(
      (item) => item.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.have.length(5);
    expect(labels[1]).to.contain(`${breaks.thresholds[0]!.toFixed(1)}%`);
    expect(labels[4]).to.contain(`${breaks.max.toFixed(1)}%`);
    expect(shadow(element).querySelector('[part="legend-title"]')!.textContent).to.equal(
      element.loadedData!.metric.title,
    );
    const footer = shadow(element).querySelector('[part="footer"]')!.textContent!.replace(/\s+/g, ' ');
    const data = element.loadedData!;
    for (const source of data.metric.sources) {
      expect(footer).to.contain(source.name);
      // A source credited for several countries is named once.
      expect(footer.split(source.name).length - 1).to.equal(1);
    }
    expect(footer).to.contain(formatPeriod(data.time, data.metric.frequency, 'en-US'));
    const table = shadow(element).querySelector('[part="table"]')!;
    expect(table.querySelector('caption')!.textContent).to.contain(element.loadedData!.metric.title);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(element.loadedData!.values.length + element.loadedData!.missing.length);
    const kansas = table.querySelector('tr[data-region="US-KS"]')!;
    expect(kansas.querySelector('th')!.textContent).to.equal('Kansas');
    expect(kansas.querySelector('td')!.textContent).to.equal(`${regionValue(element, 'US-KS')!.toFixed(1)}%`);
    // Visually hidden, but in the accessibility tree.
    expect(table.parentElement!.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(table).display).to.not.equal('none');
  });

  it('shows a loading skeleton until the first paint', async () => {
    const element = choropleth('metric="unemployment"');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="skeleton"]')).to.not.equal(null);
    await nextEvent(element, 'chronos-load');
    expect(shadow(element).querySelector('[part="skeleton"]')).to.equal(null);
  });

  it('lets a slot replace the footer', async () => {
    const element = choropleth('metric="unemployment"');
    element.innerHTML = '<span slot="footer">Our own credits</span>';
    await nextEvent(element, 'chronos-load');
    const slot = shadow(element).querySelector<HTMLSlotElement>('slot[name="footer"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Our own credits');
  });

  it('opens on the contiguous US and southern Canada, not the Arctic, and zoomTo reaches any region', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    const bounds = element.map!.getBounds();
    for (const point of [KANSAS, SASKATCHEWAN, MAINE, WASHINGTON, FLORIDA]) {
      expect(bounds.contains(point), `${point} in view`).to.equal(true);
    }
    expect(bounds.contains(HAWAII), 'Hawaii out of the first view').to.equal(false);
    expect(bounds.contains(ELLESMERE), 'Ellesmere Island out of the first view').to.equal(false);
    const map = element.map!;
    const width = map.getCanvas().clientWidth;
    expect(map.project(MAINE).x - map.project(WASHINGTON).x, 'contiguous US width').to.be.greaterThan(0.45 * width);
    for (const [code, point] of [
      ['US-HI', HAWAII],
      ['CA-NU', NUNAVUT],
    ] as const) {
      const moved = map.once('moveend');
      expect(element.zoomTo(code)).to.equal(true);
      await moved;
      expect(map.getBounds().contains(point), `${code} after zoomTo`).to.equal(true);
    }
  });
});

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

  it('draws the default basemap (Protomaps layers from /tiles/basemap.pmtiles on the API host) under the regions', async () => {
    const element = mount<ChronosChoropleth>(
      '<chronos-choropleth metric="unemployment"></chronos-choropleth>',
      (el) => {
        el.mapOptions = readable;
      },
    );
    await nextEvent(element, 'chronos-load');
    const map = element.map!;
    await waitFor(() => basemapLayers(element).length > 0);
    await settled(element);
    const requests = await apiRequests();
    expect(requests.some((r) => r.startsWith('GET /tiles/basemap.pmtiles'))).to.equal(true);
    const layers = map.getStyle().layers.map((layer) => layer.id);
    expect(layers.indexOf(basemapLayers(element)[0]!)).to.be.lessThan(layers.indexOf('chronos-regions-fill'));
    // Water in the Gulf of Mexico is the basemap's, not the plain map background.
    const background = parseColor(getComputedStyle(element).getPropertyValue('--chronos-map-background').trim());
    expect(closeTo(pixelAt(element, [-90, 25]), background)).to.equal(false);
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('renders without a basemap when its archive is missing', async () => {
    const element = choropleth('metric="unemployment" basemap="/tiles/no-such-basemap.pmtiles"');
    await nextEvent(element, 'chronos-load');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(basemapLayers(element)).to.deep.equal([]);
    expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('switches the basemap to its dark flavour with the theme', async () => {
    const element = mount<ChronosChoropleth>(
      '<chronos-choropleth metric="unemployment" theme="light"></chronos-choropleth>',
      (el) => {
        el.mapOptions = readable;
      },
    );
    await nextEvent(element, 'chronos-load');
    await waitFor(() => basemapLayers(element).length > 0);
    await settled(element);
    const light = pixelAt(element, [-90, 25]);
    element.theme = 'dark';
    await element.updateComplete;
    await waitFor(() => basemapLayers(element).length > 0);
    await settled(element);
    const dark = pixelAt(element, [-90, 25]);
    expect(light.reduce((a, b) => a + b)).to.be.greaterThan(dark.reduce((a, b) => a + b));
  });

  it('fits all of North America from boundaries.pmtiles, Arctic islands to Hawaii, not the whole world', async () => {
    const element = choropleth('metric="unemployment" boundaries="/tiles/boundaries.pmtiles"');
    await nextEvent(element, 'chronos-load');
    const bounds = element.map!.getBounds();
    // Alaska's western tip (168°W), Newfoundland (52.7°W), Hawaii (18.9°N) and Ellesmere Island (83°N).
    expect(bounds.getWest()).to.be.at.most(-168);
    expect(bounds.getEast()).to.be.at.least(-52.7);
    expect(bounds.getSouth()).to.be.at.most(18.9);
    expect(bounds.getNorth()).to.be.at.least(83);
    expect(bounds.getEast() - bounds.getWest()).to.be.lessThan(360);
  });

  it('draws regions from boundaries.pmtiles as vector tiles without any GeoJSON request', async () => {
    const element = choropleth('metric="unemployment" boundaries="/tiles/boundaries.pmtiles"');
    await nextEvent(element, 'chronos-load');
    const requests = await apiRequests();
    expect(requests.filter((r) => r.includes('mode=boundaries'))).to.deep.equal([]);
    expect(requests.some((r) => r.startsWith('GET /tiles/boundaries.pmtiles'))).to.equal(true);
    expect(element.map!.getSource('chronos-regions')!.type).to.equal('vector');
    expectPainted(element, 'US-KS', KANSAS);
    expectPainted(element, 'CA-SK', SASKATCHEWAN);
    // Values still change through feature-state only: nothing but values is requested again.
    await resetRequests();
    element.time = '2024-04';
    await nextEvent(element, 'chronos-load');
    expect((await apiRequests()).every((r) => r.includes('mode=data'))).to.equal(true);
    expectPainted(element, 'US-KS', KANSAS);
    const hover = nextEvent(element, 'chronos-region-hover');
    await sendMouse({ type: 'move', position: pagePoint(element, KANSAS) });
    expect((await hover).detail).to.include({ code: 'US-KS', name: 'Kansas' });
    expect(element.zoomTo('US-KS')).to.equal(true);
    await element.map!.once('moveend');
    expect(element.map!.getBounds().contains(KANSAS)).to.equal(true);
  });

  it('makes no basemap request with basemap="none"', async () => {
    const element = choropleth('metric="unemployment"');
    await nextEvent(element, 'chronos-load');
    expect((await apiRequests()).some((r) => r.includes('/tiles/'))).to.equal(false);
  });
});

describe('<chronos-choropleth> errors', () => {
  it('shows the server message and a retry button for an API error, and reports chronos-error', async () => {
    const element = choropleth('metric="no-such-metric"');
    const error = await nextEvent(element, 'chronos-error');
    expect(error.detail.kind).to.equal('api');
    expect(error.detail.status).to.equal(404);
    expect(error.detail.message).to.contain('Unknown metric');
    await element.updateComplete;
    const panel = shadow(element).querySelector('[part="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain('Unknown metric "no-such-metric"');
    const retry = shadow(element).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    element.setAttribute('metric', 'unemployment');
    retry.click();
    await nextEvent(element, 'chronos-load');
    expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('retry asks the server again after an error', async () => {
    const element = choropleth('metric="not-yet"');
    await nextEvent(element, 'chronos-error');
    await resetRequests();
    shadow(element).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await nextEvent(element, 'chronos-error');
    expect((await apiRequests()).some((r) => r.includes('metric=not-yet'))).to.equal(true);
  });

  it("shows the server's message for a refused api-key", async () => {
    const element = choropleth('metric="unemployment" api-key="pk_not_a_real_key_000000000000000000000"');
    const error = await nextEvent(element, 'chronos-error');
    expect(error.detail.kind).to.equal('access');
    expect(error.detail.code).to.equal('malformed_key');
    expect(error.detail.status).to.be.oneOf([401, 403]);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain('not valid');
  });

  it('shows a network error when the API cannot be reached', async () => {
    const element = choropleth('metric="unemployment" api="http://127.0.0.1:9"');
    const error = await nextEvent(element, 'chronos-error', 30_000);
    expect(['network', 'api']).to.include(error.detail.kind);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')).to.not.equal(null);
  });

  it('explains bad attribute values and falls back to the defaults', async () => {
    const errors: string[] = [];
    const element = choropleth('metric="unemployment" scheme="nope" classes="42" legend="middle" time="soon"', (el) =>
      el.addEventListener('chronos-error', (event) => errors.push(event.detail.attribute ?? '')),
    );
    await nextEvent(element, 'chronos-load');
    expect(errors).to.have.members(['scheme', 'classes', 'legend', 'time']);
    const notices = [...shadow(element).querySelectorAll('[part="notice"]')].map((n) => n.textContent!);
    expect(notices.join('\n')).to.contain('classes must be an integer from 3 to 9; got "42"');
    expect(notices.join('\n')).to.contain('unknown scheme "nope"; valid: ');
    expect(notices.join('\n')).to.contain('Using blues');
    const colors = [...legendColors(element).entries()].filter(([key]) => key !== 'no-data').map(([, c]) => c);
    expect(colors.map(parseColor)).to.deep.equal(colorsFor('blues', 5).map(parseColor));
    expect(shadow(element).querySelector('[part="legend"]')!.getAttribute('data-position')).to.equal('bottom-left');
    expectPainted(element, 'US-KS', KANSAS);
  });

  it('shows the empty state when the period has no values', async () => {
    const element = choropleth('boundaries="/__chronos/boundaries.geojson"', (el) => {
      el.data = { 'US-KS': null, 'CA-SK': null };
    });
    await nextEvent(element, 'chronos-load');
    const empty = shadow(element).querySelector('[part="empty"]')!;
    expect(empty.textContent).to.contain('No data');
    const noData = parseColor(getComputedStyle(element).getPropertyValue('--chronos-no-data-color').trim());
    expect(colorsAround(element, KANSAS).some((c) => closeTo(c, noData))).to.equal(true);
  });
});

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
