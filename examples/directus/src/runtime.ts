// Directus itself, kept out of the workspace install (≈700 MB, minutes to install): `install/` pins it
// (`directus` 12.4.0, `isolated-vm` 6.2.0) with its own npm lockfile, installed by `npm ci` into
// <cache>/directus/<lockfile hash>/ and reused while the lockfile is unchanged. A half-finished install (no
// marker) is removed and redone. This module also builds the environment Directus runs with and starts it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir } from '@chronos/devkit/run';

const installSource = join(import.meta.dirname, '..', 'install');
const MARKER = '.chronos-installed';

/** The install directory for the current lockfile (whether or not it is installed yet). */
export function installDir(): string {
  const hash = createHash('sha256')
    .update(`${process.versions.node.split('.')[0]}|${process.platform}|${process.arch}|`)
    .update(readFileSync(join(installSource, 'package.json')))
    .update(readFileSync(join(installSource, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);
  return join(cacheDir, 'directus', hash);
}

/** Directus's own CLI entry, which (unlike the `directus` bin) skips the update check against the npm registry. */
export function directusCli(): string {
  return join(installDir(), 'node_modules', '@directus', 'api', 'dist', 'cli', 'run.js');
}

function log(message: string): void {
  process.stderr.write(`[directus] ${message}\n`);
}

/**
 * Installs Directus unless this lockfile's install is already complete. Returns the seconds it took (0 when
 * cached). Concurrent callers on one machine are not coordinated: run setup before the tests, not beside them.
 */
export function ensureInstalled(): number {
  const dir = installDir();
  if (existsSync(join(dir, MARKER))) return 0;
  const started = performance.now();
  if (existsSync(dir)) {
    log(`removing the half-finished install in ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(installSource, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(installSource, 'package-lock.json'), join(dir, 'package-lock.json'));
  log(`installing directus 12.4.0 into ${dir} (npm ci; several minutes on a busy machine)`);
  // Native addons (isolated-vm) must build against the running Node's headers, not ~/.npmrc's `nodedir`.
  const nodeHome = dirname(dirname(process.execPath));
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? nodeHome },
  });
  if (result.status !== 0) {
    throw new Error(
      `npm ci for Directus failed (exit ${result.status}) in ${dir}. Run "pnpm --filter directus setup" again: the half-finished install is removed first.`,
    );
  }
  writeFileSync(join(dir, MARKER), new Date().toISOString());
  const seconds = (performance.now() - started) / 1000;
  log(`installed in ${seconds.toFixed(0)} s`);
  return seconds;
}

export type Database = { client: 'sqlite'; file: string } | { client: 'pg'; url: string; schema: string };

export interface DirectusOptions {
  /** Working directory of the Directus process (uploads, extensions); holds the generated secret. */
  dataDir: string;
  port: number;
  database: Database;
  /** The Next.js site the publish flow calls (`POST {siteUrl}/api/revalidate`). */
  siteUrl?: string;
  revalidateSecret?: string;
  adminEmail?: string;
  adminPassword?: string;
}

export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';
export const DEFAULT_ADMIN_PASSWORD = 'chronos-local-admin';

/** A secret kept beside the data, so tokens survive restarts without anyone having to invent one. */
function projectSecret(dataDir: string): string {
  const file = join(dataDir, '.directus-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The environment Directus runs with. Only what is listed here reaches it: a `.env` in the working directory
 * would override process variables (Directus reads it first), so CONFIG_PATH points at a file that never exists.
 */
export function directusEnv(options: DirectusOptions): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  const database: Record<string, string> =
    options.database.client === 'sqlite'
      ? { DB_CLIENT: 'sqlite3', DB_FILENAME: options.database.file }
      : {
          DB_CLIENT: 'pg',
          DB_CONNECTION_STRING: options.database.url,
          // Directus's tables live in their own schema of the API's database (knex `searchPath`).
          DB_SEARCH_PATH: options.database.schema,
        };
  return {
    PATH: inherited.PATH,
    HOME: inherited.HOME,
    CONFIG_PATH: join(options.dataDir, 'no-such-directus.env'),
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    SECRET: projectSecret(options.dataDir),
    ADMIN_EMAIL: options.adminEmail ?? DEFAULT_ADMIN_EMAIL,
    ADMIN_PASSWORD: options.adminPassword ?? DEFAULT_ADMIN_PASSWORD,
    // Nothing calls the internet: no telemetry, no owner registration, no marketplace.
    TELEMETRY: 'false',
    PROJECT_OWNER_ENABLED: 'false',
    MARKETPLACE_TRUST: 'sandbox',
    WEBSOCKETS_ENABLED: 'false',
    EXTENSIONS_PATH: join(options.dataDir, 'extensions'),
    // Module extensions are looked up among the dependencies of this package.json: Directus's own has none.
    PACKAGE_FILE_LOCATION: installDir(),
    STORAGE_LOCAL_ROOT: join(options.dataDir, 'uploads'),
    LOG_LEVEL: inherited.DIRECTUS_LOG_LEVEL ?? 'warn',
    LOG_STYLE: 'raw',
    // The publish flow reads these two through `{{$env.…}}`; nothing else of the environment is visible to flows.
    FLOWS_ENV_ALLOW_LIST: 'CHRONOS_SITE_URL,CHRONOS_REVALIDATE_SECRET',
    CHRONOS_SITE_URL: options.siteUrl ?? '',
    CHRONOS_REVALIDATE_SECRET: options.revalidateSecret ?? '',
    // The default deny list (0.0.0.0 = every local interface) would stop the flow's request to a site on
    // this machine; the cloud metadata address stays denied.
    IMPORT_IP_DENY_LIST: '169.254.169.254',
    ...database,
  };
}

/** Runs a Directus CLI command (bootstrap, schema apply) to completion; throws with its output on failure. */
export function directusCommand(args: string[], options: DirectusOptions, logLevel = 'warn'): string {
  const result = spawnSync(process.execPath, [directusCli(), ...args], {
    cwd: options.dataDir,
    env: { ...directusEnv(options), LOG_LEVEL: logLevel },
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`directus ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
  return output;
}

export interface RunningDirectus {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts Directus (own process group) and resolves once `GET /server/ping` answers. */
export async function startDirectus(
  options: DirectusOptions,
  stdio: 'pipe' | 'inherit' = 'pipe',
): Promise<RunningDirectus> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [directusCli(), 'start'], {
    cwd: options.dataDir,
    env: directusEnv(options),
    detached: true,
    stdio: ['ignore', stdio, stdio],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    await exit;
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Directus exited before answering ${url}/server/ping:\n${output.slice(-4000)}`);
    try {
      if ((await fetch(`${url}/server/ping`)).ok) return { url, process: child, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Directus did not answer ${url}/server/ping within 180 s:\n${output.slice(-4000)}`);
}
