// The docs tell the truth about paths: every `@chronos/*` import a Markdown file shows (code blocks and
// inline code) names an entry of that workspace package's `exports` map, and every relative link in every
// tracked Markdown file reaches a file or folder inside the repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { root, workspacePackages } from '@chronos/devkit/run';

const markdownFiles = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '*.md'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\0')
  .filter((file) => file && existsSync(join(root, file)));

interface Manifest {
  name: string;
  exports?: string | Record<string, unknown>;
  main?: string;
  module?: string;
}

/** Every workspace package's manifest by name, `@chronos/devkit` (scripts/lib) included. */
const manifests = new Map(
  [...workspacePackages().map((pkg) => pkg.dir), 'scripts/lib']
    .map((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest)
    .map((manifest) => [manifest.name, manifest]),
);

/** `@chronos/x` or `@chronos/x/sub` → its subpath in exports terms: `.` or `./sub`. */
function splitSpecifier(specifier: string): { name: string; subpath: string } {
  const [scope, name, ...rest] = specifier.split('/');
  return { name: `${scope}/${name}`, subpath: rest.length ? `./${rest.join('/')}` : '.' };
}

/** Why a specifier does not resolve through the workspace's exports maps, or null when it does. */
export function importProblem(specifier: string): string | null {
  const { name, subpath } = splitSpecifier(specifier);
  const manifest = manifests.get(name);
  if (!manifest) return `no workspace package is named ${name} (packages: ${[...manifests.keys()].join(', ')})`;
  const { exports } = manifest;
  if (exports === undefined) {
    if (subpath === '.' && (manifest.main || manifest.module)) return null;
    return `${name} has no "exports" map${subpath === '.' ? ' and no main' : ''}, so ${specifier} does not resolve`;
  }
  const keys =
    typeof exports === 'string' || !Object.keys(exports).some((key) => key.startsWith('.'))
      ? ['.']
      : Object.keys(exports);
  const matches = keys.some((key) => {
    if (!key.includes('*')) return key === subpath;
    const [before, after] = key.split('*') as [string, string];
    return subpath.startsWith(before) && subpath.endsWith(after) && subpath.length > before.length + after.length - 1;
  });
  return matches ? null : `${name} does not export "${subpath}"; its exports: ${keys.join(', ')}`;
}

/** `@chronos/*` specifiers in `import … from '…'`, `import '…'` and `import('…')`, anywhere in the text. */
export function chronosImports(text: string): string[] {
  const found = new Set<string>();
  const pattern = /\bimport\s*(?:\(\s*|[^'"`;()]*?\bfrom\s*|)['"](@chronos\/[^'"\s]+)['"]/g;
  for (const match of text.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

/** Relative link targets (`[text](target)`, `![alt](target)`) outside fenced code blocks. */
export function relativeLinks(text: string): string[] {
  const prose = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const links: string[] = [];
  for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) continue;
    links.push(target);
  }
  return links;
}

/** Why a relative link from `file` does not reach a file in the repository, or null when it does. */
export function linkProblem(file: string, target: string): string | null {
  const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
  const absolute = resolve(root, dirname(file), path);
  const inside = relative(root, absolute);
  if (inside.startsWith(`..${sep}`) || inside === '..') return `${target} points outside the repository`;
  return existsSync(absolute) ? null : `${target} does not exist (${inside})`;
}

test('the documentation is checked: Markdown files are found', () => {
  assert.ok(markdownFiles.includes('README.md'), 'the root README is tracked');
  assert.ok(markdownFiles.length > 5, `only ${markdownFiles.length} Markdown files found`);
});

test('every @chronos/* import shown in the docs resolves through that package’s exports map', () => {
  const problems: string[] = [];
  for (const file of markdownFiles) {
    if (file.endsWith('CHANGELOG.md') || file.startsWith('.changeset/')) continue; // history, not instructions
    for (const specifier of chronosImports(readFileSync(join(root, file), 'utf8'))) {
      const problem = importProblem(specifier);
      if (problem) problems.push(`${file}: import '${specifier}': ${problem}`);
    }
  }
  assert.deepEqual(problems, []);
});

/** `@chronos/*` names in inline code (`` `@chronos/server/testing` ``): a package, or a subpath of one. */
export function chronosMentions(text: string): string[] {
  return [...new Set([...text.matchAll(/`(@chronos\/[a-z0-9-]+(?:\/[A-Za-z0-9._/-]+)?)`/g)].map((match) => match[1]!))];
}

test('every @chronos/* package or subpath named in inline code exists (a subpath through the exports map)', () => {
  const problems: string[] = [];
  for (const file of markdownFiles) {
    if (file.endsWith('CHANGELOG.md') || file.startsWith('.changeset/')) continue;
    for (const specifier of chronosMentions(readFileSync(join(root, file), 'utf8'))) {
      const { name, subpath } = splitSpecifier(specifier);
      const problem =
        subpath === '.'
          ? manifests.has(name)
            ? null
            : `no workspace package is named ${name}`
          : importProblem(specifier);
      if (problem) problems.push(`${file}: \`${specifier}\`: ${problem}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every relative link in a tracked Markdown file reaches a file in the repository', () => {
  const problems: string[] = [];
  for (const file of markdownFiles) {
    for (const target of relativeLinks(readFileSync(join(root, file), 'utf8'))) {
      const problem = linkProblem(file, target);
      if (problem) problems.push(`${file}: ${problem}`);
    }
  }
  assert.deepEqual(problems, []);
});

/** The folders the root README's "The parts" table names (its first column; `a`, `b` cells give both). */
export function partsFolders(readme: string): string[] {
  const section = readme.split(/^## The parts$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

/** Whether `folder` is named by one of `entries`, exactly or through a `*` segment (`tests/*`). */
export function namedIn(folder: string, entries: string[]): boolean {
  return entries.some((entry) => {
    if (!entry.includes('*')) return entry === folder;
    const pattern = new RegExp(
      `^${entry
        .split('*')
        .map((part) => part.replace(/[.?+^$()[\]{}|\\/]/g, '\\$&'))
        .join('[^/]+')}$`,
    );
    return pattern.test(folder);
  });
}

test('the root README’s "The parts" names every top-level folder and every workspace package', () => {
  const entries = partsFolders(readFileSync(join(root, 'README.md'), 'utf8'));
  assert.ok(entries.length > 20, `only ${entries.length} folders read from "The parts"`);
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file.includes('/') && existsSync(join(root, file)));
  const folders = new Set([
    ...tracked.map((file) => file.split('/')[0]!),
    ...workspacePackages().map((pkg) => pkg.dir),
    'scripts/lib',
  ]);
  // A top-level folder that only groups packages (packages/, tests/, examples/) is named through them.
  const named = (folder: string) =>
    namedIn(folder, entries) || (!folder.includes('/') && entries.some((entry) => entry.startsWith(`${folder}/`)));
  const missing = [...folders].filter((folder) => !named(folder)).sort();
  assert.deepEqual(missing, [], 'add a line for each to "The parts" in README.md');
});

test('the checks catch what they are for', () => {
  assert.deepEqual(chronosMentions('`@chronos/server/testing` and `@chronos/core`, not @chronos/x'), [
    '@chronos/server/testing',
    '@chronos/core',
  ]);
  assert.deepEqual(partsFolders('## The parts\n| `a` | x |\n| `b/c`, `d` | y |\n## Next\n| `e` | z |'), [
    'a',
    'b/c',
    'd',
  ]);
  assert.ok(namedIn('tests/flagship', ['tests/*']));
  assert.ok(!namedIn('tests/flagship/src', ['tests/*']));
  assert.ok(!namedIn('deploy', ['docs', 'packages/*/bench']));
  assert.deepEqual(
    chronosImports("then `import '@chronos/widgets/choropleth'` and\n```js\nimport { a } from '@chronos/core';\n```"),
    ['@chronos/widgets/choropleth', '@chronos/core'],
  );
  assert.match(importProblem('@chronos/widgets/choropleth') ?? '', /does not export "\.\/choropleth"; its exports: \./);
  assert.equal(importProblem('@chronos/widgets'), null);
  assert.match(importProblem('@chronos/nope') ?? '', /no workspace package is named @chronos\/nope/);
  assert.deepEqual(relativeLinks('[a](../x.md) [b](https://x.dev) [c](#top)\n```\n[d](e.md)\n```\n![i](p.png "t")'), [
    '../x.md',
    'p.png',
  ]);
  assert.match(linkProblem('README.md', '../shared/design/ARCHITECTURE.md') ?? '', /outside the repository/);
  assert.match(linkProblem('README.md', 'docs/NOPE.md') ?? '', /does not exist/);
  assert.equal(linkProblem('server/README.md', '../README.md#the-parts'), null);
});
