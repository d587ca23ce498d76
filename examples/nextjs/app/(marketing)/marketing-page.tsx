// One marketing page (any locale): its blocks in the editor's order, and its metadata. Shared by the four
// routes (/, /[slug], /fr, /fr/[slug]); the page data comes from lib/directus.ts (Directus, or the bundled
// pages when Directus is away). A draft is only ever read here in preview mode.
import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { siteConfig } from '../../lib/config.ts';
import { type Block, type Locale, loadPage } from '../../lib/directus.ts';
import { MapBlock } from './map-block.tsx';
import './marketing.css';

export async function marketingMetadata(slug: string, locale: Locale): Promise<Metadata> {
  const { isEnabled } = await draftMode();
  const loaded = await loadPage(slug, locale, isEnabled);
  if (!loaded) return {};
  return { title: { absolute: loaded.page.title }, description: loaded.page.seo_description ?? undefined };
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'hero':
      return (
        <section className="marketing-hero">
          <h1>{block.heading}</h1>
          {block.text ? <p>{block.text}</p> : null}
          {block.cta_label && block.cta_url ? (
            <a className="marketing-cta" href={block.cta_url}>
              {block.cta_label}
            </a>
          ) : null}
        </section>
      );
    case 'rich_text':
      // HTML from Directus's editor, written by the site's own editors (trusted like the site's code).
      // biome-ignore lint/security/noDangerouslySetInnerHtml: editor-authored content from our CMS
      return <section className="marketing-text" dangerouslySetInnerHTML={{ __html: block.body }} />;
    case 'features':
      return (
        <section className="marketing-features">
          {block.heading ? <h2>{block.heading}</h2> : null}
          <ul>
            {(block.items ?? []).map((item) => (
              <li key={item.title}>
                <h3>{item.title}</h3>
                {item.text ? <p>{item.text}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      );
    case 'map': {
      const { apiUrl, apiKey, tilesUrl } = siteConfig();
      return <MapBlock block={block} api={apiUrl} apiKey={apiKey} basemap={`${tilesUrl}/basemap.pmtiles`} />;
    }
    default:
      // A block type added in Directus before the site knows it: skipped rather than breaking the page.
      return null;
  }
}

export async function MarketingPage({ slug, locale }: { slug: string; locale: Locale }) {
  const { isEnabled } = await draftMode();
  const loaded = await loadPage(slug, locale, isEnabled);
  if (!loaded) notFound();
  const { page, source } = loaded;
  return (
    // lang also tells the maps which language to speak (an ancestor's lang counts).
    <main className="marketing" lang={locale} data-content-source={source} data-page-status={page.status}>
      {isEnabled ? (
        <p className="marketing-preview" role="status">
          {`Preview: ${page.status === 'draft' ? 'draft, not public' : 'published'} · `}
          <a href="/api/preview/exit">Leave preview</a>
        </p>
      ) : null}
      {page.blocks.map((block, index) => (
        <BlockView key={block.id ?? index} block={block} />
      ))}
    </main>
  );
}
