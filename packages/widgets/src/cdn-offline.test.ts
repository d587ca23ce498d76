// The CDN bundle on a French page whose French catalogue (a chunk of its own) is slow to come or cannot be fetched:
// the page went offline after the entry, or a filter blocks the chunk. The elements speak English and still report
// their attributes' problems, in English, so that the page's error handling hears of them (not before the fetch has
// failed while it is on its way); once the catalogue arrives they speak French without reporting the same problems
// again. Their loading status is English too (empty only while French is on its way). One page for the whole file:
// the browser keeps the chunk once fetched, so the tests run in this order (pending, failed, arrived).
import { formatPeriod, messagesFor } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import type { ChronosChoropleth } from './components/choropleth/choropleth.ts';
import type { ChronosLegend } from './components/legend/legend.ts';
import type { ChronosTimeSlider } from './components/time-slider/time-slider.ts';
import type { ChronosTimeseries } from './components/timeseries/timeseries.ts';
import { waitFor } from './testing/choropleth.ts';
import { blockPaths, heldRequests, holdPaths, nextEvent } from './testing/helpers.ts';

const FRENCH_CHUNK = '/packages/widgets/dist/cdn/chunks/fr-';
const NBSP = '\u00a0';
const en = messagesFor('en');
const fr = messagesFor('fr');

/** The text of the `part` in an element's shadow root. */
const text = (element: Element, part: string): string | undefined =>
  element.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent?.trim();

const loadBundle = () => import(/* @vite-ignore */ `${'/packages/widgets/dist/cdn/chronos.js'}?v=offline`);

describe('CDN bundle, French catalogue late or unreachable', () => {
  after(() => Promise.all([blockPaths(), holdPaths()]));

  it('reports a series without a region only once French is settled: not while on its way, in English once it failed', async () => {
    await holdPaths(FRENCH_CHUNK);
    await loadBundle();
    const holder = document.createElement('div');
    holder.lang = 'fr';
    holder.innerHTML = '<chronos-timeseries metric="unemployment"></chronos-timeseries>';
    const series = holder.querySelector<ChronosTimeseries>('chronos-timeseries')!;
    const reported: string[] = [];
    holder.addEventListener('chronos-error', (event) => reported.push(event.detail.message));
    document.body.append(holder);
    await series.updateComplete;
    // The French chunk was asked for and is on its way: nothing is reported meanwhile.
    while ((await heldRequests()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await series.updateComplete;
    expect(text(series, 'empty')).to.equal(en.timeseries.needRegion);
    expect(reported).to.deep.equal([]);

    // The fetch fails: reported in English, once (not again for another metric, nor when reworded).
    await blockPaths(FRENCH_CHUNK);
    await holdPaths();
    await waitFor(() => reported.length > 0);
    series.metric = 'population';
    holder.lang = 'fr-CA';
    await series.updateComplete;
    await series.updateComplete;
    expect(reported).to.deep.equal([en.timeseries.needRegion]);
    holder.remove();
  });

  it('shows the loading status in English, not an empty one, once French cannot be fetched', async () => {
    await blockPaths(FRENCH_CHUNK);
    // The API's answers held back: every element stays loading.
    await holdPaths('/api/', '/tiles/');
    await loadBundle();
    const holder = document.createElement('div');
    holder.lang = 'fr';
    holder.innerHTML = `<chronos-choropleth metric="unemployment" basemap="none"></chronos-choropleth>
      <chronos-time-slider metric="unemployment"></chronos-time-slider>
      <chronos-timeseries metric="unemployment" region="CA-QC"></chronos-timeseries>`;
    document.body.append(holder);
    const status = (tag: string, part: string) => text(holder.querySelector(tag)!, part);
    try {
      await waitFor(
        () =>
          status('chronos-choropleth', 'skeleton') === en.map.loading &&
          status('chronos-time-slider', 'label') === en.slider.loading &&
          status('chronos-timeseries', 'skeleton') === en.timeseries.loading,
      );
    } finally {
      holder.remove();
      await holdPaths();
    }
  });

  it('reports attribute problems in English while French cannot be fetched; French after, each problem once', async () => {
    await blockPaths(FRENCH_CHUNK);
    await loadBundle();
    const holder = document.createElement('div');
    holder.lang = 'fr';
    holder.innerHTML = `<chronos-choropleth id="offline-map" metric="unemployment" basemap="none" classification="kmeans"
      theme="pink"></chronos-choropleth><chronos-time-slider for="offline-map" speed="fast"></chronos-time-slider>`;
    const map = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    const slider = holder.querySelector<ChronosTimeSlider>('chronos-time-slider')!;
    const reported: string[] = [];
    holder.addEventListener('chronos-error', (event) => {
      if (event.detail.kind === 'attribute') reported.push(event.detail.message);
    });
    document.body.append(holder);
    await nextEvent(map, 'chronos-load');
    const notices = () => [...map.shadowRoot!.querySelectorAll('[part="notice"]')].map((notice) => notice.textContent);
    const english = [
      'classification must be one of quantile, equal-interval, natural-breaks, nice, custom; got "kmeans". Using quantile.',
      'theme must be one of auto, light, dark; got "pink". Using auto.',
    ];
    await waitFor(() => reported.length >= 3);
    expect(notices()).to.deep.equal(english);
    expect(reported).to.have.members([
      ...english,
      'speed must be steps per second (e.g. "2") or milliseconds per step (e.g. "800ms"), from 50 ms to 60 s a step; got "fast"',
    ]);

    // Back online: a render fetches the catalogue again (the lang changes here; a render that joins an attempt
    // begun offline waits for the next). The map speaks French and reports nothing again for the same values;
    // a new bad value is reported, in French.
    await blockPaths();
    await waitFor(() => {
      holder.lang = holder.lang === 'fr' ? 'fr-CA' : 'fr';
      return notices()[0]!.startsWith('classification doit valoir');
    });
    expect(reported).to.have.length(3);
    map.setAttribute('theme', 'mauve');
    slider.speed = '10ms';
    await waitFor(() => reported.length >= 5);
    expect(reported.slice(3)).to.have.members([
      `theme doit valoir l’une de ces valeurs${NBSP}: auto, light, dark${NBSP}; reçu «${NBSP}mauve${NBSP}». Valeur utilisée${NBSP}: auto.`,
      `speed doit être un nombre de pas par seconde (p. ex. «${NBSP}2${NBSP}») ou une durée par pas en millisecondes ` +
        `(p. ex. «${NBSP}800ms${NBSP}»), de 50${NBSP}ms à 60${NBSP}s par pas${NBSP}; reçu «${NBSP}10ms${NBSP}»`,
    ]);
    expect(notices()[1]).to.equal(reported.find((message) => message.includes('mauve')));
    holder.remove();
  });

  it('a time slider, legend and time series follow a lang set on the page after they rendered', async () => {
    await loadBundle();
    const holder = document.createElement('div');
    holder.lang = 'en';
    holder.innerHTML = `<chronos-choropleth id="lang-map" metric="unemployment" basemap="none"></chronos-choropleth>
      <chronos-time-slider for="lang-map"></chronos-time-slider>
      <chronos-legend for="lang-map" show-period></chronos-legend>
      <chronos-timeseries for="lang-map"></chronos-timeseries>`;
    const map = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    const slider = holder.querySelector<ChronosTimeSlider>('chronos-time-slider')!;
    const legend = holder.querySelector<ChronosLegend>('chronos-legend')!;
    const series = holder.querySelector<ChronosTimeseries>('chronos-timeseries')!;
    document.body.append(holder);
    await nextEvent(map, 'chronos-load');
    const data = map.loadedData!;
    const period = (lang: string) => `, ${formatPeriod(data.time, data.metric.frequency, lang)}`;
    const shownPeriod = () => legend.shadowRoot!.querySelector('.period')?.textContent;
    const play = () => slider.shadowRoot!.querySelector('[part="play-button"]')?.getAttribute('aria-label');
    await waitFor(() => shownPeriod() === period('en') && play() === en.slider.play);
    expect(text(series, 'empty')).to.equal(en.timeseries.noRegion);

    holder.lang = 'fr';
    await waitFor(() => play() === fr.slider.play && shownPeriod() === period('fr'));
    await waitFor(() => text(series, 'empty') === fr.timeseries.noRegion);
    expect(slider.shadowRoot!.querySelector('[part="range"]')!.getAttribute('aria-label')).to.equal(fr.slider.label);
    holder.remove();
  });
});
