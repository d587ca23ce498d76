// Where MapLibre's worker comes from. Served unbundled (the workspace's browser tests), nothing is set:
// MapLibre finds `maplibre-gl-worker.mjs` beside itself (import.meta.url). The npm build swaps this module
// for maplibre-worker-url.npm.ts and the CDN build for maplibre-worker-url.cdn.ts: bundlers do not emit
// the file MapLibre looks for, so both builds name the worker explicitly.
export const workerUrl: string | undefined = undefined;
