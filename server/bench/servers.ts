// The server processes of bench:api and bench/cpu.ts: a seeded database, the app's production environment,
// processes started on free ports and stopped by their own PID, and the bare route's samples (the bytes and
// headers the app sends for a cached URL, written for bench/baseline-server.ts to replay).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { freePort } from '@chronos/devkit/processes';
import { REDIS_URL } from '../src/testing/database.ts';
import { ORIGIN } from './load.ts';

export const cli = join(import.meta.dirname, '../src/cli.ts');
export const baselineServer = join(import.meta.dirname, 'baseline-server.ts');
const children: ChildProcess[] = [];

/** Migrates and seeds `databaseUrl` in a separate process, as an operator would (`chronos-server seed`). */
export function seedDatabase(databaseUrl: string): void {
  const seeded = spawnSync(process.execPath, [cli, 'seed'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
}

/** The app's environment under load: production, PostgreSQL, Redis unless BENCH_NO_REDIS, limits out of the way. */
export function serverEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    ALLOWED_ORIGINS: ORIGIN,
    ...(process.env.BENCH_NO_REDIS ? {} : { REDIS_URL }),
    RATE_LIMIT_MAX: '100000000',
    DATA_VERSION_POLL_MS: '0',
    SCHEDULER: 'off',
  };
}

/** Starts a server process and resolves with its base URL once it answers. */
export async function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  probe: string,
): Promise<{ url: string; child: ChildProcess }> {
  // A port free now (other engineers' servers share the machine), not a random guess.
  const port = await freePort();
  const child = spawn(process.execPath, [...args.map((a) => a.replace('{port}', String(port)))], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${url}${probe}`, { headers: { origin: ORIGIN } }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return { url, child };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${args.join(' ')} did not start`);
}

/** Stops a server process and waits until it has exited (its port and memory are free again). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Stops every process this bench started (a failed run included). */
export async function stopAll(): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** The raw bytes and headers a request gets (fetch would decompress). */
function raw(url: string, encoding: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': encoding, origin: ORIGIN } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') headers[name] = value;
        }
        resolve({ body: Buffer.concat(chunks), headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const HOP_BY_HOP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Writes the bare route's sample `name` (the app's answer to `url` in each encoding: body and end-to-end headers)
 * into `sampleDir`; returns the body sizes by encoding. */
export async function recordSample(sampleDir: string, name: string, url: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const encoding of ['br', 'gzip', 'identity']) {
    const sample = await raw(url, encoding);
    sizes[encoding] = sample.body.length;
    const headers = Object.fromEntries(Object.entries(sample.headers).filter(([h]) => !HOP_BY_HOP.has(h)));
    writeFileSync(join(sampleDir, `${name}.${encoding}.body`), sample.body);
    writeFileSync(join(sampleDir, `${name}.${encoding}.headers.json`), JSON.stringify(headers));
  }
  return sizes;
}
