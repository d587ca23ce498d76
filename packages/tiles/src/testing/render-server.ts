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

export { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
