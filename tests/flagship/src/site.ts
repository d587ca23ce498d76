// The flagship site as its users run it: built by `@chronos/nextjs/cached-build` (only when its inputs
// changed) and `next start` on a free port, pointed at an API by NEXT_PUBLIC_API_URL, in its own process
// group (stopped by its id).
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '@chronos/devkit/processes';
import { join } from 'node:path';
import { siteDir, siteEnv } from '@chronos/nextjs/cached-build';

export { freePort } from '@chronos/devkit/processes';
export { ensureSiteBuilt, inputsHash, root, siteDir, siteEnv } from '@chronos/nextjs/cached-build';

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a long-running command in its own process group and resolves once `url` answers (any status below
 * 500). Rejects with its output if it exits first or does not answer within `timeoutMs`.
 */
export async function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; url: string; timeoutMs?: number },
): Promise<RunningProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status < 500) return { url: options.url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${options.url} did not answer within ${options.timeoutMs ?? 180_000} ms:\n${output.slice(-4000)}`);
}

/** `next start` of the built site on a free port, reading data and tiles from `apiUrl`. */
export async function startSite(apiUrl: string): Promise<RunningProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const next = join(siteDir, 'node_modules', '.bin', 'next');
  const running = await startProcess(next, ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: siteDir,
    env: siteEnv({ NEXT_PUBLIC_API_URL: apiUrl, NEXT_PUBLIC_SITE_URL: url }),
    url: `${url}/`,
  });
  return { ...running, url };
}
