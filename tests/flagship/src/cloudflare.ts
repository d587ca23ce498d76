// The flagship site on Cloudflare's runtime, locally: the Cloudflare toolchain (OpenNext adapter, wrangler
// and its workerd binary, ~360 MB) installed apart from the workspace into examples/nextjs/cloudflare by
// `npm ci`, once per lockfile; the OpenNext bundle built from the cached Next build; `wrangler dev` serving
// it in workerd on free ports, with telemetry off. Nothing here reaches Cloudflare.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { step } from '@chronos/devkit/processes';
import { ensureSiteBuilt, freePort, inputsHash, type RunningProcess, siteDir, siteEnv, startProcess } from './site.ts';

export const toolingDir = join(siteDir, 'cloudflare');
const installedMarker = join(toolingDir, 'node_modules', '.chronos-installed');
const bundleMarker = join(siteDir, '.open-next', 'chronos-inputs-hash');

/** Offline and quiet: no usage metrics, no update checks. */
export function cloudflareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return siteEnv({ WRANGLER_SEND_METRICS: 'false', CI: '1', ...extra });
}

/** `npm ci` of the Cloudflare toolchain unless it was installed from the same lockfile. Seconds spent (0: cached). */
export async function ensureCloudflareTooling(): Promise<number> {
  const lock = createHash('sha256')
    .update(readFileSync(join(toolingDir, 'package-lock.json')))
    .digest('hex');
  if (existsSync(installedMarker) && readFileSync(installedMarker, 'utf8') === lock) return 0;
  const started = performance.now();
  // A half-finished install (interrupted earlier) is removed rather than trusted.
  rmSync(join(toolingDir, 'node_modules'), { recursive: true, force: true });
  await step('npm', ['ci', '--no-audit', '--no-fund'], toolingDir, cloudflareEnv());
  writeFileSync(installedMarker, lock);
  return (performance.now() - started) / 1000;
}

/** The OpenNext worker bundle (.open-next), rebuilt only when the site's inputs or the toolchain changed. */
export async function ensureWorkerBuilt(): Promise<{ install: number; nextBuild: number; bundle: number }> {
  const install = await ensureCloudflareTooling();
  const nextBuild = await ensureSiteBuilt();
  const hash = inputsHash([join(toolingDir, 'package-lock.json')]);
  if (existsSync(bundleMarker) && readFileSync(bundleMarker, 'utf8') === hash) return { install, nextBuild, bundle: 0 };
  const started = performance.now();
  await step(
    process.execPath,
    [
      join(toolingDir, 'node_modules', '@opennextjs', 'cloudflare', 'dist', 'cli', 'index.js'),
      'build',
      '--skipNextBuild',
      '--openNextConfigPath',
      'cloudflare/open-next.config.ts',
      '--config',
      'cloudflare/wrangler.jsonc',
    ],
    siteDir,
    cloudflareEnv(),
  );
  writeFileSync(bundleMarker, hash);
  return { install, nextBuild, bundle: (performance.now() - started) / 1000 };
}

/** `wrangler dev` (workerd) serving the bundle on a free port, reading data from `apiUrl`. */
export async function startWorker(apiUrl: string): Promise<RunningProcess> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const running = await startProcess(
    join(toolingDir, 'node_modules', '.bin', 'wrangler'),
    [
      'dev',
      '--config',
      join(toolingDir, 'wrangler.jsonc'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--var',
      `NEXT_PUBLIC_API_URL:${apiUrl}`,
      '--var',
      `NEXT_PUBLIC_SITE_URL:${url}`,
      '--persist-to',
      join(toolingDir, '.wrangler', 'state'),
    ],
    { cwd: toolingDir, env: cloudflareEnv(), url: `${url}/`, timeoutMs: 300_000 },
  );
  return { ...running, url };
}
