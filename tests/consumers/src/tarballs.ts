// The public packages as users get them: built, then packed with `pnpm pack` (which turns `workspace:`
// ranges into real ones and applies publishConfig), plus readers for what a tarball holds. Run as a script
// (`node src/tarballs.ts`, first in the test script) it builds and packs into .work/packages once for
// every test file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '@chronos/devkit/run';
import { step } from './processes.ts';

/** The packages published to npm, by directory. */
export const PUBLIC_PACKAGES = {
  '@chronos/core': 'packages/core',
  '@chronos/tiles': 'packages/tiles',
  '@chronos/widgets': 'packages/widgets',
  '@chronos/react': 'packages/react',
} as const;
export type PublicPackage = keyof typeof PUBLIC_PACKAGES;

export const TARBALL_DIR = join(import.meta.dirname, '..', '.work', 'packages');

const tarballName = (name: PublicPackage) => `${name.replace('@chronos/', 'chronos-')}.tgz`;

/** The tarballs packed by this module's script run. */
export function packedTarballs(): Record<PublicPackage, string> {
  const tarballs = {} as Record<PublicPackage, string>;
  for (const name of Object.keys(PUBLIC_PACKAGES) as PublicPackage[]) {
    tarballs[name] = join(TARBALL_DIR, tarballName(name));
    if (!existsSync(tarballs[name])) throw new Error(`${tarballs[name]} is missing: run node src/tarballs.ts first`);
  }
  return tarballs;
}

/** Builds every public package (in dependency order) and packs it into `dir` as `<name>.tgz`. */
export async function buildAndPack(dir: string): Promise<Record<PublicPackage, string>> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tarballs = {} as Record<PublicPackage, string>;
  for (const [name, packageDir] of Object.entries(PUBLIC_PACKAGES) as [PublicPackage, string][]) {
    const cwd = join(root, packageDir);
    if (name !== '@chronos/tiles') await step('pnpm', ['run', 'build'], cwd); // tiles builds in `prepack`
    const out = join(dir, name.replace('@chronos/', ''));
    mkdirSync(out);
    await step('pnpm', ['pack', '--pack-destination', out], cwd);
    const [file] = readdirSync(out);
    if (!file) throw new Error(`pnpm pack wrote nothing for ${name}`);
    // A stable file name, so that installed apps record the same path every run.
    const tarball = join(dir, tarballName(name));
    renameSync(join(out, file), tarball);
    rmSync(out, { recursive: true });
    tarballs[name] = tarball;
  }
  return tarballs;
}

/** Paths inside a tarball, without the leading `package/`. */
export function tarballFiles(tarball: string): string[] {
  const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  if (listing.status !== 0) throw new Error(`tar -tzf ${tarball}: ${listing.stderr}`);
  return listing.stdout
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
}

/** One file of a tarball, as text. */
export function tarballText(tarball: string, path: string): string {
  const result = spawnSync('tar', ['-xzOf', tarball, `package/${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`tar -xzOf ${tarball} package/${path}: ${result.stderr}`);
  return result.stdout;
}

if (import.meta.main) {
  const started = performance.now();
  await buildAndPack(TARBALL_DIR);
  process.stdout.write(
    `built and packed ${Object.keys(PUBLIC_PACKAGES).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
