// <chronos-choropleth> when things go wrong, in real Chromium against the real API: refusals shown as
// messages for the site owner with a Retry button only where retrying helps, a rate limit counted down and
// retried by itself, a map that cannot draw (no WebGL) reported instead of staying blank, a failing basemap
// that leaves the regions drawn, and a lost WebGL context that keeps legend and table and repaints the
// current values when the context comes back. Nothing may reach the page as an uncaught error.
import { colorsFor } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import type { ChronosErrorDetail } from '../../events/error.ts';
import {
  basemapLayers,
  choropleth,
  expectPainted,
  KANSAS,
  legendColorOf,
  readable,
  shadow,
  waitFor,
  isolateEachTest,
} from '../../testing/choropleth.ts';
import { apiRequests, closeTo, legendColors, mount, nextEvent, parseColor } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from './chronos-choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

/** Every `chronos-error` detail the element reports, in order. */
function collectErrors(element: ChronosChoropleth): ChronosErrorDetail[] {
  const seen: ChronosErrorDetail[] = [];
  element.addEventListener('chronos-error', (event) => seen.push(event.detail));
  return seen;
}

function panel(element: ChronosChoropleth): HTMLElement | null {
  return shadow(element).querySelector('[part="error"]');
}

function retryButton(element: ChronosChoropleth): HTMLButtonElement | null {
  return shadow(element).querySelector('[part="retry-button"]');
}

/** The WebGL context MapLibre draws with (getContext returns the canvas's existing one). */
function glOf(element: ChronosChoropleth): WebGL2RenderingContext {
  return element.map!.getCanvas().getContext('webgl2')!;
}

describe('<chronos-choropleth> refusals', () => {
  it('an unknown key: a message for the site owner, kind "access" with the code, and no Retry button', async () => {
    const element = choropleth(`metric="unemployment" api-key="pk_${'z'.repeat(32)}"`);
    const error = await nextEvent(element, 'chronos-error');
    expect(error.detail.kind).to.equal('access');
    expect(error.detail.code).to.equal('unknown_key');
    expect(error.detail.status).to.equal(403);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error-headline"]')!.textContent).to.match(/^Unknown key/);
    expect(panel(element)!.textContent).to.contain('Unknown publishable key pk_zzzzzzzz…');
    expect(retryButton(element), 'retrying cannot help a refused key').to.equal(null);
    expect(shadow(element).querySelector('[part="legend"]')).to.equal(null);
  });

  it('a rate limit: "Rate limited: retrying in N s" counts down, then the element retries by itself', async function () {
    this.timeout(120_000);
    const { limitedKey } = (await (await fetch('/__chronos/backend')).json()) as { limitedKey: string };
    const element = choropleth(`metric="unemployment" api-key="${limitedKey}"`);
    const errors = collectErrors(element);
    const loaded = nextEvent(element, 'chronos-load', 110_000);
    await waitFor(() => errors.length > 0, 30_000);
    const [error] = errors;
    expect(error!.kind, JSON.stringify(error)).to.equal('rate-limit');
    expect(error!.code).to.equal('rate_limited');
    expect(error!.status).to.equal(429);
    // Longer than the API client's own silent retries (up to 10 s), so the element shows it.
    expect(error!.retryAfter).to.be.greaterThan(10);
    await element.updateComplete;
    const headline = () => shadow(element).querySelector('[part="error-headline"]')?.textContent ?? '';
    const seconds = () => Number(/retrying in (\d+) s/.exec(headline())?.[1]);
    expect(headline()).to.match(/^Rate limited: retrying in \d+ s\.$/);
    const first = seconds();
    expect(first).to.be.within(1, error!.retryAfter!);
    expect(retryButton(element), 'retrying can help a rate limit').to.not.equal(null);
    // A live countdown: the number goes down while the panel shows.
    await waitFor(() => seconds() < first, 10_000);
    // Then the element asks again by itself, and the map draws.
    await loaded;
    expect(panel(element)).to.equal(null);
    expectPainted(element, 'US-KS', KANSAS);
    expect((await apiRequests()).filter((r) => r.includes('mode=data')).length).to.be.greaterThan(1);
  });

  it('shows Retry for a network failure', async () => {
    const element = choropleth('metric="unemployment" api="http://127.0.0.1:9"');
    const error = await nextEvent(element, 'chronos-error', 60_000);
    expect(error.detail.kind).to.equal('network');
    await element.updateComplete;
    expect(retryButton(element)).to.not.equal(null);
  });
});

describe('<chronos-choropleth> maps that cannot draw', () => {
  it('without WebGL: the error state and chronos-error kind "map", never a blank "ready" map', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    // A browser without WebGL: every WebGL context request fails, as on a machine with WebGL disabled.
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
      return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
    try {
      const element = choropleth('metric="unemployment"');
      const error = await nextEvent(element, 'chronos-error');
      expect(error.detail.kind).to.equal('map');
      expect(error.detail.message).to.contain('cannot draw the map');
      await element.updateComplete;
      expect(panel(element)).to.not.equal(null);
      expect(retryButton(element)).to.not.equal(null);
      expect(shadow(element).querySelector('[part="legend"]')).to.equal(null);
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
    }
  });

  it('a basemap that fails (404): the regions still draw, chronos-error kind "basemap", a notice', async () => {
    // (Not choropleth(): it sets basemap="none" first, and the parser keeps the first of two attributes.)
    const element = mount<ChronosChoropleth>(
      '<chronos-choropleth metric="unemployment" basemap="/tiles/no-such-basemap.pmtiles"></chronos-choropleth>',
      (el) => {
        el.mapOptions = readable;
      },
    );
    const errors = collectErrors(element);
    await nextEvent(element, 'chronos-load');
    await waitFor(() => errors.some((error) => error.kind === 'basemap'));
    await element.updateComplete;
    const basemapError = errors.find((error) => error.kind === 'basemap')!;
    expect(basemapError.message).to.contain('/tiles/no-such-basemap.pmtiles');
    expect(errors.filter((error) => error.kind !== 'basemap')).to.deep.equal([]);
    const notices = [...shadow(element).querySelectorAll('[part="notice"]')].map((notice) => notice.textContent);
    expect(notices.join('\n')).to.contain('The basemap could not be loaded');
    expect(panel(element)).to.equal(null);
    expect(basemapLayers(element)).to.deep.equal([]);
    expectPainted(element, 'US-KS', KANSAS);
  });
});

describe('<chronos-choropleth> WebGL context loss', () => {
  it('keeps the legend and shows the table while lost, takes changes, and repaints the current values on restore', async function () {
    this.timeout(90_000);
    const element = choropleth('metric="unemployment" theme="light"');
    const errors = collectErrors(element);
    await nextEvent(element, 'chronos-load');
    expectPainted(element, 'US-KS', KANSAS);
    const gl = glOf(element);
    const lose = gl.getExtension('WEBGL_lose_context')!;

    lose.loseContext();
    await waitFor(() => errors.some((error) => error.kind === 'context-lost'));
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="context-lost"]')!.textContent).to.contain('graphics');
    expect(shadow(element).querySelector('[part="legend"]'), 'the legend stays').to.not.equal(null);
    expect(shadow(element).querySelector('[part="table-panel"]'), 'the data table is shown').to.not.equal(null);
    expect(panel(element)).to.equal(null);

    // Changes while lost: a new metric, another scheme, a selection. None may throw into the page.
    const reloaded = nextEvent(element, 'chronos-load', 60_000);
    element.metric = 'median-income';
    element.scheme = 'greens';
    element.select('US-KS');
    await waitFor(() => element.loadedData?.metric.id === 'median-income');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="table"] tr[data-region="US-KS"]')!.textContent).to.contain('$');

    lose.restoreContext();
    await reloaded;
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="context-lost"]')).to.equal(null);
    expect(shadow(element).querySelector('[part="table-panel"]'), 'the table closes again').to.equal(null);
    // The colours of the metric and scheme chosen while lost, on the canvas and in feature-state.
    const classes = [...legendColors(element).entries()].filter(([key]) => key !== 'no-data').map(([, c]) => c);
    expect(classes.map(parseColor)).to.deep.equal(colorsFor('greens', 5).map(parseColor));
    expectPainted(element, 'US-KS', KANSAS);
    const state = element.map!.getFeatureState({ source: 'chronos-regions', id: 'US-KS' });
    expect(state.hasValue).to.equal(true);
    expect(state.selected, 'the selection made while lost').to.equal(true);
    expect(closeTo(parseColor(String(state.color)), legendColorOf(element, 'US-KS'))).to.equal(true);
    expect(errors.map((error) => error.kind)).to.deep.equal(['context-lost']);
  });
});
