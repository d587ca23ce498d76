// No relative path crosses a workspace boundary: a file of one workspace package never reaches into another
// package by relative path (an import, a `new URL('../…', import.meta.url)`, a `join(import.meta.dirname,
// '..', …)` or a variable built that way), it goes through that package's name and `exports` map. Files of
// the root package (scripts/, the root configs) may: they are the root scripts' defaults. Reaching the
// repository's own root files (the lockfile, `.env`, deploy/) is not reaching into a package; scripts/lib
// (`@chronos/devkit`, the root scripts' library) counts as the root.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { root, workspacePackages } from '@chronos/devkit/run';

const SOURCE = /\.(c|m)?(t|j)sx?$/;

/** The workspace packages' folders, relative to the root (the root package itself is ''). */
const packageDirs = [...workspacePackages().map((pkg) => pkg.dir), 'scripts/lib'].sort((a, b) => b.length - a.length);

/**
 * The folder of the workspace package that owns `path`, '' for the root package. scripts/lib
 * (`@chronos/devkit`) is the root scripts' own library and counts as the root.
 */
function ownerOf(path: string): string {
  const inside = relative(root, path);
  const dir = packageDirs.find((candidate) => inside === candidate || inside.startsWith(`${candidate}/`)) ?? '';
  return dir === 'scripts/lib' ? '' : dir;
}

/** `'a', "b"` → ['a', 'b'] when every argument is a string literal, else null. */
function literals(args: string): string[] | null {
  const parts = args
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const values = parts.map((part) => /^(['"])([^'"]*)\1$/.exec(part)?.[2]);
  return values.every((value) => value !== undefined) ? (values as string[]) : null;
}

/**
 * Every path a module names relative to itself, resolved: relative string literals (import specifiers,
 * `new URL('../x', import.meta.url)`) and `join`/`resolve` calls on `import.meta.dirname` (or `__dirname`,
 * or `dirname(fileURLToPath(import.meta.url))`) with literal segments, followed through `const` variables
 * built that way.
 */
export function relativePaths(file: string, text: string): { written: string; resolved: string }[] {
  const here = dirname(file);
  const found: { written: string; resolved: string }[] = [];
  for (const match of text.matchAll(/(['"`])(\.\.?\/[^'"`\s$]*)\1/g)) {
    found.push({ written: match[2]!, resolved: resolve(here, match[2]!) });
  }
  const bases = new Map<string, string>([
    ['import.meta.dirname', here],
    ['__dirname', here],
    ['dirname(fileURLToPath(import.meta.url))', here],
  ]);
  const call =
    /\b(?:join|resolve)\(\s*(import\.meta\.dirname|__dirname|dirname\(fileURLToPath\(import\.meta\.url\)\)|[A-Za-z_$][\w$]*)\s*,([^()]*)\)/g;
  // In order, so that a variable built from another one resolves.
  for (const match of text.matchAll(call)) {
    const base = bases.get(match[1]!);
    const segments = literals(match[2]!);
    if (base === undefined || !segments) continue;
    const resolved = resolve(base, ...segments);
    found.push({ written: match[0], resolved });
    // `const name = join(base, …)` (the call right after the `=`): a base for later calls.
    const before = text.slice(0, match.index);
    const declaration = /\bconst\s+([A-Za-z_$][\w$]*)(?:\s*:\s*string)?\s*=\s*(?:process\.env\.\w+\s*\?\?\s*)?$/.exec(
      before,
    );
    if (declaration) bases.set(declaration[1]!, resolved);
  }
  return found;
}

/** Where `file` (relative to the root) reaches into another workspace package, as readable lines. */
export function crossings(file: string, text: string): string[] {
  const owner = ownerOf(join(root, file));
  if (owner === '') return []; // the root scripts' defaults
  const problems: string[] = [];
  for (const { written, resolved } of relativePaths(join(root, file), text)) {
    const inside = relative(root, resolved);
    if (inside.startsWith('..')) {
      problems.push(`${file}: ${written} leaves the repository`);
      continue;
    }
    const target = ownerOf(resolved);
    if (target !== owner && target !== '') {
      problems.push(`${file} (${owner}): ${written} reaches into ${target}; import it by its package name`);
    }
  }
  return problems;
}

test('no file of a workspace package reaches into another one by relative path', () => {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => SOURCE.test(file) && existsSync(join(root, file)));
  assert.ok(files.length > 100, `only ${files.length} source files found`);
  const problems = files.flatMap((file) => crossings(file, readFileSync(join(root, file), 'utf8')));
  assert.deepEqual(problems, []);
});

test('the check catches what it is for', () => {
  const widgets = 'packages/widgets/src/x.ts';
  assert.deepEqual(crossings(widgets, "import { a } from '../../core/src/index.ts';"), [
    `${widgets} (packages/widgets): ../../core/src/index.ts reaches into packages/core; import it by its package name`,
  ]);
  assert.deepEqual(crossings(widgets, "import { a } from './y.ts';"), []);
  const tiles = 'packages/tiles/src/build/defaults.ts';
  assert.equal(
    crossings(tiles, "const file = join(import.meta.dirname, '..', '..', '..', '..', 'server', 'data', 'b.json');")
      .length,
    1,
  );
  const script = 'packages/widgets/scripts/build.ts';
  const viaVariables =
    "const here = join(import.meta.dirname, '..');\nconst top = join(here, '..', '..');\nrun(join(top, 'packages/core'));";
  assert.match(crossings(script, viaVariables).join('\n'), /reaches into packages\/core/);
  // The repository's own root files are not a package's internals; the root package may reach anywhere.
  assert.deepEqual(
    crossings('stories/test/x.test.ts', "visit(join(import.meta.dirname, '..', '..', 'pnpm-lock.yaml'));"),
    [],
  );
  assert.deepEqual(crossings('vite.config.ts', "new URL('./packages/widgets/', import.meta.url)"), []);
});
