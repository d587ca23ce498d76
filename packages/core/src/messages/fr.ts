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

  timeseries: {
    chart: (title: string, regions: string, from: string, to: string) =>
      `Graphique linéaire : ${title}, ${regions}, de ${from} à ${to}. Les flèches parcourent les périodes.`,
    loading: 'Chargement de la série chronologique…',
    noRegion: 'Choisissez une région sur la carte pour voir son historique.',
    needRegion:
      'Aucune région à tracer : indiquez region (p. ex. region="US-CA,CA-ON") ou for="id-de-carte" pour suivre une carte.',
    noData: (title: string) => `Aucune donnée pour ${title}.`,
    failed: 'La série chronologique n’a pas pu être chargée.',
    retry: 'Réessayer',
    period: 'Période',
    showTable: 'Tableau de données',
    hideTable: 'Masquer le tableau',
    preliminary: 'provisoire',
    revised: 'révisée',
    caption: (title: string, regions: string) => `${title} : ${regions}`,
  },

  export: {},
};
