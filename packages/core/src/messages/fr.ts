// Chaînes françaises de l'interface (français canadien : « 5,5 % », espace insécable avant « : »).
import type { Messages } from './en.ts';

export const fr: Messages = {
  locale: 'fr-CA',

  map: {
    noData: 'Aucune donnée',
    source: 'Source',
  },

  table: {},

  errors: {},

  slider: {},

  timeseries: {},

  export: {},
};
