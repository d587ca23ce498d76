// <chronos-choropleth> with tiles, in real Chromium against the Chronos API: the default basemap (Protomaps
// layers from the API's basemap.pmtiles) under the regions, its dark flavour, a missing archive and
// basemap="none"; regions drawn from boundaries.pmtiles as vector tiles, opening on the same view as GeoJSON
// boundaries. Colours are checked on the canvas's pixels.
import { expect } from '@esm-bundle/chai';
import { sendMouse } from '@web/test-runner-commands';
import { apiRequests, closeTo, mount, nextEvent, parseColor, pixelAt, resetRequests } from '../../testing/helpers.ts';
import {
  basemapLayers,
  choropleth,
  expectPainted,
  isolateEachTest,
  KANSAS,
  pagePoint,
  readable,
  SASKATCHEWAN,
  settled,
  shadow,
  waitFor,
} from '../../testing/choropleth.ts';
import type { ChronosChoropleth } from './chronos-choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

describe('<chronos-choropleth> tiles', () => {
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

  it('opens boundaries.pmtiles on the main regions, as it opens GeoJSON boundaries (not the whole archive)', async () => {
    const geojson = choropleth('metric="unemployment"');
    await nextEvent(geojson, 'chronos-load');
    const expected = geojson.map!.getBounds();
    geojson.remove();
    const element = choropleth('metric="unemployment" boundaries="/tiles/boundaries.pmtiles"');
    await nextEvent(element, 'chronos-load');
    const bounds = element.map!.getBounds();
    // The archive's lowest-zoom shapes are coarse: a degree or so of the GeoJSON view.
    expect(bounds.getWest()).to.be.closeTo(expected.getWest(), 1.5);
    expect(bounds.getEast()).to.be.closeTo(expected.getEast(), 1.5);
    expect(bounds.getSouth()).to.be.closeTo(expected.getSouth(), 1.5);
    expect(bounds.getNorth()).to.be.closeTo(expected.getNorth(), 1.5);
    // Not the archive's extent (Alaska's Aleutians to 172°W, Hawaii at 18.9°N, Arctic islands at 83°N), let alone
    // the world.
    expect(bounds.getWest()).to.be.greaterThan(-165);
    expect(bounds.getSouth()).to.be.greaterThan(19.5);
    expect(bounds.getNorth()).to.be.lessThan(78);
    expectPainted(element, 'US-KS', KANSAS);
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
