// <chronos-timeseries> in real Chromium against the Chronos test API (proxied by the test runner): lines per
// region, the keyboard crosshair, preliminary / revised marks, French, errors, following a map with `for`,
// and the sparkline in the map's tooltip.
import { formatPeriod, formatValue, type SeriesResponse } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  choropleth,
  isolateEachTest,
  KANSAS,
  pagePoint,
  SASKATCHEWAN,
  shadow,
  waitFor,
} from '../../testing/choropleth.ts';
import { apiRequests, mount, nextEvent } from '../../testing/helpers.ts';
import './chronos-timeseries.ts';
import '../choropleth/chronos-choropleth.ts';
import type { ChronosTimeseries } from './timeseries.ts';

isolateEachTest();

function timeseries(attributes: string): ChronosTimeseries {
  return mount<ChronosTimeseries>(`<chronos-timeseries ${attributes}></chronos-timeseries>`);
}

const root = (element: HTMLElement): ShadowRoot => element.shadowRoot!;

/** Waits until the chart is drawn for `regions` and returns the body it shows. */
async function drawn(element: ChronosTimeseries, regions: string[]): Promise<SeriesResponse> {
  await waitFor(
    () =>
      element.series?.series.map((s) => s.region).join() === [...regions].sort().join() &&
      root(element).querySelectorAll('[part="line"]').length === regions.length,
  );
  await element.updateComplete;
  return element.series!;
}

/** The number of points a path goes through (one M or L command each). */
const pathPoints = (path: Element): number => (path.getAttribute('d')!.match(/[ML]/g) ?? []).length;

describe('<chronos-timeseries>', () => {
  it('draws one line per region through every value, with period and value labels, from one request', async () => {
    const element = timeseries('metric="unemployment" region="US-CA,CA-ON" from="2024-01" to="2024-12"');
    const body = await drawn(element, ['US-CA', 'CA-ON']);
    const requests = (await apiRequests()).filter((r) => r.includes('/api/metrics/'));
    expect(requests).to.have.length(1);
    expect(requests[0]).to.contain('region=US-CA%2CCA-ON');
    const lines = [...root(element).querySelectorAll('[part="line"]')];
    // Regions in the order the page asked for.
    expect(body.series.map((s) => s.region)).to.have.members(['US-CA', 'CA-ON']);
    const legend = root(element).querySelector('[part="legend"]')!.textContent!;
    expect(legend.indexOf('California')).to.be.lessThan(legend.indexOf('Ontario'));
    for (const [index, code] of ['US-CA', 'CA-ON'].entries()) {
      const series = body.series.find((s) => s.region === code)!;
      expect(series.points).to.have.length(12);
      expect(pathPoints(lines[index]!)).to.equal(series.points.filter(([, v]) => v !== null).length);
    }
    const xLabels = [...root(element).querySelectorAll('[part="x-axis"] text')].map((t) => t.textContent);
    expect(xLabels.length).to.be.greaterThan(1);
    expect(xLabels).to.include('Jan 2024');
    const yLabels = [...root(element).querySelectorAll('[part="y-axis"] text')].map((t) => t.textContent!);
    expect(yLabels.every((label) => label.endsWith('%'))).to.equal(true);
    // The table of points: one row per period, one column per region, always in the accessibility tree.
    const rows = root(element).querySelectorAll('[part="table"] tbody tr');
    expect(rows).to.have.length(12);
    expect(rows[0]!.querySelector('th')!.textContent).to.equal('January 2024');
  });

  it('loads again when moved in the DOM while loading', async () => {
    const element = timeseries('metric="unemployment" region="US-NY"');
    await drawn(element, ['US-NY']);
    element.region = 'US-NJ';
    await element.updateComplete; // the request is under way
    const holder = element.parentElement!;
    element.remove();
    holder.append(element);
    await drawn(element, ['US-NJ']);
  });

  it('follows its width', async () => {
    const element = timeseries('metric="unemployment" region="US-TX"');
    await drawn(element, ['US-TX']);
    const svg = () => root(element).querySelector('[part="chart"]')!;
    await waitFor(() => Math.abs(Number(svg().getAttribute('width')) - element.clientWidth) < 40);
    element.parentElement!.style.width = '420px';
    await waitFor(() => Number(svg().getAttribute('width')) < 420);
    expect(Number(svg().getAttribute('width'))).to.be.greaterThan(380);
  });

  it('draws in the light and the dark theme, from the map’s palette', async () => {
    const light = timeseries('metric="unemployment" region="US-TX" theme="light"');
    const dark = timeseries('metric="unemployment" region="US-TX" theme="dark"');
    await drawn(light, ['US-TX']);
    await drawn(dark, ['US-TX']);
    const look = (element: ChronosTimeseries) => {
      const base = getComputedStyle(root(element).querySelector('[part="base"]')!);
      const line = getComputedStyle(root(element).querySelector('[part="line"]')!);
      return { background: base.backgroundColor, text: base.color, line: line.stroke };
    };
    expect(look(light)).to.deep.equal({
      background: 'rgb(255, 255, 255)',
      text: 'rgb(31, 35, 40)',
      line: 'rgb(9, 105, 218)',
    });
    expect(look(dark)).to.deep.equal({
      background: 'rgb(21, 25, 30)',
      text: 'rgb(230, 237, 243)',
      line: 'rgb(68, 147, 248)',
    });
  });

  it('moves a crosshair with the keyboard and reads every line’s value there', async () => {
    const element = timeseries('metric="unemployment" region="US-CA,US-TX" from="2025-01" to="2025-09"');
    const body = await drawn(element, ['US-CA', 'US-TX']);
    const plot = root(element).querySelector<HTMLElement>('[part="plot"]')!;
    expect(plot.getAttribute('aria-label')).to.contain('California, Texas');
    plot.focus();
    const readout = () => root(element).querySelector('[part="readout"]')!.textContent!.replace(/\s+/g, ' ');
    const expectAt = (index: number) => {
      const date = body.series[0]!.points[index]![0];
      expect(readout()).to.contain(formatPeriod(date, 'monthly', 'en'));
      for (const series of body.series) {
        const value = formatValue(series.points[index]![1], {
          units: 'percent',
          locale: 'en',
          ...(body.metric.number_format ? { numberFormat: body.metric.number_format } : {}),
        });
        expect(readout()).to.contain(`${series.name}: ${value}`);
      }
      expect(root(element).querySelector('[part="crosshair"]')).to.not.equal(null);
    };
    await sendKeys({ press: 'End' });
    await element.updateComplete;
    expectAt(8);
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expectAt(7);
    await sendKeys({ press: 'Home' });
    await element.updateComplete;
    expectAt(0);
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expectAt(1);
    expect(root(element).querySelector('[part="readout"]')!.getAttribute('aria-live')).to.equal('polite');
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(root(element).querySelector('[part="crosshair"]')).to.equal(null);
  });

  it('marks preliminary and revised points, in the chart and the table', async () => {
    const element = timeseries('metric="median-income" region="US-CA" from="2025-01"');
    const body = await drawn(element, ['US-CA']);
    const status = body.series[0]!.status!;
    const preliminary = Object.keys(status).filter((date) => status[date] === 'preliminary');
    const revised = Object.keys(status).filter((date) => status[date] === 'revised');
    expect(preliminary).to.have.length(1);
    expect(revised).to.have.length(1);
    expect(root(element).querySelectorAll('[part="mark"][data-status="preliminary"]')).to.have.length(1);
    expect(root(element).querySelectorAll('[part="mark"][data-status="revised"]')).to.have.length(1);
    const cell = root(element).querySelector(`tr[data-date="${preliminary[0]}"] td`)!;
    expect(cell.textContent).to.contain('(preliminary)');
    expect(root(element).querySelector(`tr[data-date="${revised[0]}"] td`)!.textContent).to.contain('(revised)');
    expect(root(element).querySelector('[part="legend"]')!.textContent).to.contain('preliminary');
  });

  it('speaks French under lang="fr": periods, values and chrome', async () => {
    const element = mount<ChronosTimeseries>(
      '<div lang="fr"><chronos-timeseries metric="unemployment" region="CA-QC" from="2024-01" to="2024-12"></chronos-timeseries></div>',
    ).firstElementChild as ChronosTimeseries;
    const body = await drawn(element, ['CA-QC']);
    const xLabels = [...root(element).querySelectorAll('[part="x-axis"] text')].map((t) => t.textContent);
    expect(xLabels).to.include('janv. 2024');
    expect(root(element).querySelector('thead th')!.textContent).to.equal('Période');
    // Region names from the API's name_fr.
    expect(root(element).querySelector('[part="legend"]')!.textContent).to.contain('Québec');
    const first = root(element).querySelector('tbody tr')!;
    expect(first.querySelector('th')!.textContent).to.equal('janvier 2024');
    expect(first.querySelector('td')!.textContent).to.equal(
      formatValue(body.series[0]!.points[0]![1], {
        units: 'percent',
        locale: 'fr',
        ...(body.metric.number_format ? { numberFormat: body.metric.number_format } : {}),
      }),
    );
    expect(first.querySelector('td')!.textContent).to.match(/,\d\u00a0%$/);
    expect(root(element).querySelector('[part="table-toggle"]')!.textContent!.trim()).to.equal('Tableau de données');
    expect(root(element).querySelector('[part="plot"]')!.getAttribute('aria-label')).to.match(/^Graphique linéaire/);
    // The element's own lang wins, and a change re-renders.
    element.lang = 'en';
    await element.updateComplete;
    expect(root(element).querySelector('thead th')!.textContent).to.equal('Period');
    expect(root(element).querySelector('[part="legend"]')!.textContent).to.contain('Quebec');
  });

  it('a refused key in French: the headline for the site owner from the catalogue', async () => {
    const element = mount<ChronosTimeseries>(
      `<div lang="fr"><chronos-timeseries metric="unemployment" region="CA-QC" api-key="pk_${'z'.repeat(32)}"></chronos-timeseries></div>`,
    ).firstElementChild as ChronosTimeseries;
    const error = await nextEvent(element, 'chronos-error');
    expect(error.detail.code).to.equal('unknown_key');
    await element.updateComplete;
    expect(root(element).querySelector('[part="error-headline"]')!.textContent).to.equal(
      'Clé inconnue\u00a0: comparez l’attribut api-key aux clés de votre compte Chronos.',
    );
    expect(root(element).querySelector('[part="retry-button"]')).to.equal(null);
  });

  it('without region or for: says which attribute to set, and reports it', async () => {
    const element = timeseries('metric="unemployment"');
    const error = await nextEvent(element, 'chronos-error');
    expect(error.detail).to.include({ kind: 'attribute', attribute: 'region' });
    await element.updateComplete;
    expect(root(element).querySelector('[part="empty"]')!.textContent).to.contain('region="US-CA,CA-ON"');
    expect(await apiRequests()).to.deep.equal([]);
  });

  it('shows the server’s message for an unknown metric and reports chronos-error like the map', async () => {
    const element = timeseries('metric="no-such-metric" region="US-CA"');
    const error = await nextEvent(element, 'chronos-error');
    expect(error.detail.kind).to.equal('api');
    expect(error.detail.status).to.equal(404);
    await element.updateComplete;
    const panel = root(element).querySelector('[part="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain('Unknown metric "no-such-metric"');
    expect(root(element).querySelector('[part="retry-button"]')).to.not.equal(null);
  });
});

describe('<chronos-timeseries for>', () => {
  it('follows the map’s selection (click and select()) and its metric', async () => {
    const map = choropleth('id="linked-map" metric="unemployment"');
    const element = timeseries('for="linked-map"');
    await nextEvent(map, 'chronos-load');
    await waitFor(() => root(element).querySelector('[part="empty"]') !== null);
    expect(root(element).querySelector('[part="empty"]')!.textContent).to.contain('Select a region on the map');
    await sendMouse({ type: 'click', position: pagePoint(map, KANSAS) });
    expect(map.selected).to.equal('US-KS');
    await drawn(element, ['US-KS']);
    expect(root(element).querySelector('[part="legend"]')!.textContent).to.contain('Kansas');
    // The map's period is marked on the time axis, and moves with it.
    const marker = () => root(element).querySelector('[part="current-period"]');
    const markerX = () => Number(marker()!.getAttribute('x1'));
    expect(marker()).to.not.equal(null);
    const latestX = markerX();
    map.time = '2024-03';
    await nextEvent(map, 'chronos-load');
    await element.updateComplete;
    expect(markerX()).to.be.lessThan(latestX);
    map.select('US-TX');
    const body = await drawn(element, ['US-TX']);
    expect(body.metric.id).to.equal('unemployment');
    map.metric = 'median-income';
    await waitFor(() => element.series?.metric.id === 'median-income');
    expect(element.series!.series[0]!.region).to.equal('US-TX');
  });
});

describe('<chronos-choropleth> tooltip sparkline', () => {
  it('draws the hovered region’s recent values, fetched once for that region', async () => {
    const map = choropleth('metric="unemployment"');
    await nextEvent(map, 'chronos-load');
    // A region no other test here hovers: the page keeps each region's series once fetched.
    const [x, y] = pagePoint(map, SASKATCHEWAN);
    await sendMouse({ type: 'move', position: [x, y] });
    const sparkline = () => shadow(map).querySelector('[part="tooltip"] [part="sparkline"]');
    await waitFor(() => sparkline() !== null);
    const path = sparkline()!.querySelector('path')!;
    expect(pathPoints(path)).to.equal(24);
    const tooltip = shadow(map).querySelector('[part="tooltip"]')!;
    expect(tooltip.textContent).to.contain('Saskatchewan');
    await sendMouse({ type: 'move', position: [2, 2] });
    await waitFor(() => shadow(map).querySelector('[part="tooltip"]') === null);
    await sendMouse({ type: 'move', position: [x + 1, y] });
    await waitFor(() => sparkline() !== null);
    const series = (await apiRequests()).filter((r) => r.includes('/api/metrics/'));
    expect(series).to.deep.equal(['GET /api/metrics/unemployment?region=CA-SK']);
  });
});
