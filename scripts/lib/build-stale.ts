// Builds the workspace packages whose output is older than their inputs: `npm start` before serving,
// Storybook before it reads the widgets' bundle, custom-elements.json and the tile archives, and the widgets'
// and React's test suites before they run, so one build serves them all.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArgs, root, run, workspacePackages } from './run.ts';

/** Newest modification time of a file or anywhere under a directory, or 0 when it does not exist. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = statSync(dir).mtimeMs;
  if (!statSync(dir).isDirectory()) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Runs `build` in every package under packages/ (or only those named) whose dist/.build-stamp is older than
 * anything it is built from: its own src/, the src/ of the workspace packages it depends on (the CDN bundle
 * includes core), and the extra inputs its manifest names (the tile archives are built from server/data, the
 * widgets by their build scripts and the root vite.config.ts).
 * Resolves with the first non-zero exit code, or 0.
 */
export async function buildStalePackages(only?: readonly string[]): Promise<number> {
  const packages = workspacePackages();
  for (const pkg of packages) {
    if (!pkg.scripts.build || !pkg.dir.startsWith('packages/')) continue;
    if (only && !only.includes(pkg.name)) continue;
    const stamp = join(root, pkg.dir, 'dist', '.build-stamp');
    const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
    const inputs = [
      join(root, pkg.dir, 'src'),
      ...packages
        .filter((dep) => pkg.workspaceDependencies.includes(dep.name))
        .map((dep) => join(root, dep.dir, 'src')),
      ...pkg.buildInputs.map((input) => join(root, input)),
    ];
    if (built >= Math.max(...inputs.map(newest))) continue;
    process.stdout.write(`▸ building ${pkg.name}\n`);
    const code = await run('pnpm', ['run', 'build', ...buildArgs(pkg)], { cwd: join(root, pkg.dir) });
    if (code !== 0) return code;
    mkdirSync(join(root, pkg.dir, 'dist'), { recursive: true });
    writeFileSync(stamp, new Date().toISOString());
  }
  return 0;
}
