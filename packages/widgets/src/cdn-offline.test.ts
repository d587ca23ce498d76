// The CDN bundle on a French page whose French catalogue (a chunk of its own) cannot be fetched: the page
// went offline after the entry, or a filter blocks the chunk. The elements speak English and still report
// their attributes' problems, in English, so that the page's error handling hears of them; once the catalogue
// arrives they speak French without reporting the same problems again.
import { expect } from '@esm-bundle/chai';
import type { ChronosChoropleth } from './components/choropleth/choropleth.ts';
import type { ChronosTimeSlider } from './components/time-slider/time-slider.ts';
import { waitFor } from './testing/choropleth.ts';
import { blockPaths, nextEvent } from './testing/helpers.ts';

const FRENCH_CHUNK = '/packages/widgets/dist/cdn/chunks/fr-';
const NBSP = '\u00a0';

describe('CDN bundle, French catalogue unreachable', () => {
  after(() => blockPaths());

  it('reports attribute problems in English while French cannot be fetched; French after, each problem once', async () => {
    await blockPaths(FRENCH_CHUNK);
    await import(/* @vite-ignore */ `${'/packages/widgets/dist/cdn/chronos.js'}?v=offline`);
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
});
