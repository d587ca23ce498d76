// `pnpm build` for @chronos/widgets: the npm build (ES modules + .d.ts + custom-elements.json), then the
// CDN bundle from the root vite.config.ts, then dist/.build-stamp (root `npm start` rebuilds when any
// source file is newer than the stamp).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const here = join(import.meta.dirname, '..');
const root = join(here, '..', '..');

function step(command: string, args: string[], cwd = here): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(' ')} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

rmSync(join(here, 'dist'), { recursive: true, force: true });
// The declarations import @chronos/core's; build them when core has not been built yet.
if (!existsSync(join(root, 'packages/core/dist/index.d.ts')))
  step('pnpm', ['run', 'build'], join(root, 'packages/core'));
await build({ configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
step('tsc', ['-p', 'tsconfig.build.json']);
step('custom-elements-manifest', ['analyze']); // custom-elements-manifest.config.mjs
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(join(here, 'dist', '.build-stamp'), `${new Date().toISOString()}\n`);
process.stdout.write('built packages/widgets/dist (npm) and dist/cdn (CDN)\n');
