// The marketing pages' content, read from Directus with @directus/sdk on the server. Published pages are
// fetched into Next's data cache under one tag, so pages are built statically and rebuilt only when the
// Directus flow calls /api/revalidate. Preview (draft mode) reads drafts too, uncached. Without DIRECTUS_URL,
// or when Directus does not answer, the pages bundled with the site (the seed content of examples/directus)
// are served instead: a visitor never gets an error page because the CMS is away.
import { HOME_SLUG, type Locale, type Page, seedPages } from '@chronos/directus/content';
import { createDirectus, readItems, rest, staticToken } from '@directus/sdk';

export type { Block, Locale, MapBlock, Page } from '@chronos/directus/content';
export { HOME_SLUG };

export const LOCALES: readonly Locale[] = ['en', 'fr'];
/** The cache tag of everything read from Directus; /api/revalidate expires it. */
export const CONTENT_TAG = 'directus-content';

interface Schema {
  pages: Page[];
  pages_blocks: Page['blocks'];
}

interface DirectusSettings {
  url: string;
  token: string | undefined;
}

function directusSettings(): DirectusSettings | undefined {
  const url = process.env.DIRECTUS_URL?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\/\S+$/.test(url)) throw new Error(`DIRECTUS_URL must be an http(s) URL, not "${url}"`);
  return { url: url.replace(/\/+$/, ''), token: process.env.DIRECTUS_TOKEN?.trim() || undefined };
}

function client(settings: DirectusSettings, draft: boolean) {
  const base = createDirectus<Schema>(settings.url).with(
    rest({
      onRequest: (options) =>
        draft
          ? { ...options, cache: 'no-store' }
          : // Kept until the flow expires the tag: static pages, rebuilt on publish only.
            ({ ...options, cache: 'force-cache', next: { tags: [CONTENT_TAG] } } as RequestInit),
    }),
  );
  return settings.token ? base.with(staticToken(settings.token)) : base;
}

const pageFields = [
  'id',
  'slug',
  'locale',
  'status',
  'title',
  'seo_description',
  {
    blocks: [
      'id',
      'sort',
      'type',
      'heading',
      'text',
      'cta_label',
      'cta_url',
      'body',
      'items',
      'metric',
      'geo',
      'time',
      'scheme',
      'theme',
      'caption',
    ],
  },
] as const;

function bundled(slug: string, locale: Locale): Page | undefined {
  return seedPages.find((page) => page.slug === slug && page.locale === locale && page.status === 'published');
}

function warn(what: string, error: unknown): void {
  console.warn(`[directus] ${what}: ${(error as Error).message}; serving the bundled pages`);
}

export interface LoadedPage {
  page: Page;
  /** `directus`, or `bundled` when Directus was not configured or not reachable. */
  source: 'directus' | 'bundled';
}

/**
 * The page at this slug and locale: published only, unless `draft` (preview mode) is on. Undefined when no
 * such page exists (the route answers 404).
 */
export async function loadPage(slug: string, locale: Locale, draft = false): Promise<LoadedPage | undefined> {
  const settings = directusSettings();
  const fallback = () => {
    const page = bundled(slug, locale);
    return page ? { page, source: 'bundled' as const } : undefined;
  };
  if (!settings) return fallback();
  try {
    const pages = await client(settings, draft).request(
      readItems('pages', {
        // Drafts never leave Directus for the public site: the filter is the site's, whatever Directus allows.
        filter: {
          slug: { _eq: slug },
          locale: { _eq: locale },
          ...(draft ? {} : { status: { _eq: 'published' } }),
        },
        fields: pageFields as never,
        deep: { blocks: { _sort: ['sort'] } } as never,
        limit: 1,
      }),
    );
    const page = pages[0] as unknown as Page | undefined;
    return page ? { page: { ...page, blocks: sortBlocks(page.blocks) }, source: 'directus' } : undefined;
  } catch (error) {
    warn(`page ${locale}/${slug}`, error);
    return fallback();
  }
}

function sortBlocks(blocks: Page['blocks']): Page['blocks'] {
  return [...blocks].sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
}

/** Slugs of the published pages of a locale, for the static build (`generateStaticParams`). */
export async function publishedSlugs(locale: Locale): Promise<string[]> {
  const settings = directusSettings();
  const fallback = () =>
    seedPages.filter((page) => page.locale === locale && page.status === 'published').map((page) => page.slug);
  if (!settings) return fallback().filter((slug) => slug !== HOME_SLUG);
  try {
    const pages = await client(settings, false).request(
      readItems('pages', {
        filter: { locale: { _eq: locale }, status: { _eq: 'published' } },
        fields: ['slug'],
        limit: -1,
      }),
    );
    return pages.map((page) => page.slug).filter((slug) => slug !== HOME_SLUG);
  } catch (error) {
    warn(`${locale} page list`, error);
    return fallback().filter((slug) => slug !== HOME_SLUG);
  }
}

/** The path of a page: `/`, `/about`, `/fr`, `/fr/about`. */
export function pagePath(slug: string, locale: Locale): string {
  const prefix = locale === 'en' ? '' : `/${locale}`;
  return slug === HOME_SLUG ? prefix || '/' : `${prefix}/${slug}`;
}
