// Small process helpers shared by the root commands (test, start, bench, build).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const root: string = process.env.CHRONOS_ROOT ?? join(import.meta.dirname, '..', '..');

/**
 * Where installs that stay out of the workspace install are kept between runs (Directus, keyed by its
 * lockfile's hash). CI caches this folder; CHRONOS_CACHE_DIR moves it.
 */
export const cacheDir: string = process.env.CHRONOS_CACHE_DIR ?? join(root, '.cache');

/** Runs a command with inherited stdio; resolves with its exit code (never rejects). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: options.env ?? process.env, stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`cannot run ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and returns its stdout, or undefined when it fails or does not exist. */
export function capture(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export interface WorkspacePackage {
  name: string;
  dir: string;
  scripts: Record<string, string>;
  /** Names of the workspace packages it depends on (`workspace:` ranges). */
  workspaceDependencies: string[];
  /** Extra files or folders its build reads, relative to the repository root (`chronos.buildInputs`). */
  buildInputs: string[];
}

/** Workspace members in a stable order: packages first (dependency order), then server, examples, stories. */
export function workspacePackages(): WorkspacePackage[] {
  const order = ['packages/core', 'packages/tiles', 'packages/widgets', 'packages/react', 'server'];
  const dirs = [...order];
  for (const group of ['packages', 'tests', 'examples']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const dir = `${group}/${name}`;
      if (!dirs.includes(dir)) dirs.push(dir);
    }
  }
  dirs.push('stories');
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const dependencies = { ...manifest.dependencies, ...manifest.devDependencies } as Record<string, string>;
      return {
        name: manifest.name,
        dir,
        scripts: manifest.scripts ?? {},
        workspaceDependencies: Object.keys(dependencies).filter((dep) => dependencies[dep]!.startsWith('workspace:')),
        buildInputs: manifest.chronos?.buildInputs ?? [],
      };
    });
}

/**
 * Arguments the root scripts (build, start) give a package's `build` script. The tile build has no default
 * region topology (an installed @chronos/tiles has no repository around it): here it is the server's file.
 */
export function buildArgs(pkg: WorkspacePackage): string[] {
  return pkg.name === '@chronos/tiles' ? ['--boundaries', join(root, 'server', 'data', 'boundaries.topo.json')] : [];
}
