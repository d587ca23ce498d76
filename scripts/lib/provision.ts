// Makes sure the services the test suites need are there: PostgreSQL with PostGIS, Redis and Chromium.
// On a Debian/Ubuntu machine run as root it installs and starts what is missing; elsewhere it uses
// DATABASE_URL, REDIS_URL and CHROME_PATH and says exactly what is missing.
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { capture, run } from './run.ts';

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  chromePath: string;
  /** nginx for the scale-out test (run as the test's own process, never as a system service); '' if absent. */
  nginxPath: string;
}

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
let aptUpdated = false;

function log(message: string): void {
  process.stdout.write(`[provision] ${message}\n`);
}

function portOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(host: string, port: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(host, port, 250)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function aptInstall(packages: string[]): Promise<boolean> {
  if (!isRoot || !hasApt) return false;
  if (!aptUpdated) {
    log('apt-get update');
    if ((await run('apt-get', ['update', '-qq'])) !== 0) return false;
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env })) === 0;
}

function postgresVersions(): string[] {
  return existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort() : [];
}

async function ensurePostgres(problems: string[]): Promise<string> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.DATABASE_URL) return url; // the caller's server: PostGIS is checked by the server tests
  if (!(await portOpen('127.0.0.1', 5432))) {
    if (postgresVersions().length === 0 && !(await aptInstall(['postgresql']))) {
      problems.push(
        'PostgreSQL: nothing listens on 127.0.0.1:5432 and it cannot be installed here. Set DATABASE_URL to a PostgreSQL >= 15 server with PostGIS 3.',
      );
      return url;
    }
    const version = postgresVersions().at(-1);
    if (version && isRoot) {
      log(`starting PostgreSQL ${version}`);
      await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    }
    if (!(await waitForPort('127.0.0.1', 5432, 20))) {
      problems.push('PostgreSQL: installed but not listening on 127.0.0.1:5432. Start it, or set DATABASE_URL.');
      return url;
    }
  }
  const version = postgresVersions().at(-1);
  if (version && !existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`)) {
    if (!(await aptInstall([`postgresql-${version}-postgis-3`]))) {
      problems.push(
        `PostGIS: the extension is missing for PostgreSQL ${version}. Install postgresql-${version}-postgis-3 (as root), or set DATABASE_URL to a server with PostGIS 3.`,
      );
    }
  }
  return url;
}

async function ensureRedis(problems: string[]): Promise<string> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (process.env.REDIS_URL) return url;
  if (await portOpen('127.0.0.1', 6379)) return url;
  if (!capture('sh', ['-c', 'command -v redis-server']) && !(await aptInstall(['redis-server']))) {
    problems.push('Redis: nothing listens on 127.0.0.1:6379 and redis-server cannot be installed here. Set REDIS_URL.');
    return url;
  }
  log('starting redis-server');
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  if (!(await waitForPort('127.0.0.1', 6379, 10)))
    problems.push('Redis: started but not listening on 127.0.0.1:6379. Set REDIS_URL.');
  return url;
}

async function ensureChromium(problems: string[]): Promise<string> {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  if (await aptInstall(['chromium'])) return '/usr/bin/chromium';
  problems.push('Chromium: no browser found. Install chromium, or set CHROME_PATH to a Chromium/Chrome executable.');
  return '';
}

async function ensureNginx(problems: string[]): Promise<string> {
  const found = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => path && existsSync(path));
  if (found) return found;
  // The scale-out test runs its own nginx (`-p tmpdir -c config`, daemon off, on a free port): whether the
  // package also starts a system nginx on port 80 does not matter to it.
  if (await aptInstall(['nginx'])) return '/usr/sbin/nginx';
  problems.push('nginx: not found and it cannot be installed here. Install nginx, or set NGINX_PATH.');
  return '';
}

/** Provisions every service; throws with the list of what is missing when something cannot be had. */
export async function provisionServices(): Promise<Services> {
  const problems: string[] = [];
  const databaseUrl = await ensurePostgres(problems);
  const redisUrl = await ensureRedis(problems);
  const chromePath = await ensureChromium(problems);
  const nginxPath = await ensureNginx(problems);
  if (problems.length > 0) {
    throw new Error(`The test suites need services that are missing:\n- ${problems.join('\n- ')}`);
  }
  return { databaseUrl, redisUrl, chromePath, nginxPath };
}
