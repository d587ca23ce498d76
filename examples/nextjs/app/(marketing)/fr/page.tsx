// `/fr`: the French front page (slug `home`, locale `fr` in Directus).
import { HOME_SLUG } from '../../../lib/directus.ts';
import { MarketingPage, marketingMetadata } from '../marketing-page.tsx';

export const generateMetadata = () => marketingMetadata(HOME_SLUG, 'fr');

export default function FrenchHome() {
  return <MarketingPage slug={HOME_SLUG} locale="fr" />;
}
