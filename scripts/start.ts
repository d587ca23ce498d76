// `npm start`: builds what is missing (widgets CDN bundle, tile archives), then runs the server on its
// embedded defaults (PGlite, in-process cache, local tiles) at http://127.0.0.1:8787 (PORT to change).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArgs, root, run, workspacePackages } from '@chronos/devkit/run';

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

// A package's `build` output is stale when anything it is built from is newer than its dist/ stamp:
// its own src/, the src/ of the workspace packages it depends on (the CDN bundle includes core), and
// the extra inputs its manifest names (the tile archives are built from server/data).
const packages = workspacePackages();
for (const pkg of packages) {
  if (!pkg.scripts.build || !pkg.dir.startsWith('packages/')) continue;
  const stamp = join(root, pkg.dir, 'dist', '.build-stamp');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const inputs = [
    join(root, pkg.dir, 'src'),
    ...packages.filter((dep) => pkg.workspaceDependencies.includes(dep.name)).map((dep) => join(root, dep.dir, 'src')),
    ...pkg.buildInputs.map((input) => join(root, input)),
  ];
  if (built >= Math.max(...inputs.map(newest))) continue;
  process.stdout.write(`▸ building ${pkg.name}\n`);
  const code = await run('pnpm', ['run', 'build', ...buildArgs(pkg)], { cwd: join(root, pkg.dir) });
  if (code !== 0) process.exit(code);
  mkdirSync(join(root, pkg.dir, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

// The server, tied to this process (server/src/ops/launcher.ts: V8 flags, signals forwarded, and the server
// stops when this launcher dies, even by SIGKILL). Imported by path, as the server is its own project.
const { launchServer } = (await import(join(root, 'server/src/ops/launcher.ts'))) as {
  launchServer: (args: string[], options: { cwd: string }) => unknown;
};
launchServer(['serve', ...process.argv.slice(2)], { cwd: root });
