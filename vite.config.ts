// CDN build of Chronos: packages/widgets/dist/cdn/chronos.js, one ES module that registers every
// element. MapLibre, its worker, the PMTiles protocol, the map side of the elements (MapController and
// its modules) and the Protomaps styles are dynamic-import chunks beside it, loaded when a map is first
// drawn; so is the chart renderer of <chronos-timeseries> and the tooltip's sparkline (timeseries-chart.ts). Built by `pnpm --filter @chronos/widgets build`.
// (No import from 'vite' here: Vite is a dependency of packages/widgets, not of the root.) Its plugins
// (packages/widgets/scripts/cdn-plugins.ts, with its chunking) minify the templates' static text and drop Vite's
// preload helper.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cdnCodeSplitting, cdnPlugins } from './packages/widgets/scripts/cdn-plugins.ts';

const widgets = fileURLToPath(new URL('./packages/widgets/', import.meta.url));
const pkg = JSON.parse(readFileSync(`${widgets}package.json`, 'utf8'));

/** @type {import('vite').UserConfig} */
export default {
  root: widgets,
  base: './',
  publicDir: false,
  plugins: cdnPlugins,
  define: { __CHRONOS_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    // Workspace packages are bundled from their TypeScript sources.
    conditions: ['source', 'module', 'browser', 'production'],
    alias: [{ find: /^(.*)\/maplibre-worker-url\.ts$/, replacement: '$1/maplibre-worker-url.cdn.ts' }],
  },
  build: {
    outDir: `${widgets}dist/cdn`,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    assetsInlineLimit: 0,
    sourcemap: true,
    rolldownOptions: {
      input: { chronos: `${widgets}src/chronos.ts` },
      // The entry exports its own names only: its code (lit, core's bbox, the elements, …) goes to
      // chunks/shared-*.js, which the entry and the lazy chunks import. A chunk must never import the entry
      // itself: a page loading `chronos.js?v=2` would then run a second copy of it (scripts/build.ts checks).
      preserveEntrySignatures: 'exports-only',
      // d3-scale-chromatic builds every interpolator at module level (`BuGn = ramp$1(scheme)`, the
      // cubehelix and sinebow colours), calls a bundler must keep unless told they are pure; they pull in
      // d3-interpolate and d3-color (~4 KB gzip) for colour ramps no scheme here uses. The list is by name
      // for the whole build: checked harmless elsewhere (the MapLibre chunk is byte-identical without it).
      treeshake: { manualPureFunctions: ['ramp$1', 'interpolateCubehelixLong', 'cubehelix$1', 'rgb'] },
      output: {
        // The entry's code in one chunks/shared-*.js that lazy chunks import too (see cdnCodeSplitting).
        codeSplitting: cdnCodeSplitting,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
};
