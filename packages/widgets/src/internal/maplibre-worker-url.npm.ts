// npm build only (aliased in packages/widgets/vite.config.ts): MapLibre's worker ships beside this
// module as dist/internal/maplibre-gl-worker.mjs (copied by scripts/build.ts from the exact maplibre-gl
// version the package depends on). A literal `new URL('./…', import.meta.url)` is the one form that Vite
// (dev and build), webpack and Turbopack all recognise: each emits the file and rewrites the URL, with no
// configuration in the consumer's app. MapLibre would otherwise look for its worker beside
// maplibre-gl.mjs, which no bundler emits.
export const workerUrl: string | undefined = new URL(/* @vite-ignore */ './maplibre-gl-worker.mjs', import.meta.url)
  .href;
