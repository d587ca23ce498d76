// `npm test`: provisions services, then runs lint, the type check and every workspace package's
// `test` script, and ends with one line `N passed, N failed[, N skipped]` summing every suite.
// Each package's test script writes its counts to $CHRONOS_TEST_SUMMARY (see lib/test-summary-reporter.mjs).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionServices, type Services } from '@chronos/devkit/provision';
import { cacheDir, root, run, workspacePackages } from '@chronos/devkit/run';

interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

const results: SuiteResult[] = [];
const summaryDir = mkdtempSync(join(tmpdir(), 'chronos-test-'));

function banner(title: string): void {
  process.stdout.write(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}\n`);
}

/** A check with no inner tests (lint, types) counts as one test. */
async function check(suite: string, command: string, args: string[]): Promise<void> {
  banner(suite);
  const started = performance.now();
  const code = await run(command, args);
  results.push({
    suite,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    seconds: (performance.now() - started) / 1000,
  });
}

/** Runs a command that reports its counts to $CHRONOS_TEST_SUMMARY; records them. */
async function countedSuite(
  suite: string,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  banner(suite);
  const summaryFile = join(summaryDir, `${suite.replace(/\W+/g, '_')}.json`);
  const started = performance.now();
  const code = await run(command, args, { cwd, env: { ...env, CHRONOS_TEST_SUMMARY: summaryFile } });
  const seconds = (performance.now() - started) / 1000;
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(summaryFile)) counts = { ...counts, ...JSON.parse(readFileSync(summaryFile, 'utf8')) };
  // A suite that crashed before reporting, or exited non-zero with no failure counted, is a failure.
  if (code !== 0 && counts.failed === 0) {
    process.stdout.write(`\n${suite}: test command exited with code ${code}\n`);
    counts.failed = 1;
  }
  results.push({ suite, ...counts, seconds });
}

/** node:test over files under the given paths, with the spec reporter for people and the summary one for us. */
function nodeSuite(suite: string, paths: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = ['--test', ...nodeTestReporterArgs, ...paths.map((path) => `${path}**/*.test.ts`)];
  return countedSuite(suite, process.execPath, args, root, env);
}

const nodeTestReporterArgs = [
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${join(root, 'scripts/lib/test-summary-reporter.mjs')}`,
  '--test-reporter-destination=stdout',
];

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  banner('services');
  let services: Services;
  try {
    services = await provisionServices();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.stdout.write('\n0 passed, 1 failed\n');
    return 1;
  }
  process.stdout.write(
    `PostgreSQL ${services.databaseUrl.replace(/:[^:@/]*@/, ':***@')}\nRedis ${services.redisUrl}\nChromium ${services.chromePath}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    CHROME_PATH: services.chromePath,
    NGINX_PATH: services.nginxPath,
    NODE_ENV: 'test',
    // Installs kept out of the workspace install (Directus, ~700 MB) live here between runs; CI caches it.
    CHRONOS_CACHE_DIR: cacheDir,
  };

  if (only.length === 0 || only.includes('lint'))
    await check('lint (biome)', 'biome', ['ci', '--reporter=summary', '.']);
  if (only.length === 0 || only.includes('types')) await check('types (tsc -b)', 'tsc', ['-b', '--pretty']);
  if (only.length === 0 || only.includes('workspace')) await nodeSuite('workspace (scripts)', ['scripts/'], env);
  for (const pkg of workspacePackages()) {
    if (!pkg.scripts.test) continue;
    if (only.length > 0 && !only.some((filter) => pkg.name.includes(filter) || pkg.dir.includes(filter))) continue;
    await countedSuite(pkg.name, 'pnpm', ['run', 'test'], join(root, pkg.dir), env);
  }

  banner('summary');
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) {
    total.passed += result.passed;
    total.failed += result.failed;
    total.skipped += result.skipped;
    const mark = result.failed > 0 ? '✗' : '✓';
    process.stdout.write(
      `${mark} ${result.suite.padEnd(34)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(3)} failed ${String(result.skipped).padStart(3)} skipped ${result.seconds.toFixed(1).padStart(7)} s\n`,
    );
  }
  rmSync(summaryDir, { recursive: true, force: true });
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
  return total.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
