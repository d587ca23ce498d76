// npm build of @chronos/widgets: one ES module per source file (so `sideEffects` can name the
// registration files and bundlers tree-shake the rest), every dependency left external, MapLibre's worker
// named by a literal `new URL()` beside the runtime chunk (maplibre-worker-url.npm.ts). No source maps:
// the package ships no sources for them to point at. Not minified (readable modules for consumers' bundlers
// and debuggers), but the static text of the css``/html``/svg`` templates is, as in the CDN bundle: their
// layout whitespace would otherwise ship to every page. The CDN bundle is built by the root vite.config.ts.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/cdn-plugins.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const external = Object.keys(pkg.dependencies);

export default defineConfig({
  plugins: [minifyTemplates],
  define: { __CHRONOS_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    alias: [{ find: /^(.*)\/maplibre-worker-url\.ts$/, replacement: '$1/maplibre-worker-url.npm.ts' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    lib: {
      entry: {
        chronos: 'src/chronos.ts',
        index: 'src/index.ts',
        'components/choropleth/chronos-choropleth': 'src/components/choropleth/chronos-choropleth.ts',
        'components/timeseries/chronos-timeseries': 'src/components/timeseries/chronos-timeseries.ts',
        'components/legend/chronos-legend': 'src/components/legend/chronos-legend.ts',
        'components/time-slider/chronos-time-slider': 'src/components/time-slider/chronos-time-slider.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // `maplibre-gl` itself is external; its stylesheet (`maplibre-gl/dist/…css?inline`) is inlined.
      external: (id) => external.some((name) => id === name || (id.startsWith(`${name}/`) && !id.includes('?'))),
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // Inlined third-party modules (MapLibre's CSS as a string, oxc's decorator helper) go to vendor/:
        // npm drops any folder named node_modules from a published package.
        entryFileNames: (chunk) =>
          chunk.name.includes('node_modules/') || chunk.name.startsWith('_virtual/')
            ? `vendor/${chunk.name.split('/').pop()}.js`
            : '[name].js',
      },
    },
  },
});
