// CDN build only (aliased in the root vite.config.ts): Vite emits MapLibre's worker as a file beside
// the chunks and gives its URL, because bundling hides the worker MapLibre would find by itself.
// Vite's `?inline`/`?url` module types, here rather than only in vite-env.d.ts: projects that compile
// this package from source (e.g. @chronos/react through the `source` condition) see them too.
/// <reference types="vite/client" />
import url from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export const workerUrl: string | undefined = url;
