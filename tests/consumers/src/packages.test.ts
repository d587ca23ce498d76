// The packed tarballs, checked as a registry user receives them: licence, manifest fields, files that the
// manifest and custom-elements.json name, source maps, publint and @arethetypeswrong/cli (ESM-only).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, test } from 'node:test';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { step } from './processes.ts';
import { PUBLIC_PACKAGES, type PublicPackage, packedTarballs, tarballFiles, tarballText } from './tarballs.ts';

const names = Object.keys(PUBLIC_PACKAGES) as PublicPackage[];
const tarballs = packedTarballs();

const manifest = (name: PublicPackage) => JSON.parse(tarballText(tarballs[name], 'package.json'));

describe('packed tarballs', () => {
  for (const name of names) {
    test(`${name}: LICENSE (MIT), repository, homepage, bugs, engines, sideEffects, no workspace: ranges`, () => {
      assert.match(tarballText(tarballs[name], 'LICENSE'), /^MIT License/);
      const pkg = manifest(name);
      assert.equal(pkg.license, 'MIT');
      assert.equal(pkg.private, undefined);
      for (const field of ['repository', 'homepage', 'bugs', 'engines', 'sideEffects'])
        assert.ok(pkg[field] !== undefined, `${name} has no "${field}"`);
      const ranges = Object.values({ ...pkg.dependencies, ...pkg.peerDependencies }) as string[];
      assert.deepEqual(
        ranges.filter((range) => range.startsWith('workspace:')),
        [],
      );
      for (const [dependency, range] of Object.entries(pkg.dependencies ?? {}) as [string, string][]) {
        if (dependency.startsWith('@chronos/')) assert.match(range, /^\^\d/, `${dependency} should be a caret range`);
      }
    });

    test(`${name}: every export condition names a shipped file, types first`, () => {
      const files = new Set(tarballFiles(tarballs[name]));
      const pkg = manifest(name);
      for (const [subpath, target] of Object.entries(pkg.exports) as [string, string | Record<string, string>][]) {
        const conditions = typeof target === 'string' ? { default: target } : target;
        if (typeof target !== 'string' && 'types' in target) assert.equal(Object.keys(target)[0], 'types', subpath);
        for (const file of Object.values(conditions))
          assert.ok(files.has(posix.normalize(file)), `${name} ${subpath} → ${file} is not in the tarball`);
      }
    });

    test(`${name}: every sourceMappingURL points at a shipped map`, () => {
      const files = tarballFiles(tarballs[name]);
      const shipped = new Set(files);
      const dangling: string[] = [];
      for (const file of files.filter((path) => /\.(m?js|css)$/.test(path))) {
        for (const match of tarballText(tarballs[name], file).matchAll(
          /[#@] sourceMappingURL=(\S+)\s*(?:\*\/)?\s*$/gm,
        )) {
          const map = posix.join(posix.dirname(file), match[1]!);
          if (!match[1]!.startsWith('data:') && !shipped.has(map)) dangling.push(`${file} → ${match[1]}`);
        }
      }
      assert.deepEqual(dangling, []);
    });

    test(`${name}: publint (strict) finds nothing`, async () => {
      const tarball = readFileSync(tarballs[name]);
      const { messages, pkg } = await publint({
        pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
        strict: true,
      });
      assert.deepEqual(
        messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`),
        [],
      );
    });

    test(`${name}: @arethetypeswrong/cli (ESM-only profile) finds no problem`, async () => {
      await step('attw', [tarballs[name], '--profile', 'esm-only', '--format', 'ascii'], import.meta.dirname);
    });
  }

  test('@chronos/widgets: unpkg and jsdelivr name the one-file CDN entry; MapLibre worker beside the runtime', () => {
    const pkg = manifest('@chronos/widgets');
    const files = new Set(tarballFiles(tarballs['@chronos/widgets']));
    assert.equal(pkg.unpkg, './dist/cdn/chronos.js');
    assert.equal(pkg.jsdelivr, './dist/cdn/chronos.js');
    assert.ok(files.has('dist/cdn/chronos.js'));
    assert.ok(files.has('dist/internal/maplibre-gl-worker.mjs'));
    // The shipped worker must be the one of the maplibre-gl version installed with it.
    assert.match(pkg.dependencies['maplibre-gl'], /^\d+\.\d+\.\d+$/);
    assert.match(
      tarballText(tarballs['@chronos/widgets'], 'dist/internal/maplibre-worker-url.npm.js'),
      /new URL\(\s*"\.\/maplibre-gl-worker\.mjs",\s*import\.meta\.url\s*\)/,
    );
  });

  test('@chronos/widgets: custom-elements.json names only shipped modules', () => {
    const files = new Set(tarballFiles(tarballs['@chronos/widgets']));
    const cem = tarballText(tarballs['@chronos/widgets'], 'custom-elements.json');
    const paths = [...cem.matchAll(/"(?:path|module)": "([^"]+)"/g)].map((match) => match[1]!);
    assert.ok(paths.length > 0);
    assert.deepEqual(
      [...new Set(paths)].filter((path) => !files.has(posix.normalize(path))),
      [],
    );
  });

  test('@chronos/widgets: its npm modules ship the templates without their source layout, the code readable', () => {
    const tarball = tarballs['@chronos/widgets'];
    const modules = tarballFiles(tarball).filter((path) => path.endsWith('.js') && !path.startsWith('dist/cdn/'));
    const laidOut: string[] = [];
    let templates = 0;
    for (const file of modules) {
      for (const text of templateTexts(tarballText(tarball, file))) {
        templates++;
        if (/\n/.test(text)) laidOut.push(`${file}: ${JSON.stringify(text.slice(0, 60))}…`);
      }
    }
    assert.ok(templates > 100, `only ${templates} css/html/svg templates found`);
    assert.deepEqual(laidOut, []);
    // Only the templates: the modules keep their names and one statement a line, for consumers' debuggers.
    const slider = tarballText(tarball, 'dist/components/time-slider/time-slider.js');
    assert.match(slider, /^var ChronosTimeSlider = class extends ChronosElement \{$/m);
    assert.ok(slider.split('\n').length > 200, 'time-slider.js is not one statement a line');
  });

  test('@chronos/core: the types its API exposes (d3-scale) are dependencies', () => {
    assert.ok(manifest('@chronos/core').dependencies['@types/d3-scale']);
  });
});

/** The static text of every css``, html`` and svg`` template in `code` (a module as the npm build writes it:
 * not minified), read with a scanner of template literals, their `${…}` expressions and the strings and
 * comments in those (enough for the build's output, which has no regular expression holding a backtick). */
function templateTexts(code: string): string[] {
  const texts: string[] = [];
  const tagged = /\b(?:css|html|svg)`/g;
  for (let match = tagged.exec(code); match; match = tagged.exec(code))
    tagged.lastIndex = readTemplate(code, match.index + match[0].length, texts);
  return texts;
}

/** Reads the template literal whose text starts at `start`, adding its static parts (and those of the tagged
 * templates inside it) to `texts`; returns the index after its closing backtick. */
function readTemplate(code: string, start: number, texts: string[]): number {
  let text = '';
  let at = start;
  while (at < code.length) {
    const char = code[at]!;
    if (char === '`') {
      texts.push(text);
      return at + 1;
    }
    if (char === '$' && code[at + 1] === '{') {
      texts.push(text);
      text = '';
      at = readExpression(code, at + 2, texts);
    } else {
      text += char === '\\' ? char + code[at + 1] : char;
      at += char === '\\' ? 2 : 1;
    }
  }
  throw new Error(`unterminated template at ${start}`);
}

/** Skips the `${…}` expression whose code starts at `start`; returns the index after its closing brace. */
function readExpression(code: string, start: number, texts: string[]): number {
  let depth = 0;
  let at = start;
  while (at < code.length) {
    const char = code[at]!;
    if (char === '`') {
      // A template inside the expression: only a tagged one is the build's business.
      at = readTemplate(code, at + 1, /\b(?:css|html|svg)$/.test(code.slice(start, at)) ? texts : []);
    } else if (char === "'" || char === '"') {
      at++;
      while (code[at] !== char) at += code[at] === '\\' ? 2 : 1;
      at++;
    } else if (char === '/' && code[at + 1] === '*') {
      at = code.indexOf('*/', at + 2) + 2;
    } else {
      if (char === '}' && depth-- === 0) return at + 1;
      if (char === '{') depth++;
      at++;
    }
  }
  throw new Error(`unterminated expression at ${start}`);
}
