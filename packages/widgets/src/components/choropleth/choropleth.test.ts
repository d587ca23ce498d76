// <chronos-choropleth> in real Chromium with WebGL, against the Chronos API (proxied by the test
// runner, which counts what reaches the server): rendering and errors. Colours are checked on the canvas's
// pixels. Requests: choropleth-requests.test.ts; basemap and PMTiles boundaries: choropleth-tiles.test.ts;
// properties, interaction, styling and lifecycle: choropleth-interaction.test.ts.
import { colorsFor, formatPeriod } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import {
  apiRequests,
  closeTo,
  colorsAround,
  legendColors,
  nextEvent,
  parseColor,
  resetRequests,
  type Rgb,
} from '../../testing/helpers.ts';
import {
  choropleth,
  expectPainted,
  isolateEachTest,
  KANSAS,
  NUNAVUT,
  regionValue,
  SASKATCHEWAN,
  settled,
  shadow,
} from '../../testing/choropleth.ts';
import './chronos-choropleth.ts';

const MAINE: [number, number] = [-69.2, 45.4];
const WASHINGTON: [number, number] = [-120.5, 47.4];
const FLORIDA: [number, number] = [-81.7, 28.6];
const HAWAII: [number, number] = [-155.5, 19.6];
const ELLESMERE: [number, number] = [-80, 80];

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
