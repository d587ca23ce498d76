// CDN build only (aliased in the root vite.config.ts): Vite emits MapLibre's worker as a file beside
// the chunks and gives its URL, because bundling hides the worker MapLibre would find by itself.
import url from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export const workerUrl: string | undefined = url;
