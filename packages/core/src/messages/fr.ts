// Chaînes françaises de l'interface (français canadien : « 5,5 % », espace insécable avant « : »).
import type { Messages } from './en.ts';

export const fr: Messages = {
  locale: 'fr-CA',

  map: {
    noData: 'Aucune donnée',
    source: 'Source',
    /** Headings of a legend classified per country (levels in two currencies or on two index bases). */
    countries: { US: 'États-Unis', CA: 'Canada' },
    currencies: { US: 'USD', CA: 'CAD' },
  },

  table: {},

  errors: {},

  slider: {},

  timeseries: {},

  export: {
    download: 'Télécharger',
    menuLabel: (title: string) => `Télécharger ${title}`,
    png: 'Image de la carte (PNG)',
    csv: 'Valeurs (CSV)',
    source: (names: string) => `Source\u00a0: ${names}`,
    sample: 'données d’exemple',
    vintage: (period: string) => `Données\u00a0: ${period}`,
  },
};
