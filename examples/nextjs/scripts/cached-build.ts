// `next build` of the site only when its inputs changed: the site's files, the source of the workspace
// packages it consumes and the lockfile, hashed; the hash of the last build is kept in .next. Used by
// `npm start` (scripts/start.ts at the root) and by the flagship tests, so a second run starts at once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { step } from '@chronos/devkit/processes';

export const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const root = join(siteDir, '..', '..');
const SKIP = new Set(['node_modules', '.next', '.next-directus-test', '.open-next', '.wrangler', 'dist', '.turbo']);
const stampFile = join(siteDir, '.next', 'chronos-inputs-hash');

function files(dir: string, into: string[] = []): string[] {
  if (!existsSync(dir)) return into;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith('.tsbuildinfo') || entry.name === 'next-env.d.ts') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, into);
    else into.push(path);
  }
  return into;
}

/** A hash of everything `next build` reads from this repository (plus `extra` files). */
export function inputsHash(extra: string[] = []): string {
  // The build's own settings (standalone output, see ensureSiteBuilt) are an input too.
  const hash = createHash('sha256').update('standalone\0');
  const inputs = [
    ...files(siteDir),
    ...['core', 'widgets', 'react'].flatMap((name) => {
      // Each package's folder through its name (never by relative path across the workspace).
      const manifest = fileURLToPath(import.meta.resolve(`@chronos/${name}/package.json`));
      return [...files(join(dirname(manifest), 'src')), manifest];
    }),
    join(root, 'pnpm-lock.yaml'),
    ...extra,
  ].sort();
  for (const path of inputs) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The environment of the site's commands: ours without NODE_ENV (`npm test` sets `test`; Next chooses). */
export function siteEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...env } = process.env;
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Whether .next holds a build of the current inputs. */
export function siteBuildIsCurrent(): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputsHash();
}

/**
 * Builds the packages the site consumes and the site itself unless .next was built from the same inputs.
 * Returns the seconds spent (0 when the cached build was used).
 */
export async function ensureSiteBuilt(): Promise<number> {
  const hash = inputsHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return 0;
  const started = performance.now();
  // The workspace packages the site consumes (pnpm runs them in dependency order).
  const packages = ['@chronos/core', '@chronos/widgets', '@chronos/react'].flatMap((name) => ['--filter', name]);
  await step('pnpm', [...packages, 'run', 'build'], root, siteEnv());
  // Standalone output as well (what `opennextjs-cloudflare build` sets), so that the Cloudflare build reuses
  // this build (--skipNextBuild) instead of replacing it; `next start` serves it the same.
  await step(
    'pnpm',
    ['run', 'build'],
    siteDir,
    siteEnv({ NEXT_PRIVATE_STANDALONE: 'true', NEXT_PRIVATE_OUTPUT_TRACE_ROOT: root }),
  );
  writeFileSync(stampFile, hash);
  return (performance.now() - started) / 1000;
}
