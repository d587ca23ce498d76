// `pnpm bench [name...]`: runs every workspace package's `bench:*` scripts (or only the named ones,
// e.g. `pnpm bench api`) and prints one table: each figure, its baseline measured in the same run,
// the ratio and the goal. Exits non-zero when a bench crashes; a missed goal is reported, not fatal.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, type BenchFigure } from '@chronos/devkit/bench-record';
import { root, run, workspacePackages } from '@chronos/devkit/run';

const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'chronos-bench-'));
const outFile = join(dir, 'figures.jsonl');
let crashed = 0;
let ran = 0;

for (const pkg of workspacePackages()) {
  for (const script of Object.keys(pkg.scripts).filter((name) => name.startsWith('bench:'))) {
    const name = script.slice('bench:'.length);
    if (only.length > 0 && !only.includes(name)) continue;
    ran++;
    process.stdout.write(`\n▸ ${pkg.name} ${script}\n`);
    const code = await run('pnpm', ['run', script], {
      cwd: join(root, pkg.dir),
      env: { ...process.env, CHRONOS_BENCH_OUT: outFile },
    });
    if (code !== 0) {
      crashed++;
      process.stderr.write(`${pkg.name} ${script} exited with code ${code}\n`);
    }
  }
}

const figures: BenchFigure[] = existsSync(outFile)
  ? readFileSync(outFile, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

const rows = [
  ['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', ''],
  ...figures.map((f) => [
    f.bench,
    f.figure,
    `${format(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline}: ${format(f.baselineValue)} ${f.unit}` : '—',
    f.ratio === undefined || f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
    f.goal,
    f.pass ? 'met' : 'MISSED',
  ]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
process.stdout.write('\n');
for (const [index, row] of rows.entries()) {
  process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}\n`);
  if (index === 0) process.stdout.write(`${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
}
const missed = figures.filter((f) => !f.pass).length;
process.stdout.write(
  `\n${ran} bench scripts, ${figures.length} figures, ${figures.length - missed} goals met, ${missed} missed${crashed ? `, ${crashed} crashed` : ''}\n`,
);
if (ran === 0) process.stdout.write(only.length ? `no bench named ${only.join(', ')}\n` : 'no bench:* scripts yet\n');
process.exitCode = crashed > 0 ? 1 : 0;
