#!/usr/bin/env node
// Entry point of every root command (`npm start`, `npm test`, `pnpm bench`, ...).
// Plain JavaScript that runs on Node >= 20: it makes sure the pinned toolchain (Node 24 LTS, pnpm)
// and the workspace's dependencies are in place, then hands over to `scripts/<command>.ts` under
// Node 24. When everything is already in place it costs a few stat calls and one hash.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync, mkdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const NODE_VERSION = pkg.chronos.node; // e.g. "24.21.0"
const PNPM_VERSION = pkg.packageManager.replace(/^pnpm@/, '').split('+')[0];
const toolchainDir = join(root, '.toolchain');
const commands = ['start', 'test', 'bench', 'build', 'lint', 'typecheck', 'format', 'release', 'storybook'];

function fail(message) {
  process.stderr.write(`\nchronos bootstrap: ${message}\n`);
  process.exit(1);
}

const [command, ...args] = process.argv.slice(2);
if (!commands.includes(command)) {
  fail(`unknown command "${command ?? ''}". Valid commands: ${commands.join(', ')}.`);
}

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function npmInstallToolchain(specs) {
  mkdirSync(toolchainDir, { recursive: true });
  if (!existsSync(join(toolchainDir, 'package.json'))) {
    writeFileSync(
      join(toolchainDir, 'package.json'),
      '{ "private": true, "description": "Pinned toolchain fetched by scripts/bootstrap.mjs" }\n',
    );
  }
  log(`fetching ${specs.join(', ')} from the npm registry into .toolchain/`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--prefix', toolchainDir, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...specs],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0)
    fail(`npm could not install ${specs.join(', ')} (exit ${result.status}). Is the npm registry reachable?`);
}

// --- Node 24 -------------------------------------------------------------------------------
function nodePackageName() {
  const platforms = { linux: 'linux', darwin: 'darwin' };
  const arches = { x64: 'x64', arm64: 'arm64' };
  const platform = platforms[process.platform];
  const arch = arches[process.arch];
  if (!platform || !arch) {
    fail(
      `no Node ${NODE_VERSION} package on the npm registry for ${process.platform}/${process.arch}. ` +
        `Install Node ${NODE_VERSION.split('.')[0]} LTS yourself (https://nodejs.org) and run the command with it.`,
    );
  }
  return `node-${platform}-${arch}`;
}

function findNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major === Number(NODE_VERSION.split('.')[0]))
    return { bin: process.execPath, home: dirname(dirname(process.execPath)) };
  const name = nodePackageName();
  const home = join(toolchainDir, 'node_modules', name);
  const bin = join(home, 'bin', 'node');
  const installed =
    existsSync(bin) && JSON.parse(readFileSync(join(home, 'package.json'), 'utf8')).version === NODE_VERSION;
  if (!installed) npmInstallToolchain([`${name}@${NODE_VERSION}`, `pnpm@${PNPM_VERSION}`]);
  return { bin, home };
}

// --- pnpm ----------------------------------------------------------------------------------
function findPnpm() {
  const home = join(toolchainDir, 'node_modules', 'pnpm');
  const bin = join(home, 'bin', 'pnpm.mjs');
  const installed =
    existsSync(bin) && JSON.parse(readFileSync(join(home, 'package.json'), 'utf8')).version === PNPM_VERSION;
  if (!installed) npmInstallToolchain([`pnpm@${PNPM_VERSION}`]);
  return join(toolchainDir, 'node_modules', '.bin');
}

// --- dependencies --------------------------------------------------------------------------
// The install is fresh when the lockfile and every manifest hash to what the last install saw.
function manifestFiles() {
  const files = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'];
  for (const group of ['packages', 'examples']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) files.push(join(group, name, 'package.json'));
  }
  files.push('server/package.json', 'stories/package.json');
  return files.filter((file) => existsSync(join(root, file)));
}

function installHash(files) {
  const hash = createHash('sha256');
  hash.update(`${NODE_VERSION}|${PNPM_VERSION}|${process.platform}|${process.arch}`);
  for (const file of files) {
    hash.update(file);
    hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

function ensureInstalled(env) {
  const stampFile = join(root, 'node_modules', '.chronos-install-stamp');
  const expected = installHash(manifestFiles());
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === expected) return;
  log('installing workspace dependencies (pnpm install --frozen-lockfile)');
  const result = spawnSync('pnpm', ['install', '--frozen-lockfile'], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0)
    fail(
      `pnpm install failed (exit ${result.status}). The lockfile must match every package.json: run "pnpm install" and commit pnpm-lock.yaml.`,
    );
  writeFileSync(stampFile, expected);
}

// --- hand over -----------------------------------------------------------------------------
const started = Date.now();
const node = findNode();
const pnpmBinDir = findPnpm();
const env = {
  ...process.env,
  PATH: [join(node.home, 'bin'), pnpmBinDir, join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  // Native addons must build against Node 24's headers, not the machine's Node 20 (`nodedir` in ~/.npmrc).
  npm_config_nodedir: node.home,
  CHRONOS_ROOT: root,
};
ensureInstalled(env);
env.CHRONOS_BOOTSTRAP_MS = String(Date.now() - started);
if (process.env.CHRONOS_BOOTSTRAP_DEBUG) log(`toolchain ready in ${Date.now() - started} ms`);

const script = join(root, 'scripts', `${command}.ts`);
if (!statSync(script, { throwIfNoEntry: false })) fail(`missing ${script}`);
// The child gets its own process group so that Ctrl-C in a terminal reaches it exactly once (through
// the forwarding below) instead of twice, which graceful shutdown would read as "force quit".
// For `start`, an IPC channel ties the server's launcher (scripts/start.ts) to us: the system closes it when
// this process ends, even by SIGKILL, and the launcher then stops the server (server/src/ops/launcher.ts).
const child = spawn(node.bin, [script, ...args], {
  cwd: process.cwd(),
  env,
  stdio: command === 'start' ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  detached: true,
});
// Forward termination so Ctrl-C / SIGTERM stop the real process cleanly, and exit with its code.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
// npm does not pass SIGTERM on to `npm start`'s script: a process manager stopping npm would leave the
// server running. When whoever started us is gone (our parent changes), stop the child the same way.
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphanWatch);
  child.kill('SIGTERM');
}, 500);
child.on('exit', (code, signal) => {
  clearInterval(orphanWatch);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
