// A new user's Vite + TypeScript app: the README's install and import lines, nothing configured. The test
// passes the API (and optionally a publishable key) in the query string.
import '@chronos/widgets';
import type { ChronosLoadEvent } from '@chronos/widgets';

const params = new URLSearchParams(location.search);
const map = document.querySelector('chronos-choropleth');
if (!map) throw new Error('no <chronos-choropleth> in the page');
map.api = params.get('api') ?? undefined;
map.apiKey = params.get('key') ?? undefined;
map.addEventListener('chronos-load', (event: ChronosLoadEvent) => {
  document.body.dataset.regionsWithData = String(event.detail.regionsWithData);
});
