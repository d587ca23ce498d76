// `/[slug]`: an English marketing page. Published pages are built statically; one published later is
// rendered on its first visit and cached the same way.
import { publishedSlugs } from '../../../lib/directus.ts';
import { MarketingPage, marketingMetadata } from '../marketing-page.tsx';

type Params = Promise<{ slug: string }>;

export async function generateStaticParams() {
  return (await publishedSlugs('en')).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Params }) {
  return marketingMetadata((await params).slug, 'en');
}

export default async function EnglishPage({ params }: { params: Params }) {
  return <MarketingPage slug={(await params).slug} locale="en" />;
}
