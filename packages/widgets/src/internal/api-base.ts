// Where an element's API requests go: its `api` attribute, else the origin this library was loaded from
// when it came over http(s) (the CDN bundle), else the page's origin. Shared by the map and its companions
// so that a companion's requests (prefetch, periods) have the very URLs the map asks for and share its cache.

/** The API this module was loaded from when it came over http(s) (the CDN bundle); else the page's origin. */
function defaultApi(): string {
  const here = import.meta.url;
  // The origin, not `new URL('/', import.meta.url)`: bundlers (Turbopack) read that form as an asset
  // reference to the file "/" and fail the build of an app that imports the package from the workspace.
  if (/^https?:/.test(here)) return new URL(here).origin;
  return globalThis.location?.origin ?? '';
}

/** The API base URL for an element's `api` attribute (without a trailing slash). */
export function apiBase(api: string | undefined): string {
  return (api?.trim() || defaultApi()).replace(/\/$/, '');
}
