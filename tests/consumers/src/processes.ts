// Commands the consumer test runs: one-shot steps (install, build) whose output is kept for the failure
// message, and servers (preview, start, dev) started in their own process group and stopped by its id.
import { spawn } from 'node:child_process';
import { freePort, step as runStep } from '@chronos/devkit/processes';

/**
 * The environment of a consumer app's commands: ours without NODE_ENV (`npm test` sets it to `test`, which
 * would make Vite and Next.js build in development mode; they choose their own).
 */
function appEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

/** Runs a command to completion in the app's environment (appEnv); resolves with seconds taken. */
export function step(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  return runStep(command, args, cwd, appEnv(env));
}

export { freePort };

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a long-running command (its own process group) and resolves once `url` answers 200. Rejects with
 * the command's output if it exits first or the URL does not answer within `timeoutMs` (generous: the
 * machine is shared).
 */
export async function startServer(
  command: string,
  args: string[],
  cwd: string,
  url: string,
  timeoutMs = 180_000,
): Promise<RunningServer> {
  const child = spawn(command, args, { cwd, env: appEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await exit;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${command} ${args.join(' ')} exited before serving ${url}:\n${output.slice(-4000)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(
    `${command} ${args.join(' ')} did not serve ${url} within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`,
  );
}
