// Where the site reads data and tiles from, read from the environment when the server handles a request
// (not inlined at build time: one build serves any API, and on Cloudflare the Worker's vars decide). Only
// the server reads these; the client components receive the values as props. Defaults: the local server
// that `npm start` runs.
export const DEFAULT_API_URL = 'http://127.0.0.1:8787';

/** A variable read at run time (a computed name is not replaced by the bundler's NEXT_PUBLIC_ inlining). */
function variable(name: string): string | undefined {
  return process.env[name]?.trim() || undefined;
}

function url(name: string, fallback: string): string {
  const chosen = variable(name) ?? fallback;
  if (!/^https?:\/\/[^\s]+$/.test(chosen)) {
    throw new Error(`${name} must be an http(s) URL such as ${DEFAULT_API_URL}, not "${chosen}"`);
  }
  return chosen.replace(/\/+$/, '');
}

export interface SiteConfig {
  /** The Chronos API (metrics, choropleth values, series). */
  apiUrl: string;
  /** Where basemap.pmtiles and boundaries.pmtiles are served (`/tiles` of the API by default). */
  tilesUrl: string;
  /** A publishable key bound to this site's origin; not needed where the API allows the site's origin. */
  apiKey: string | undefined;
  /** The site's own public origin, for absolute links (sitemap). */
  siteUrl: string;
  /** The widgets' CDN build, for the embed code the site hands out (`/cdn/chronos.js` of the API by default). */
  cdnScriptUrl: string;
}

export function siteConfig(): SiteConfig {
  const apiUrl = url('NEXT_PUBLIC_API_URL', DEFAULT_API_URL);
  return {
    apiUrl,
    tilesUrl: url('NEXT_PUBLIC_TILES_URL', `${apiUrl}/tiles`),
    apiKey: variable('NEXT_PUBLIC_API_KEY'),
    siteUrl: url('NEXT_PUBLIC_SITE_URL', 'http://127.0.0.1:3000'),
    cdnScriptUrl: url('NEXT_PUBLIC_CDN_URL', `${apiUrl}/cdn/chronos.js`),
  };
}
