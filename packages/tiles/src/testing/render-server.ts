// Serves the browser render page, the modules it imports (from this package's node_modules) and a
// directory of archives, with Range. Used by the browser test and by the first-paint bench.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type RangeServer, startRangeServer } from './range-server.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string, from = require) => dirname(from.resolve(`${name}/package.json`));

export function startRenderServer(archivesDir: string): Promise<RangeServer> {
  const fromPmtiles = createRequire(require.resolve('pmtiles'));
  return startRangeServer(
    {
      '/archives': archivesDir,
      '/modules/maplibre-gl': join(packageDir('maplibre-gl'), 'dist'),
      '/modules/pmtiles': join(packageDir('pmtiles'), 'dist/esm'),
      '/modules/fflate': join(dirname(fromPmtiles.resolve('fflate')), '../esm'),
      '/modules/basemaps': join(packageDir('@protomaps/basemaps'), 'dist/esm'),
    },
    { '/': readFileSync(join(import.meta.dirname, 'render-page.html'), 'utf8') },
  );
}

/** Chromium flags that give headless WebGL2 through SwiftShader on a machine without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';
