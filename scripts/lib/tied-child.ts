// Long-running Node children that never outlive the process that starts them: `npm start`'s launcher
// (scripts/start.ts) starts the flagship site this way, so that a launcher killed by SIGKILL, which can run
// no clean-up of its own, leaves no `next start` holding the site's port.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const preload = pathToFileURL(join(import.meta.dirname, 'exit-with-launcher.ts')).href;

/**
 * Runs the Node script `script` (a JavaScript file, e.g. `next/dist/bin/next`) with `args` under this Node,
 * tied to this process by an IPC channel (exit-with-launcher.ts): when this process ends for any reason,
 * the child shuts down as on SIGTERM. `stdio` gives the first three streams (default: inherited).
 */
export function spawnTied(
  script: string,
  args: string[],
  options: Omit<SpawnOptions, 'stdio'> & { stdio?: ('inherit' | 'pipe' | 'ignore')[] } = {},
): ChildProcess {
  const [stdin = 'inherit', stdout = 'inherit', stderr = 'inherit'] = options.stdio ?? [];
  return spawn(process.execPath, ['--import', preload, script, ...args], {
    ...options,
    stdio: [stdin, stdout, stderr, 'ipc'],
  });
}
