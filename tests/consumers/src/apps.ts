// Fresh consumer apps (apps/<name>, copied to .work/apps/<name>) with the packed tarballs installed by
// plain npm. Third-party dependencies come from the npm registry and are cached: they are reinstalled only
// when the app's package.json (or the Node major) changes. Our tarballs change every build and are
// reinstalled every run, from local files only.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { step } from './processes.ts';

const templates = join(import.meta.dirname, '..', 'apps');
const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

/** Another version of one of the template's dependencies (e.g. Vite 7), installed as app `name`. */
export interface AppVariant {
  name: string;
  devDependencies: Record<string, string>;
}

export async function installApp(
  templateName: string,
  workDir: string,
  tarballs: string[],
  variant?: AppVariant,
): Promise<string> {
  const name = variant?.name ?? templateName;
  const dir = join(workDir, 'apps', name);
  const template = join(templates, templateName);
  const pkg = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
  if (variant) Object.assign(pkg.devDependencies, variant.devDependencies);
  const manifest = `${JSON.stringify(pkg, null, 2)}\n`;
  const hash = createHash('sha256').update(manifest).update(process.versions.node.split('.')[0]!).digest('hex');
  const marker = join(dir, 'node_modules', '.chronos-dependencies-hash');
  let dependencySeconds = 0;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== hash) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(template, dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), manifest);
    dependencySeconds = await step('npm', ['install', ...npmFlags], dir);
    writeFileSync(marker, hash);
  } else {
    // The app's own files may have changed; build outputs of the last run must not leak into this one.
    for (const output of ['dist', '.next']) rmSync(join(dir, output), { recursive: true, force: true });
    cpSync(template, dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), manifest);
  }
  rmSync(join(dir, 'node_modules', '@chronos'), { recursive: true, force: true });
  const tarballSeconds = await step('npm', ['install', '--no-save', ...npmFlags, ...tarballs], dir);
  process.stdout.write(
    `${name} app: dependencies ${dependencySeconds.toFixed(1)} s (0 = cached), tarballs ${tarballSeconds.toFixed(1)} s\n`,
  );
  return dir;
}
