// `npm start`: builds what is missing (widgets CDN bundle, tile archives), then runs the server on its
// embedded defaults (PGlite, in-process cache, local tiles) at http://127.0.0.1:8787 (PORT to change), and
// the flagship site (examples/nextjs, `next start`) at http://127.0.0.1:3000 (SITE_PORT to change,
// SITE=off to leave it out), built once and again only when its inputs change.
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildStalePackages } from '@chronos/devkit/build-stale';
import { root } from '@chronos/devkit/run';
import { spawnTied } from '@chronos/devkit/tied-child';

/** Resolves when nothing listens on 127.0.0.1:port; exits with a message naming the variable when taken. */
function ensurePortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        `npm start: port ${port} is ${error.code === 'EADDRINUSE' ? 'already in use' : `unusable (${error.code})`}; set ${variable} to a free port${variable === 'SITE_PORT' ? ' or SITE=off' : ''}.\n`,
      );
      process.exit(1);
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

const apiPort = Number(process.env.PORT ?? 8787);
// With PORT=0 (any free port) the site could not know the API's address: it is left out.
const withSite = process.env.SITE !== 'off' && apiPort !== 0;
const sitePort = Number(process.env.SITE_PORT ?? 3000);
// Ports first, before minutes of building: a taken port ends `npm start` at once.
if (apiPort !== 0) await ensurePortFree(apiPort, 'PORT');
if (withSite) await ensurePortFree(sitePort, 'SITE_PORT');

// Packages whose dist/ is older than their sources are built first (widget bundles, tile archives).
const built = await buildStalePackages();
if (built !== 0) process.exit(built);

let site: ChildProcess | undefined;
if (withSite) {
  // Imported by path like the server below: the site is its own project (examples/nextjs).
  const cached = (await import(join(root, 'examples/nextjs/scripts/cached-build.ts'))) as {
    siteBuildIsCurrent: () => boolean;
    ensureSiteBuilt: () => Promise<number>;
    siteDir: string;
    siteEnv: (extra: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  };
  if (!cached.siteBuildIsCurrent()) process.stdout.write('▸ building the flagship site (examples/nextjs)\n');
  await cached.ensureSiteBuilt();
  // Tied to this process (devkit's tied-child): `next start` stops when this launcher ends, SIGKILL included.
  const nextBin = createRequire(join(cached.siteDir, 'package.json')).resolve('next/dist/bin/next');
  site = spawnTied(nextBin, ['start', '--hostname', '127.0.0.1', '--port', String(sitePort)], {
    cwd: cached.siteDir,
    env: cached.siteEnv({
      NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL ?? `http://127.0.0.1:${apiPort}`,
      NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL ?? `http://127.0.0.1:${sitePort}`,
    }),
  });
  // The site goes with the server (which exits this process) and with our signals.
  process.on('exit', () => site?.kill('SIGTERM'));
  site.on('exit', (code) => {
    if (code) process.stderr.write(`the flagship site exited with code ${code}\n`);
  });
  process.stdout.write(`flagship site: http://127.0.0.1:${sitePort}/analytics/geospatial\n`);
}

// The server, tied to this process (server/src/ops/launcher.ts: V8 flags, signals forwarded, and the server
// stops when this launcher dies, even by SIGKILL). Imported by path, as the server is its own project.
const { launchServer } = (await import(join(root, 'server/src/ops/launcher.ts'))) as {
  launchServer: (args: string[], options: { cwd: string }) => unknown;
};
launchServer(['serve', ...process.argv.slice(2)], { cwd: root });
