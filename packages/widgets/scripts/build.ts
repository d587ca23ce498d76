// `pnpm build` for @chronos/widgets: the npm build (ES modules + .d.ts + custom-elements.json + MapLibre's
// worker beside the runtime chunk), then the CDN bundle from the root vite.config.ts, then dist/.build-stamp (root `npm start` rebuilds when any
// source file is newer than the stamp).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = join(import.meta.dirname, '..');
const root = join(here, '..', '..');
/** @chronos/core's folder, found through its package name (never by relative path). */
const coreDir = dirname(fileURLToPath(import.meta.resolve('@chronos/core/package.json')));

function step(command: string, args: string[], cwd = here): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(' ')} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

rmSync(join(here, 'dist'), { recursive: true, force: true });
// The declarations import @chronos/core's; build them when core has not been built yet.
if (!existsSync(join(coreDir, 'dist/index.d.ts'))) step('pnpm', ['run', 'build'], coreDir);
await build({ configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
copyMaplibreWorker();
step('tsc', ['-p', 'tsconfig.build.json']);
step('custom-elements-manifest', ['analyze']); // custom-elements-manifest.config.mjs
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
// Vite copies MapLibre's worker into the CDN chunks as an asset, with its source-map comment but not the map.
const cdnChunks = join(here, 'dist', 'cdn', 'chunks');
for (const file of readdirSync(cdnChunks).filter((name) => name.startsWith('maplibre-gl-worker'))) {
  writeFileSync(join(cdnChunks, file), withoutSourceMap(readFileSync(join(cdnChunks, file), 'utf8')));
}
// No chunk may import the entry: a page that loads `chronos.js?v=2` would run a second copy of it (the
// chunk's `../chronos.js` is another URL). Code they share belongs in chunks/shared-*.js (vite.config.ts).
for (const file of readdirSync(cdnChunks).filter((name) => name.endsWith('.js'))) {
  if (
    /from\s*["']\.\.\/chronos\.js["']|import\s*\(?\s*["']\.\.\/chronos\.js["']/.test(
      readFileSync(join(cdnChunks, file), 'utf8'),
    )
  ) {
    throw new Error(
      `dist/cdn/chunks/${file} imports the CDN entry ../chronos.js; see preserveEntrySignatures in vite.config.ts`,
    );
  }
}
/** A module without its trailing `//# sourceMappingURL=` comment (for maps that are not shipped). */
function withoutSourceMap(code: string): string {
  return code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/**
 * maplibre-gl's own worker, beside dist/internal/maplibre-worker-url.npm.js which names it. It must be the
 * worker of the maplibre-gl that consumers install with it: package.json pins maplibre-gl exactly. Its
 * source-map comment is dropped (the map is not shipped).
 */
function copyMaplibreWorker(): void {
  const maplibre = fileURLToPath(import.meta.resolve('maplibre-gl'));
  const worker = readFileSync(join(maplibre, '..', 'maplibre-gl-worker.mjs'), 'utf8');
  writeFileSync(join(here, 'dist', 'internal', 'maplibre-gl-worker.mjs'), withoutSourceMap(worker));
  // The source says `@vite-ignore` so that this build leaves the URL alone; consumers' bundlers must not.
  const urlModule = join(here, 'dist', 'internal', 'maplibre-worker-url.npm.js');
  const code = readFileSync(urlModule, 'utf8');
  if (!code.includes('/* @vite-ignore */')) throw new Error(`${urlModule}: the @vite-ignore comment was not found`);
  writeFileSync(urlModule, code.replace(/\/\* @vite-ignore \*\/\s*/, ''));
}

writeFileSync(join(here, 'dist', '.build-stamp'), `${new Date().toISOString()}\n`);
process.stdout.write('built packages/widgets/dist (npm) and dist/cdn (CDN)\n');
