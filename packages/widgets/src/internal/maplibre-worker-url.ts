// Where MapLibre's worker comes from. In the npm build nothing is set: MapLibre finds
// `maplibre-gl-worker.mjs` beside itself (import.meta.url), which every bundler and plain ESM
// serving understand. The CDN build swaps this module for maplibre-worker-url.cdn.ts.
export const workerUrl: string | undefined = undefined;
