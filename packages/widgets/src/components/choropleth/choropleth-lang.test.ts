// <chronos-choropleth> in French: the chrome from the message catalogue (footer, table, buttons, accessible
// name, announcements), region names from the API's name_fr, the language taken from the nearest `lang`
// (through a shadow root too) and followed when the page changes it.
import { expect } from '@esm-bundle/chai';
import { mount, nextEvent } from '../../test/helpers.ts';
import { isolateEachTest, shadow, waitFor } from '../../test/choropleth.ts';
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
});
