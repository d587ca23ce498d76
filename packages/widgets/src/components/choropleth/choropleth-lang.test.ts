// <chronos-choropleth> in French: the chrome from the message catalogue (footer, table, buttons, accessible
// name, announcements), region names from the API's name_fr, the language taken from the nearest `lang`
// (through a shadow root too) and followed when the page changes it.
import { expect } from '@esm-bundle/chai';
import { mount, nextEvent } from '../../testing/helpers.ts';
import { isolateEachTest, shadow, waitFor } from '../../testing/choropleth.ts';
import './chronos-choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';

isolateEachTest();

function headers(element: ChronosChoropleth): string[] {
  return [...shadow(element).querySelectorAll('[part="table"] thead th')].map((th) =>
    th.textContent!.replace(/[▲▼]/g, '').trim(),
  );
}

function rowName(element: ChronosChoropleth, code: string): string {
  return shadow(element).querySelector(`[part="table"] tr[data-region="${code}"] th`)!.textContent!.trim();
}

describe('<chronos-choropleth> languages', () => {
  it('speaks French under lang="fr": chrome, accessible name, region names; English again when lang changes', async () => {
    const holder = mount<HTMLDivElement>(
      '<div lang="fr"><chronos-choropleth basemap="none" metric="unemployment" show-table></chronos-choropleth></div>',
    );
    const element = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    expect(headers(element)).to.deep.equal(['Région', 'Valeur', 'Classe', 'Statut']);
    expect(rowName(element, 'CA-BC')).to.equal('Colombie-Britannique');
    expect(rowName(element, 'CA-QC')).to.equal('Québec');
    expect(shadow(element).querySelector('[part="table-toggle"]')!.textContent!.trim()).to.equal('Masquer le tableau');
    const footer = shadow(element)
      .querySelector('[part="footer"]')!
      .textContent!.replace(/[ \t\n]+/g, ' ');
    expect(footer).to.contain('Source\u00a0:');
    expect(footer).to.match(/Données\u00a0: \p{L}+ \d{4}/u);
    const area = shadow(element).querySelector('[part="map"]')!;
    expect(area.getAttribute('aria-label')).to.match(/^Carte\u00a0: /);
    expect(area.getAttribute('aria-roledescription')).to.equal('carte');
    expect(shadow(element).getElementById('keys')!.textContent).to.contain('Entrée sélectionne');
    const classCell = shadow(element).querySelector('[part="table"] tbody tr td:nth-of-type(2)')!.textContent!;
    expect(classCell).to.match(/^(\d sur \d)?$/);
    const hovered = nextEvent(element, 'chronos-region-hover');
    shadow(element).querySelector<HTMLButtonElement>('tr[data-region="CA-QC"] button')!.focus();
    expect((await hovered).detail!.name).to.equal('Québec');
    holder.lang = 'en';
    await waitFor(() => headers(element)[0] === 'Region');
    await element.updateComplete;
    expect(rowName(element, 'CA-BC')).to.equal('British Columbia');
    expect(shadow(element).querySelector('[part="table-toggle"]')!.textContent!.trim()).to.equal('Hide data table');
  });

  it('takes the language from a lang around the shadow root it is in, and French errors', async () => {
    const outer = mount<HTMLDivElement>('<div lang="fr-CA"></div>');
    const root = outer.attachShadow({ mode: 'open' });
    root.innerHTML = '<chronos-choropleth basemap="none" metric="no-such-metric"></chronos-choropleth>';
    const element = root.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    await nextEvent(element, 'chronos-error');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="retry-button"]')!.textContent!.trim()).to.equal('Réessayer');
  });

  it('says what is wrong with an attribute in French, naming it, the bad value and the choices', async () => {
    const holder = mount<HTMLDivElement>(
      '<div lang="fr"><chronos-choropleth basemap="none" metric="unemployment" classification="kmeans" theme="pink"></chronos-choropleth></div>',
    );
    const element = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    const reported: string[] = [];
    element.addEventListener('chronos-error', (event) => reported.push(event.detail.message));
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    const notices = () => [...shadow(element).querySelectorAll('[part="notice"]')].map((notice) => notice.textContent!);
    expect(notices()).to.deep.equal([
      'classification doit valoir l’une de ces valeurs\u00a0: quantile, equal-interval, natural-breaks, nice, custom\u00a0; ' +
        'reçu «\u00a0kmeans\u00a0». Valeur utilisée\u00a0: quantile.',
      'theme doit valoir l’une de ces valeurs\u00a0: auto, light, dark\u00a0; reçu «\u00a0pink\u00a0». Valeur utilisée\u00a0: auto.',
    ]);
    // The page's language follows: English notices after lang="en".
    holder.lang = 'en';
    await waitFor(() => notices()[0]!.startsWith('classification must be one of'));
    expect(notices()[0]).to.equal(
      'classification must be one of quantile, equal-interval, natural-breaks, nice, custom; got "kmeans". Using quantile.',
    );
  });

  it('a lang change rewords an attribute notice without a second chronos-error; a new bad value is reported', async () => {
    const holder = mount<HTMLDivElement>(
      '<div lang="fr"><chronos-choropleth basemap="none" metric="unemployment" theme="pink"></chronos-choropleth></div>',
    );
    const element = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    const reported: string[] = [];
    element.addEventListener('chronos-error', (event) => {
      if (event.detail.kind === 'attribute') reported.push(event.detail.message);
    });
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    const notice = () => shadow(element).querySelector('[part="notice"]')?.textContent ?? '';
    expect(notice()).to.match(/^theme doit valoir/);
    expect(reported).to.deep.equal([notice()]);
    holder.lang = 'en';
    await waitFor(() => notice().startsWith('theme must be one of'));
    holder.lang = 'fr';
    await waitFor(() => notice().startsWith('theme doit valoir'));
    expect(reported, 'one event for one problem, whatever the language').to.have.length(1);
    element.setAttribute('theme', 'mauve');
    await waitFor(() => notice().includes('mauve'));
    expect(reported).to.have.length(2);
    expect(reported[1]).to.equal(notice());
  });

  it('a failing basemap says so in French, and in English after the page switches', async () => {
    const holder = mount<HTMLDivElement>(
      '<div lang="fr"><chronos-choropleth metric="unemployment" basemap="/tiles/no-such-basemap.pmtiles"></chronos-choropleth></div>',
    );
    const element = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    const reported: string[] = [];
    element.addEventListener('chronos-error', (event) => {
      if (event.detail.kind === 'basemap') reported.push(event.detail.message);
    });
    const notice = () => shadow(element).querySelector('[part="notice"]')?.textContent ?? '';
    await waitFor(() => notice() !== '', 30_000);
    expect(notice()).to.match(
      /^Le fond de carte n’a pas pu être chargé depuis \S*\/tiles\/no-such-basemap\.pmtiles \(.+\)\u00a0; les régions sont dessinées sans lui\.$/,
    );
    expect(reported).to.have.length(1);
    expect(reported[0]).to.equal(notice());
    holder.lang = 'en';
    await waitFor(() => /^The basemap could not be loaded from \S*\/tiles\/no-such-basemap\.pmtiles \(/.test(notice()));
  });

  it('shows no English word in French: text, accessible names and titles of the whole shadow tree', async () => {
    const holder = mount<HTMLDivElement>(
      '<div lang="fr"><chronos-choropleth metric="unemployment" show-table download classification="kmeans"></chronos-choropleth></div>',
    );
    const element = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    // Open the download menu too, so its items are rendered.
    shadow(element).querySelector<HTMLButtonElement>('[part="download-button"]')?.click();
    await element.updateComplete;
    const words: string[] = [];
    const visit = (root: ShadowRoot | Element) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.shadowRoot) visit(node.shadowRoot);
        for (const name of ['aria-label', 'title', 'aria-roledescription', 'alt', 'placeholder']) {
          const value = node.getAttribute(name);
          if (value) words.push(value);
        }
        if (node.tagName === 'STYLE') continue;
        for (const child of node.childNodes) if (child.nodeType === Node.TEXT_NODE) words.push(child.textContent!);
      }
    };
    visit(shadow(element));
    // The metric's title and the source's name come from the API as they are; the rest is the chrome.
    const data = element.loadedData!;
    const names = [data.metric.title, ...(data.metric.sources ?? []).map((source) => source.name)];
    const chrome = words.map((text) => names.reduce((rest, name) => rest.replaceAll(name, ''), text)).join('\n');
    const english =
      /\b(the|could|not|must|got|using|map|data|table|download|region|value|class|status|loading|retry|hide|show|toggle|attribution|no data|sample)\b/i;
    expect(chrome.match(english)?.[0] ?? null, chrome).to.equal(null);
  });

  it("MapLibre's own words follow a later lang change (attribution button, gesture hints)", async () => {
    const holder = mount<HTMLDivElement>(
      '<div lang="fr"><chronos-choropleth metric="unemployment" cooperative-gestures></chronos-choropleth></div>',
    );
    const element = holder.querySelector<ChronosChoropleth>('chronos-choropleth')!;
    await nextEvent(element, 'chronos-load');
    await element.updateComplete;
    const button = () => shadow(element).querySelector<HTMLElement>('.maplibregl-ctrl-attrib-button')!;
    const hint = () => shadow(element).querySelector('.maplibregl-mobile-message')!.textContent;
    expect(button().title).to.equal('Afficher ou masquer les crédits');
    expect(button().getAttribute('aria-label')).to.equal('Afficher ou masquer les crédits');
    expect(hint()).to.equal('Utilisez deux doigts pour déplacer la carte');
    holder.lang = 'en';
    await waitFor(() => button().title === 'Toggle attribution');
    expect(button().getAttribute('aria-label')).to.equal('Toggle attribution');
    expect(hint()).to.equal('Use two fingers to move the map');
    holder.lang = 'fr-CA';
    await waitFor(() => button().title === 'Afficher ou masquer les crédits');
    expect(hint()).to.equal('Utilisez deux doigts pour déplacer la carte');
  });
});
