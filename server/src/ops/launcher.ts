// The server never outlives whoever launched it, however the launcher dies (SIGKILL included). A launcher
// (npm start → scripts/start.ts, or this module run as a script) starts the server with an IPC channel;
// the operating system closes the channel when the launcher's process ends for any reason, and the server,
// seeing 'disconnect', shuts down as on SIGTERM. Without a channel (systemd, a shell, `nohup`) nothing
// changes: a server started by hand is not tied to its shell.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_V8_FLAGS } from '../v8-flags.ts';

const cli = join(import.meta.dirname, '..', 'cli.ts');

/** Server side: calls `onLauncherGone` once when the launcher that holds our IPC channel goes away. */
export function exitWithLauncher(onLauncherGone: () => void): void {
  if (!process.channel) return;
  process.once('disconnect', onLauncherGone);
  // A 'disconnect' listener refs the channel; the channel alone must not keep the process running.
  process.channel.unref();
}

export interface LaunchOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Launcher side: runs `chronos-server <args>` (with its V8 flags) tied to this process, forwards
 * SIGINT/SIGTERM/SIGHUP to it, and exits with its exit code.
 */
export function launchServer(args: string[], options: LaunchOptions = {}): ChildProcess {
  const server = spawn(process.execPath, [...SERVER_V8_FLAGS, cli, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => server.kill(signal));
  // Our own launcher (the bootstrap) may hold a channel to us: when it goes, the server goes too.
  exitWithLauncher(() => server.kill('SIGTERM'));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return server;
}

if (import.meta.main) launchServer(process.argv.slice(2));
