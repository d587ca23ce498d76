// <chronos-time-slider> in real Chromium against the Chronos test API: linked to a map by `for` (periods,
// both-way sync with the map's time, keyboard, native input/change events), playing twelve months with
// every period's values requested and cached before its frame and the map's breaks fixed, standalone
// without a map, and French period names.
import { clearCache, formatPeriod, periodRange } from '@chronos/core';
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { apiRequests, nextEvent, resetRequests, unmountAll } from '../../testing/helpers.ts';
import type { ChronosChoropleth } from '../choropleth/choropleth.ts';
import '../choropleth/chronos-choropleth.ts';
import './chronos-time-slider.ts';
import type { ChronosTimeSlider } from './time-slider.ts';

const holders: HTMLElement[] = [];

/** A map and a slider linked to it, in one container (`lang` on the container when given). */
function linked(mapAttributes = '', sliderAttributes = '', lang?: string) {
  const holder = document.createElement('div');
  holder.style.width = '800px';
  if (lang) holder.lang = lang;
  holder.innerHTML = `<chronos-time-slider for="slider-map" ${sliderAttributes}></chronos-time-slider>
    <chronos-choropleth id="slider-map" basemap="none" lazy="false" ${mapAttributes}></chronos-choropleth>`;
  document.body.append(holder);
  holders.push(holder);
  return {
    slider: holder.querySelector<ChronosTimeSlider>('chronos-time-slider')!,
    map: holder.querySelector<ChronosChoropleth>('chronos-choropleth')!,
  };
}

function range(slider: ChronosTimeSlider): HTMLInputElement {
  return slider.shadowRoot!.querySelector<HTMLInputElement>('[part="range"]')!;
}

/** Resolves once the slider has its periods. */
async function periodsOf(slider: ChronosTimeSlider): Promise<readonly string[]> {
  while (slider.periods.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  await slider.updateComplete;
  return slider.periods;
}

/** The events `type` fired on `target` while `action` runs, with the slider value each one saw. */
async function eventsDuring(slider: ChronosTimeSlider, action: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (event: Event) => seen.push(`${event.type} ${(event.target as ChronosTimeSlider).value}`);
  slider.addEventListener('input', record);
  slider.addEventListener('change', record);
  await action();
  slider.removeEventListener('input', record);
  slider.removeEventListener('change', record);
  return seen;
}

beforeEach(async () => {
  clearCache();
  await resetRequests();
});
afterEach(() => {
  for (const holder of holders.splice(0)) holder.remove();
  unmountAll();
});

describe('<chronos-time-slider for>', () => {
  it("takes the map's periods and period, and moves the map from the keyboard with input and change events", async () => {
    const { slider, map } = linked('metric="unemployment"');
    const loaded = await nextEvent(map, 'chronos-load');
    const periods = await periodsOf(slider);
    const { first, last } = map.loadedData!.periods!;
    expect(periods).to.deep.equal(periodRange(first, last, 'monthly'));
    expect(slider.value).to.equal(loaded.detail.time!.slice(0, 7));
    expect(slider.value).to.equal(periods.at(-1));
    // Playing keeps the classes fixed: a linked slider turns stable breaks on.
    expect(map.stableBreaks).to.equal(true);

    const input = range(slider);
    expect(input.getAttribute('aria-valuetext')).to.equal(formatPeriod(slider.value!, 'monthly', 'en-US'));
    input.focus();
    let events = await eventsDuring(slider, () => sendKeys({ press: 'ArrowLeft' }));
    const previous = periods.at(-2)!;
    expect(events).to.deep.equal([`input ${previous}`, `change ${previous}`]);
    expect(map.time).to.equal(previous);
    const shown = await nextEvent(map, 'chronos-load');
    expect(shown.detail.time!.slice(0, 7)).to.equal(previous);
    expect(input.getAttribute('aria-valuetext')).to.equal(formatPeriod(previous, 'monthly', 'en-US'));

    await sendKeys({ press: 'Home' });
    expect(slider.value).to.equal(periods[0]);
    await sendKeys({ press: 'PageUp' });
    expect(slider.value).to.equal(periods[12]);
    await sendKeys({ press: 'ArrowRight' });
    expect(slider.value).to.equal(periods[13]);
    events = await eventsDuring(slider, () => sendKeys({ press: 'End' }));
    expect(events).to.deep.equal([`input ${periods.at(-1)}`, `change ${periods.at(-1)}`]);
    expect(map.time).to.equal(periods.at(-1));

    await sendKeys({ press: ' ' });
    expect(slider.playing).to.equal(true);
    await sendKeys({ press: ' ' });
    expect(slider.playing).to.equal(false);
  });

  it("follows the map when the page sets the map's time", async () => {
    const { slider, map } = linked('metric="unemployment"');
    await nextEvent(map, 'chronos-load');
    const periods = await periodsOf(slider);
    const changed = nextEvent(map, 'chronos-time-change');
    map.time = periods[3]!;
    await changed;
    await slider.updateComplete;
    expect(slider.value).to.equal(periods[3]);
    expect(Number(range(slider).value)).to.equal(3);
  });

  it('moves the map to a period the page sets on the slider', async () => {
    const { slider, map } = linked('metric="unemployment"', 'value="2024-02"');
    await nextEvent(map, 'chronos-load');
    await periodsOf(slider);
    while (map.loadedData!.time !== '2024-02-01') await nextEvent(map, 'chronos-load');
    expect(map.time).to.equal('2024-02');
    expect(slider.value).to.equal('2024-02');
    slider.value = '2023-11';
    await slider.updateComplete;
    expect(map.time).to.equal('2023-11');
    expect((await nextEvent(map, 'chronos-load')).detail.time).to.equal('2023-11-01');
    expect(slider.value).to.equal('2023-11');
  });

  it('plays twelve months: each period fetched and cached before its frame, one request each, breaks fixed', async () => {
    const { slider, map } = linked('metric="unemployment"', 'speed="50ms" prefetch="3"');
    await nextEvent(map, 'chronos-load');
    const periods = await periodsOf(slider);
    const start = periods.length - 13;
    map.time = periods[start]!;
    await nextEvent(map, 'chronos-load');
    const breaks = JSON.stringify(map.classBreaks);
    await resetRequests();

    // Everything the page fetches and when it arrives, in order with the slider's steps and the map's frames.
    const log: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const time = /mode=data.*time=([^&]+)/.exec(url)?.[1];
      if (time) log.push(`fetch ${time}`);
      const response = realFetch(input, init);
      if (time)
        void response.then(
          () => log.push(`cached ${time}`),
          () => undefined,
        );
      return response;
    };
    const frameBreaks: string[] = [];
    const onLoad = () => {
      log.push(`frame ${map.loadedData!.time.slice(0, 7)}`);
      frameBreaks.push(JSON.stringify(map.classBreaks));
    };
    const onChange = () => log.push(`step ${slider.value}`);
    map.addEventListener('chronos-load', onLoad);
    slider.addEventListener('change', onChange);
    try {
      const ended = new Promise<void>((resolve) => {
        const watch = () => {
          if (slider.value === periods.at(-1) && log.includes(`frame ${periods.at(-1)}`)) resolve();
          else setTimeout(watch, 20);
        };
        watch();
      });
      slider.play();
      await ended;
    } finally {
      window.fetch = realFetch;
      map.removeEventListener('chronos-load', onLoad);
      slider.removeEventListener('change', onChange);
    }

    // The player stops once the last frame is shown and its step interval has passed: a fast last frame
    // is logged before that, so wait for it to stop rather than read `playing` at once.
    while (slider.playing) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(slider.value, 'stops at the last period').to.equal(periods.at(-1));
    const played = periods.slice(start + 1);
    expect(played).to.have.length(12);
    for (const period of played) {
      const step = log.indexOf(`step ${period}`);
      expect(step, `stepped to ${period}`).to.be.greaterThan(-1);
      expect(log.indexOf(`fetch ${period}`), `${period} requested before its step`).to.be.within(0, step);
      expect(log.indexOf(`cached ${period}`), `${period} in the cache before its step`).to.be.within(0, step);
      expect(log.indexOf(`frame ${period}`), `${period} drawn after its step`).to.be.greaterThan(step);
      expect(
        log.filter((entry) => entry === `fetch ${period}`),
        `${period} fetched once`,
      ).to.have.length(1);
    }
    const reached = (await apiRequests()).filter((request) => request.includes('mode=data'));
    for (const period of played) {
      expect(
        reached.filter((request) => request.includes(`time=${period}`)),
        period,
      ).to.have.length(1);
    }
    expect(frameBreaks).to.have.length(12);
    expect(new Set(frameBreaks)).to.deep.equal(new Set([breaks]));
  });

  it('plays and steps a standalone slider (no map) over the catalogue periods', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<chronos-time-slider metric="house-price-change" speed="20"></chronos-time-slider>';
    document.body.append(holder);
    holders.push(holder);
    const slider = holder.firstElementChild as ChronosTimeSlider;
    const periods = await periodsOf(slider);
    const { metrics } = await (await fetch('/api/metrics')).json();
    const summary = metrics.find((metric: { id: string }) => metric.id === 'house-price-change');
    expect(periods).to.deep.equal(periodRange(summary.first, summary.latest, 'quarterly'));
    expect(slider.value).to.equal(periods.at(-1));
    expect(slider.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal(
      formatPeriod(periods.at(-1)!, 'quarterly', navigator.language),
    );

    const previous = slider.shadowRoot!.querySelector<HTMLButtonElement>('[part="previous-button"]')!;
    const events = await eventsDuring(slider, async () => previous.click());
    expect(events).to.deep.equal([`input ${periods.at(-2)}`, `change ${periods.at(-2)}`]);

    // From the last-but-one period, play reaches the end and stops by itself.
    const steps: string[] = [];
    slider.addEventListener('change', () => steps.push(slider.value!));
    slider.play();
    while (slider.playing) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).to.deep.equal([periods.at(-1)]);
  });

  it('plays from the tag (`playing`) once its periods arrive, from the first to the last', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<chronos-time-slider metric="real-gdp-growth" speed="20" playing></chronos-time-slider>';
    const slider = holder.firstElementChild as ChronosTimeSlider;
    const steps: string[] = [];
    slider.addEventListener('change', () => steps.push(slider.value!));
    document.body.append(holder);
    holders.push(holder);
    const periods = await periodsOf(slider);
    while (slider.playing) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).to.deep.equal(periods);
    expect(slider.value).to.equal(periods.at(-1));
  });

  it('names periods in French with lang="fr" (label, aria-valuetext, button names)', async () => {
    const { slider, map } = linked('metric="house-price-change"', '', 'fr-CA');
    await nextEvent(map, 'chronos-load');
    const periods = await periodsOf(slider);
    const last = periods.at(-1)!;
    const label = slider.shadowRoot!.querySelector('[part="label"]')!.textContent;
    expect(label).to.match(/^T[1-4] \d{4}$/);
    expect(label).to.equal(formatPeriod(last, 'quarterly', 'fr-CA'));
    expect(range(slider).getAttribute('aria-valuetext')).to.equal(label);
    expect(range(slider).getAttribute('aria-label')).to.equal('Période');
    expect(slider.shadowRoot!.querySelector('[part="play-button"]')!.getAttribute('aria-label')).to.equal('Lecture');
  });

  it('reports an invalid speed in French under lang="fr", once for each bad value', async () => {
    const { slider, map } = linked('metric="unemployment"', 'speed="fast"', 'fr');
    const reported: string[] = [];
    slider.addEventListener('chronos-error', (event) => reported.push(event.detail.message));
    await nextEvent(map, 'chronos-load');
    await periodsOf(slider);
    expect(reported).to.deep.equal([
      'speed doit être un nombre de pas par seconde (p. ex. «\u00a02\u00a0») ou une durée par pas en millisecondes ' +
        '(p. ex. «\u00a0800ms\u00a0»), de 50\u00a0ms à 60\u00a0s par pas\u00a0; reçu «\u00a0fast\u00a0»',
    ]);
    slider.speed = '10ms';
    await slider.updateComplete;
    slider.speed = 'fast';
    await slider.updateComplete;
    expect(reported).to.have.length(2);
    expect(reported[1]).to.match(/^speed doit être .*; reçu «\u00a010ms\u00a0»$/);
  });

  it('links to a map written after it, and reports an invalid speed naming the valid forms', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<chronos-time-slider for="later-map" speed="fast"></chronos-time-slider>';
    document.body.append(holder);
    holders.push(holder);
    const slider = holder.firstElementChild as ChronosTimeSlider;
    const error = nextEvent(slider, 'chronos-error');
    slider.play();
    expect((await error).detail).to.deep.equal({
      kind: 'attribute',
      attribute: 'speed',
      message:
        'speed must be steps per second (e.g. "2") or milliseconds per step (e.g. "800ms"), from 50 ms to 60 s a step; got "fast"',
    });
    slider.pause();
    expect(slider.map).to.equal(undefined);
    holder.insertAdjacentHTML(
      'beforeend',
      '<chronos-choropleth id="later-map" basemap="none" lazy="false" metric="unemployment"></chronos-choropleth>',
    );
    const map = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    await nextEvent(map, 'chronos-load');
    await periodsOf(slider);
    expect(slider.map).to.equal(map);
    expect(slider.value).to.equal(map.loadedData!.time.slice(0, 7));
  });
});
