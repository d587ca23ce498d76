// `/`: the English front page (slug `home` in Directus).
import { HOME_SLUG } from '../../lib/directus.ts';
import { MarketingPage, marketingMetadata } from './marketing-page.tsx';

export const generateMetadata = () => marketingMetadata(HOME_SLUG, 'en');

export default function Home() {
  return <MarketingPage slug={HOME_SLUG} locale="en" />;
}
