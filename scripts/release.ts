// `pnpm release [--dry-run]`: builds every package, validates what would be published — the consumer suite
// (tests/consumers: the packed tarballs checked by publint and @arethetypeswrong/cli, then installed into
// fresh Vite, Next.js and Node apps and drawn in Chromium against the real server) — and publishes the
// public packages with changesets (`changeset publish`: each package whose version is not on the registry
// yet; apply pending changesets first with `pnpm run version`). With --dry-run nothing is published:
// `pnpm publish --dry-run` shows what each public package would upload.
import { provisionServices } from '@chronos/devkit/provision';
import { root, run } from '@chronos/devkit/run';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--dry-run');
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown.join(' ')}: the only option is --dry-run\n`);
  process.exit(2);
}
const dryRun = args.includes('--dry-run');

async function stage(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  process.stdout.write(`\n━━ ${title}\n`);
  const code = await run(command, args, { cwd: root, env });
  if (code !== 0) {
    process.stderr.write(`release stopped: ${title} failed (exit ${code}); nothing was published\n`);
    process.exit(code);
  }
}

await stage('build', process.execPath, ['scripts/build.ts']);
const services = await provisionServices();
await stage('validate (tests/consumers)', 'pnpm', ['--filter', '@chronos/consumers-test', 'run', 'test'], {
  ...process.env,
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  CHROME_PATH: services.chromePath,
  NODE_ENV: 'test',
});
if (dryRun) {
  await stage('publish (dry run)', 'pnpm', [
    '--filter',
    './packages/*',
    '-r',
    'publish',
    '--dry-run',
    '--no-git-checks',
    '--access',
    'public',
  ]);
  process.stdout.write('\ndry run: nothing was published\n');
} else {
  await stage('publish (changesets)', 'changeset', ['publish']);
}
