// `/fr/[slug]`: a French marketing page, built like the English ones.
import { publishedSlugs } from '../../../../lib/directus.ts';
import { MarketingPage, marketingMetadata } from '../../marketing-page.tsx';

type Params = Promise<{ slug: string }>;

export async function generateStaticParams() {
  return (await publishedSlugs('fr')).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Params }) {
  return marketingMetadata((await params).slug, 'fr');
}

export default async function FrenchPage({ params }: { params: Params }) {
  return <MarketingPage slug={(await params).slug} locale="fr" />;
}
