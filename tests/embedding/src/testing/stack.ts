// A real embedding, started for the end-to-end tests and the first-load bench: the Chronos server as an
// operator runs it (`chronos-server serve`, NODE_ENV=production, on a fresh PostgreSQL database, Redis,
// the built tile archives and CDN bundle) with publishable keys made by `chronos-server keys create`, and
// a separate tiny HTTP server for the third-party pages. Chromium reaches both through host names mapped
// to 127.0.0.1 (HOST_RESOLVER_RULES), so the page's origin is http://news.example:<port>, not loopback.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { boundariesFile, createTestDatabase, REDIS_URL } from '@chronos/server/testing';

export const PAGE_HOST = 'news.example';
export const API_HOST = 'api.chronos.test';
/** For Chromium: both names resolve to this machine. */
export const HOST_RESOLVER_RULES = `--host-resolver-rules=MAP ${PAGE_HOST} 127.0.0.1,MAP ${API_HOST} 127.0.0.1`;

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const serverDir = packageDir('@chronos/server');
const serverCli = join(
  serverDir,
  (JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin[
    'chronos-server'
  ]!,
);
const widgetsDir = packageDir('@chronos/widgets');
export const cdnDir = join(widgetsDir, 'dist', 'cdn');

export interface EmbeddingStack {
  /** The API (and /cdn, /tiles) as the page sees it: http://api.chronos.test:<port>. */
  api: string;
  /** The same server at http://127.0.0.1:<port>, as `npm start` users open its demo page (the page's CSP
   * upgrades insecure requests, which browsers skip for loopback hosts only). */
  local: string;
  /** The third-party page's origin: http://news.example:<port>. */
  pageOrigin: string;
  /** A publishable key bound to pageOrigin. */
  key: string;
  /** A valid key bound to another site. */
  otherSiteKey: string;
  /** A key bound to pageOrigin that allows one request per window. */
  limitedKey: string;
  /** Serves `html` at pageOrigin + path, with extra response headers (e.g. a Content-Security-Policy). */
  page(path: string, html: string, headers?: Record<string, string>): string;
  /** The page server's CSP report endpoint (`report-uri`), and the bodies it received so far. */
  reportUri: string;
  reports(): unknown[];
  close(): Promise<void>;
}

function runOrThrow(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** The CDN bundle as `pnpm build` makes it; built once when missing. */
function ensureCdnBundle(): void {
  if (existsSync(join(cdnDir, 'chronos.js'))) return;
  runOrThrow('pnpm', ['--filter', '@chronos/widgets', 'build'], { cwd: widgetsDir });
}

/** boundaries.pmtiles and basemap.pmtiles from `chronos-tiles build`, into a fresh directory. */
function buildTiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronos-embedding-tiles-'));
  runOrThrow(process.execPath, [
    join(packageDir('@chronos/tiles'), 'src', 'cli.ts'),
    'build',
    '--boundaries',
    boundariesFile,
    '--out',
    dir,
  ]);
  return dir;
}

/** `chronos-server serve` in production mode; resolves with its port once it listens. */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--no-concurrent-recompilation', serverCli, 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ child, port: Number(listening[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`chronos-server serve exited (${code}) before listening:\n${output}`)),
    );
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startEmbeddingStack(): Promise<EmbeddingStack> {
  ensureCdnBundle();
  const tilesDir = buildTiles();
  const database = await createTestDatabase();
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const reports: unknown[] = [];
  const pageServer: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/csp-reports' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        try {
          reports.push(JSON.parse(body));
        } catch {
          reports.push(body);
        }
        response.writeHead(204).end();
      });
      return;
    }
    const page = pages.get(path);
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...page?.headers });
    response.end(page?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const pageOrigin = `http://${PAGE_HOST}:${(pageServer.address() as AddressInfo).port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    REDIS_URL,
    TILES_DIR: tilesDir,
    CDN_DIR: cdnDir,
    // No ingestion from FRED / Statistics Canada: the seeded sample data is what the maps show.
    SCHEDULER: 'off',
    // Other suites share this 2-core machine: a slow moment is not overload.
    MAX_EVENT_LOOP_DELAY_MS: '30000',
    MAX_RSS_MB: '8192',
  };
  let child: ChildProcess | undefined;
  try {
    const started = await startServer(env);
    child = started.child;
    const createKey = (origin: string, label: string, rateLimit = 100_000) =>
      runOrThrow(
        process.execPath,
        [serverCli, 'keys', 'create', '--origin', origin, '--label', label, '--rate-limit', String(rateLimit)],
        { env },
      )
        .trim()
        .split('\n')[0]!
        .trim();
    const key = createKey(pageOrigin, 'news.example embed');
    const otherSiteKey = createKey('https://other-site.example', 'another site');
    const limitedKey = createKey(pageOrigin, 'one request a minute', 1);
    const server = child;
    return {
      api: `http://${API_HOST}:${started.port}`,
      local: `http://127.0.0.1:${started.port}`,
      pageOrigin,
      key,
      otherSiteKey,
      limitedKey,
      page(path, html, headers = {}) {
        pages.set(path, { html, headers });
        return `${pageOrigin}${path}`;
      },
      reportUri: `${pageOrigin}/csp-reports`,
      reports: () => [...reports],
      async close() {
        await stopServer(server);
        await new Promise((resolve) => pageServer.close(resolve));
        await database.drop();
        rmSync(tilesDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopServer(child);
    pageServer.close();
    await database.drop();
    rmSync(tilesDir, { recursive: true, force: true });
    throw error;
  }
}
