// The marketing pages' content model as the site reads it, and the content the seed writes into a fresh
// Directus. The Next.js site bundles the same pages as its fallback when Directus is not configured or not
// reachable, so both always agree on what a page looks like.

export type Locale = 'en' | 'fr';
export type PageStatus = 'draft' | 'published';

interface BlockBase {
  /** Directus id; absent in content that has not been stored yet. */
  id?: number;
  sort?: number | null;
}

export interface HeroBlock extends BlockBase {
  type: 'hero';
  heading: string;
  text?: string | null;
  /** Call to action: button text and where it goes. */
  cta_label?: string | null;
  cta_url?: string | null;
}

export interface RichTextBlock extends BlockBase {
  type: 'rich_text';
  /** HTML written in Directus's WYSIWYG editor. */
  body: string;
}

export interface FeaturesBlock extends BlockBase {
  type: 'features';
  heading?: string | null;
  items: { title: string; text?: string | null }[];
}

export interface MapBlock extends BlockBase {
  type: 'map';
  metric: string;
  /** `us-states`, `ca-provinces` or both, comma-separated (the element's `geo`). */
  geo?: string | null;
  /** `latest` or a period: YYYY-MM, YYYY-Qn, YYYY. */
  time?: string | null;
  /** Colour scheme id from @chronos/core; empty = the metric's default. */
  scheme?: string | null;
  theme?: 'auto' | 'light' | 'dark' | null;
  caption?: string | null;
}

export type Block = HeroBlock | RichTextBlock | FeaturesBlock | MapBlock;
export type BlockType = Block['type'];
export const BLOCK_TYPES: readonly BlockType[] = ['hero', 'rich_text', 'features', 'map'];

export interface Page {
  id?: number;
  slug: string;
  locale: Locale;
  status: PageStatus;
  title: string;
  seo_description?: string | null;
  blocks: Block[];
}

/** The slug of the front page (`/` and `/fr`). */
export const HOME_SLUG = 'home';

const mapBlock: MapBlock = {
  type: 'map',
  metric: 'unemployment',
  geo: 'us-states,ca-provinces',
  time: 'latest',
  scheme: 'blues',
  theme: 'auto',
  caption: 'Unemployment rate by state and province, latest month. Sources: BLS via FRED, Statistics Canada.',
};

export const seedPages: readonly Page[] = [
  {
    slug: HOME_SLUG,
    locale: 'en',
    status: 'published',
    title: 'Chronos — regional statistics, mapped live',
    seo_description:
      'Embeddable choropleth maps of US and Canadian regional statistics, updated as the sources publish.',
    blocks: [
      {
        type: 'hero',
        heading: 'Regional statistics, mapped live',
        text: 'One tag puts an up-to-date map of US states and Canadian provinces on any page.',
        cta_label: 'Explore the maps',
        cta_url: '/analytics/geospatial',
      },
      {
        type: 'features',
        heading: 'Why Chronos',
        items: [
          { title: 'One tag', text: 'A script tag or a React component; no map code to write.' },
          { title: 'Always current', text: 'Data is refreshed from FRED and Statistics Canada as they publish.' },
          { title: 'Accessible', text: 'Every map has a data table and keyboard navigation, in English and French.' },
        ],
      },
      mapBlock,
      {
        type: 'rich_text',
        body: '<p>Maps are drawn in the reader’s browser from the <a href="/docs">Chronos API</a>; the page itself stays static.</p>',
      },
    ],
  },
  {
    slug: HOME_SLUG,
    locale: 'fr',
    status: 'published',
    title: 'Chronos — statistiques régionales cartographiées en direct',
    seo_description: 'Cartes choroplèthes intégrables des statistiques régionales des États-Unis et du Canada.',
    blocks: [
      {
        type: 'hero',
        heading: 'Les statistiques régionales, en carte et à jour',
        text: 'Une seule balise affiche une carte à jour des États américains et des provinces canadiennes.',
        cta_label: 'Explorer les cartes',
        cta_url: '/analytics/geospatial',
      },
      {
        ...mapBlock,
        caption: 'Taux de chômage par État et province, dernier mois. Sources : BLS via FRED, Statistique Canada.',
      },
    ],
  },
  {
    slug: 'about',
    locale: 'en',
    status: 'published',
    title: 'About Chronos',
    seo_description: 'Who makes Chronos and where its data comes from.',
    blocks: [
      { type: 'hero', heading: 'About Chronos', text: 'Open data, drawn where your readers are.' },
      {
        type: 'rich_text',
        body: '<p>Chronos publishes official regional statistics as maps anyone can embed. Sources are credited under every map.</p>',
      },
    ],
  },
  {
    slug: 'labour-market-outlook',
    locale: 'en',
    status: 'draft',
    title: 'Labour market outlook (draft)',
    seo_description: 'Not published yet.',
    blocks: [{ type: 'hero', heading: 'Labour market outlook', text: 'Work in progress: never shown publicly.' }],
  },
];
