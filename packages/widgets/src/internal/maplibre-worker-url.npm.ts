// npm build only (aliased in packages/widgets/vite.config.ts): MapLibre's worker ships beside this
// module as dist/internal/maplibre-gl-worker.mjs (copied by scripts/build.ts from the exact maplibre-gl
// version the package depends on). A literal `new URL('./…', import.meta.url)` is the one form that Vite
// (dev and build), webpack and Turbopack all recognise: each emits the file and rewrites the URL, with no
// configuration in the consumer's app. MapLibre would otherwise look for its worker beside
// maplibre-gl.mjs, which no bundler emits.
const besideThisModule = new URL(/* @vite-ignore */ './maplibre-gl-worker.mjs', import.meta.url);

// Vite ≤ 7's dev server pre-bundles dependencies into /node_modules/.vite/deps/ with esbuild, which moves
// this module away from the worker without rewriting the URL (vitejs/vite#8427); the dev server still
// serves the package's own file. (Built with a string, not `new URL(literal, import.meta.url)`, so that no
// bundler tries to emit it.)
const viteDepsPath = '/node_modules/.vite/deps/';
const packageWorkerPath = '/node_modules/@chronos/widgets/dist/internal/maplibre-gl-worker.mjs';

export const workerUrl: string | undefined = besideThisModule.pathname.includes(viteDepsPath)
  ? besideThisModule.origin +
    besideThisModule.pathname.slice(0, besideThisModule.pathname.indexOf(viteDepsPath)) +
    packageWorkerPath
  : besideThisModule.href;
