// Chaînes françaises de l'interface (français canadien : « 5,5 % », espace insécable avant « : »).
import type { Messages } from './en.ts';

export const fr: Messages = {
  locale: 'fr-CA',

  map: {
    noData: 'Aucune donnée',
    source: 'Source :',
    data: (period: string) => `Données : ${period}`,
    sampleData: '(données d’exemple)',
    name: (title: string, period: string) => `Carte : ${title}${period ? `, ${period}` : ''}`,
    roleDescription: 'carte',
    keys: 'Les flèches passent d’une région à l’autre, Début et Fin vont à la première et à la dernière, Entrée sélectionne, Échap efface, + et − zooment.',
    loading: 'Chargement de la carte…',
    empty: (title: string, period: string) => `Aucune donnée pour ${title}${period ? ` en ${period}` : ''}.`,
    contextLost:
      'La carte ne peut pas être dessinée pour l’instant (le navigateur a repris son contexte graphique). Les valeurs sont dans le tableau ci-dessous ; la carte reviendra d’elle-même.',
    status: { final: 'définitive', preliminary: 'provisoire', revised: 'révisée', sample: 'exemple' },
    range: (from: string, to: string) => `${from} – ${to}`,
    regionCount: (count: number) => (count <= 1 ? `${count} région` : `${count} régions`),
    /** Headings of a legend classified per country (levels in two currencies or on two index bases). */
    countries: { US: 'États-Unis', CA: 'Canada' },
    currencies: { US: 'USD', CA: 'CAD' },
    maplibre: {
      'AttributionControl.ToggleAttribution': 'Afficher ou masquer les crédits',
      'AttributionControl.MapFeedback': 'Signaler un problème sur la carte',
      'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + molette pour zoomer sur la carte',
      'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + molette pour zoomer sur la carte',
      'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
    },
  },

  table: {
    show: 'Tableau des données',
    hide: 'Masquer le tableau',
    region: 'Région',
    value: 'Valeur',
    class: 'Classe',
    status: 'Statut',
    classOf: (index: number, count: number) => `${index} sur ${count}`,
  },

  errors: {
    retry: 'Réessayer',
    failed: 'La carte n’a pas pu être chargée.',
    network: (api: string, reason: string) => `Impossible de charger les données de la carte depuis ${api} : ${reason}`,
    thisPage: 'cette page',
    originNotAllowed: (origin: string) => `Cette clé n’est pas autorisée sur ${origin}.`,
    unknownKey: 'Clé inconnue : comparez l’attribut api-key aux clés de votre compte Chronos.',
    malformedKey: 'L’attribut api-key n’est pas une clé publiable (pk_…).',
    keyRevoked: 'Cette clé a été révoquée.',
    keyRequired: (origin: string) =>
      `Une clé publiable (api-key) est nécessaire pour afficher cette carte sur ${origin}.`,
    rateLimitedIn: (seconds: number) => `Trop de requêtes : nouvel essai dans ${seconds} s.`,
    rateLimited: 'Trop de requêtes : nouvel essai…',
    noWebGL: (reason: string) => `Ce navigateur ne peut pas dessiner la carte : ${reason}`,
    cannotDraw: (reason: string) => `La carte ne peut pas être dessinée : ${reason}`,
    contextLost:
      'Le navigateur a retiré le contexte graphique (WebGL) de la carte ; elle sera redessinée dès qu’il le permettra.',
    basemap: (url: string, reason: string) =>
      `Le fond de carte n’a pas pu être chargé depuis ${url} (${reason}) ; les régions sont dessinées sans lui.`,
  },

  attributes: {
    oneOf: (name: string, choices: string, got: string) =>
      `${name} doit valoir l’une de ces valeurs : ${choices} ; reçu « ${got} »`,
    classes: (min: number, max: number, got: string) =>
      `classes doit être un entier de ${min} à ${max} ; reçu « ${got} »`,
    scheme: (got: string, choices: string) => `palette (scheme) « ${got} » inconnue ; valeurs possibles : ${choices}`,
    time: (got: string) =>
      `time doit valoir « latest » ou une période : un mois YYYY-MM, un trimestre YYYY-Qn ou une année YYYY ; reçu « ${got} »`,
    thresholds: (got: string) =>
      `thresholds doit être une liste de nombres séparés par des virgules, p. ex. « 2, 4, 6 » ; reçu « ${got} »`,
    thresholdsCount: (classes: number, got: number) =>
      `thresholds donne au plus ${classes} classes, donc au plus ${classes - 1} nombres ; reçu ${got}`,
    midpoint: (got: string) => `midpoint doit être un nombre, p. ex. « 0 » ; reçu « ${got} »`,
    geo: (choices: string, unknown: string) =>
      `geo doit être une liste séparée par des virgules parmi ${choices} ; inconnu : ${unknown}`,
    using: (fallback: string) => `Valeur utilisée : ${fallback}.`,
    noThresholds: 'aucun seuil',
    noMidpoint: 'aucun point milieu',
    customNeedsThresholds:
      'la classification « custom » demande des seuils, p. ex. thresholds="3, 5, 7". Valeur utilisée : quantile.',
    colors: (scheme: string) =>
      `colors doit être un tableau d’au moins deux couleurs CSS. Palette utilisée : « ${scheme} ».`,
    speed: (fastest: number, slowest: number, got: string) =>
      `speed doit être un nombre de pas par seconde (p. ex. « 2 ») ou une durée par pas en millisecondes (p. ex. « 800ms »), de ${fastest} ms à ${slowest} s par pas ; reçu « ${got} »`,
  },

  mapFailures: {
    regions: (reason: string) => `Les régions de la carte n’ont pas pu être chargées : ${reason}`,
    unknownReason: 'erreur inconnue',
    basemapTiles: 'ses tuiles n’ont pas pu être chargées',
    didNotDraw: (seconds: number) => `La carte ne s’est pas dessinée en ${seconds} s.`,
    worker:
      'La carte ne peut pas être dessinée. Le worker de MapLibre n’a pas pu être chargé : le fichier du worker manque, ' +
      'ou la Content-Security-Policy de la page ne l’autorise pas (worker-src doit permettre blob: et l’origine de ' +
      'chronos.js ; voir le README de @chronos/widgets).',
    workerBlocked: (directive: string, blocked: string) =>
      `La Content-Security-Policy de la page a bloqué le worker de la carte (${directive} a refusé ${blocked || 'le worker'}) : ` +
      'ajoutez les sources worker-src et script-src indiquées dans le README de @chronos/widgets.',
  },

  a11y: {
    focused: (name: string, value: string, klass: string, status: string) =>
      [`${name} : ${value}`, klass && `classe ${klass}`, status].filter(Boolean).join(', '),
    summary: (period: string, highest: string, lowest: string, missing: number) =>
      [
        `${period ? `${period} : ` : ''}le plus élevé ${highest}, le plus bas ${lowest}`,
        missing > 0 ? (missing === 1 ? '1 région sans données' : `${missing} régions sans données`) : '',
      ]
        .filter(Boolean)
        .join(', '),
    noValues: (period: string) => `${period ? `${period} : ` : ''}aucune région n’a de valeur`,
    legendClass: (range: string, count: string, names: string) => `${range}, ${count}${names ? ` : ${names}` : ''}`,
  },

  slider: {
    label: 'Période',
    play: 'Lecture',
    pause: 'Pause',
    previous: 'Période précédente',
    next: 'Période suivante',
    loading: 'Chargement des périodes…',
    noPeriods: 'Aucune période avec des données',
    failed: (reason: string) => `Les périodes n’ont pas pu être chargées\u00a0: ${reason}`,
  },

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
