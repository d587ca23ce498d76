// `npm run build`: builds every workspace package that has a `build` script, in dependency order.
import { join } from 'node:path';
import { buildArgs, root, run, workspacePackages } from '@chronos/devkit/run';

for (const pkg of workspacePackages()) {
  if (!pkg.scripts.build) continue;
  process.stdout.write(`\n▸ build ${pkg.name}\n`);
  const code = await run('pnpm', ['run', 'build', ...buildArgs(pkg)], { cwd: join(root, pkg.dir) });
  if (code !== 0) {
    process.stderr.write(`build of ${pkg.name} failed (exit ${code})\n`);
    process.exit(code);
  }
}
