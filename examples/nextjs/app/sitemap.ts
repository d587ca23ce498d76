// sitemap.xml: the geospatial page and every region page (one per metric and region with data), read
// from the API at request time so new metrics appear without a rebuild.
import type { MetadataRoute } from 'next';
import { listMetrics, regionSeries } from '../lib/api.ts';
import { siteConfig } from '../lib/config.ts';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = siteConfig();
  const metrics = await listMetrics();
  const entries: MetadataRoute.Sitemap = [{ url: `${siteUrl}/analytics/geospatial`, changeFrequency: 'weekly' }];
  for (const metric of metrics) {
    const { series } = await regionSeries(metric.id);
    for (const region of series) {
      if (!region.points.some(([, value]) => value !== null)) continue;
      entries.push({
        url: `${siteUrl}/analytics/geospatial/${metric.id}/${region.region}`,
        ...(metric.latest ? { lastModified: metric.latest } : {}),
        changeFrequency: 'monthly',
      });
    }
  }
  return entries;
}
