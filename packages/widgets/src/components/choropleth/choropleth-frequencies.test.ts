// <chronos-choropleth> showing catalogue metrics of other frequencies than monthly, in real Chromium against the
// Chronos API's sample data: an annual and a quarterly metric, by period in their own form, with the period
// named for people in the footer, a change metric coloured by the diverging scheme centred on 0, and levels in
// two currencies classified per country with one labelled legend row per country (stable from period to period).
import { clearCache, colorsFor, formatPeriod } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { legendColors, mount, nextEvent, unmountAll } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from './chronos-choropleth.ts';
import './chronos-choropleth.ts';

function choropleth(attributes: string): ChronosChoropleth {
  return mount<ChronosChoropleth>(`<chronos-choropleth basemap="none" ${attributes}></chronos-choropleth>`);
}

function footerText(element: ChronosChoropleth): string {
  return element.shadowRoot!.querySelector('[part="footer"]')!.textContent!.replace(/\s+/g, ' ');
}

/** The legend's per-country groups: each heading and the text of its class entries. */
function legendGroups(element: ChronosChoropleth): { label: string; ranges: string[] }[] {
  return [...element.shadowRoot!.querySelectorAll('[part="legend-group"]')].map((heading) => ({
    label: heading.textContent!.trim(),
    ranges: [...heading.nextElementSibling!.querySelectorAll('[part="legend-label"]')].map((label) =>
      label.textContent!.replace(/\s+/g, ' ').trim(),
    ),
  }));
}

beforeEach(() => clearCache());
afterEach(() => unmountAll());

describe('<chronos-choropleth> with annual and quarterly metrics', () => {
  it('renders an annual and a quarterly change: their own periods, named in en and fr, diverging around 0', async () => {
    const annual = choropleth('metric="real-gdp-growth" time="2023" lang="fr-CA"');
    const quarterly = choropleth('metric="house-price-change" time="2025-q2" lang="en-US"');
    await Promise.all([nextEvent(annual, 'chronos-load'), nextEvent(quarterly, 'chronos-load')]);

    expect(annual.loadedData!.metric.frequency).to.equal('annual');
    expect(annual.loadedData!.time).to.equal('2023-01-01');
    expect(footerText(annual)).to.contain(formatPeriod('2023-01-01', 'annual', 'fr-CA'));
    expect(quarterly.loadedData!.metric.frequency).to.equal('quarterly');
    expect(quarterly.loadedData!.time).to.equal('2025-04-01');
    expect(footerText(quarterly)).to.contain('Q2 2025');

    for (const element of [annual, quarterly]) {
      expect(element.loadedData!.values.length).to.be.greaterThan(40);
      // A change defaults to the diverging scheme, breaks symmetric around 0.
      const breaks = element.classBreaks!;
      expect(breaks.midpoint).to.equal(0);
      const swatches = [...legendColors(element).entries()].filter(([key]) => key !== 'no-data').map(([, c]) => c);
      const rdbu = colorsFor('rdbu', breaks.classes).map((hex) => {
        const probe = document.createElement('span');
        probe.style.color = hex;
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return rgb;
      });
      expect(swatches).to.deep.equal(rdbu);
    }
  });

  it('classifies levels in two currencies per country', async () => {
    const element = choropleth('metric="income-per-capita"');
    await nextEvent(element, 'chronos-load');
    expect(element.loadedData!.metric.classify).to.equal('per-country');
    expect(element.loadedData!.metric.frequency).to.equal('annual');
    // The darkest class holds regions of both countries: each country is classified on its own values.
    const values = element.loadedData!.values;
    const top = (country: string) =>
      values.filter((v) => v.region.startsWith(country)).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]!.region;
    // The colour the map gave each region (its feature state), as the map controller painted it.
    const map = element.map!;
    const layer = map.getStyle().layers.find((entry) => (entry as { source?: string }).source === 'chronos-regions');
    const sourceLayer = (layer as { 'source-layer'?: string } | undefined)?.['source-layer'];
    const colorOf = (code: string) =>
      map.getFeatureState({ source: 'chronos-regions', id: code, ...(sourceLayer ? { sourceLayer } : {}) }).color;
    const darkest = colorsFor('blues', element.classBreaks!.classes).at(-1);
    expect(colorOf(top('US-'))).to.equal(darkest);
    expect(colorOf(top('CA-'))).to.equal(darkest);
    // The legend shows each country's classes under its own heading, in its own currency.
    const groups = legendGroups(element);
    expect(groups.map((group) => group.label)).to.deep.equal(['United States (USD)', 'Canada (CAD)']);
    const [us, ca] = groups;
    expect(us!.ranges.length).to.equal(element.classBreaks!.classes);
    expect(ca!.ranges.length).to.be.greaterThan(1);
    // US incomes are about twice Canadian ones in the sample: the two rows start at different values.
    expect(us!.ranges[0]).to.not.equal(ca!.ranges[0]);
  });

  it('per-country legend in French, with stable breaks: each country keeps its classes from year to year', async () => {
    const attributes = 'metric="real-gdp" stable-breaks lang="fr-CA"';
    const early = choropleth(`${attributes} time="2022"`);
    const late = choropleth(`${attributes} time="2024"`);
    await Promise.all([nextEvent(early, 'chronos-load'), nextEvent(late, 'chronos-load')]);
    expect(legendGroups(early).map((group) => group.label)).to.deep.equal(['États-Unis (USD)', 'Canada (CAD)']);
    expect(legendGroups(late)).to.deep.equal(legendGroups(early));
  });
});
