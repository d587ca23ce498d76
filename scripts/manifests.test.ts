// The public packages say where they come from in one voice: `repository`, `homepage` and `bugs` of every
// published manifest name the same repository (its folder in `repository.directory`), and the root README
// names that repository too, so that changing it is one search and the docs never disagree with npm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root, workspacePackages } from '@chronos/devkit/run';

interface Manifest {
  private?: boolean;
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
}

const published = workspacePackages()
  .map((pkg) => ({ dir: pkg.dir, manifest: JSON.parse(readFileSync(join(root, pkg.dir, 'package.json'), 'utf8')) }))
  .filter((entry): entry is { dir: string; manifest: Manifest } => !entry.manifest.private);

/** `git+https://host/owner/name.git` → `https://host/owner/name`. */
function webUrl(repositoryUrl: string): string {
  return repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '');
}

test('the published packages are the four public ones', () => {
  assert.deepEqual(published.map((entry) => entry.dir).sort(), [
    'packages/core',
    'packages/react',
    'packages/tiles',
    'packages/widgets',
  ]);
});

test('every published manifest names the same repository, its own folder in it, its README and the issues', () => {
  const urls = new Set(published.map((entry) => entry.manifest.repository?.url));
  assert.equal(urls.size, 1, `repository.url differs between packages: ${[...urls].join(', ')}`);
  const base = webUrl([...urls][0]!);
  for (const { dir, manifest } of published) {
    assert.equal(manifest.repository?.type, 'git', dir);
    assert.equal(manifest.repository?.directory, dir, `${dir}: repository.directory`);
    assert.equal(manifest.homepage, `${base}/tree/main/${dir}#readme`, `${dir}: homepage`);
    assert.equal(manifest.bugs?.url, `${base}/issues`, `${dir}: bugs.url`);
  }
});

test('the root README names the repository the manifests name', () => {
  const base = webUrl(published[0]!.manifest.repository!.url!);
  assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(`\`${base}\``), `README.md does not name ${base}`);
});
