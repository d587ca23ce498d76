// Where the site reads data and tiles from. NEXT_PUBLIC_* values are inlined into the browser bundle at
// `next build` and read at request time on the server, so one build serves one API; both default to the
// local server that `npm start` runs.
export const DEFAULT_API_URL = 'http://127.0.0.1:8787';

function origin(name: string, value: string | undefined, fallback: string): string {
  const chosen = (value ?? '').trim() || fallback;
  if (!/^https?:\/\/[^\s]+$/.test(chosen)) {
    throw new Error(`${name} must be an http(s) URL such as ${DEFAULT_API_URL}, not "${chosen}"`);
  }
  return chosen.replace(/\/+$/, '');
}

/** The Chronos API (metrics, choropleth values, series). */
export const apiUrl = origin('NEXT_PUBLIC_API_URL', process.env.NEXT_PUBLIC_API_URL, DEFAULT_API_URL);
/** Where boundaries.pmtiles and basemap.pmtiles are served (`/tiles` of the API by default). */
export const tilesUrl = origin('NEXT_PUBLIC_TILES_URL', process.env.NEXT_PUBLIC_TILES_URL, `${apiUrl}/tiles`);
/** A publishable key bound to this site's origin; not needed where the API lists the site in ALLOWED_ORIGINS. */
export const apiKey = process.env.NEXT_PUBLIC_API_KEY?.trim() || undefined;
/** The site's own public origin, for absolute links (sitemap, embed code). */
export const siteUrl = origin('NEXT_PUBLIC_SITE_URL', process.env.NEXT_PUBLIC_SITE_URL, 'http://127.0.0.1:3000');
