// Plain Node ESM (what server-side rendering does): every entry point of every packed package imports
// without a DOM, and @chronos/react renders its tag to HTML with react-dom/server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { installApp } from './apps.ts';
import { packedTarballs } from './tarballs.ts';

const workDir = join(import.meta.dirname, '..', '.work');
let dir: string;

before(async () => {
  const installed = await installApp('node', workDir, Object.values(packedTarballs()));
  dir = installed.dir;
  process.stdout.write(
    `node app: dependencies ${installed.dependencySeconds.toFixed(1)} s (0 = cached), tarballs ${installed.tarballSeconds.toFixed(1)} s\n`,
  );
});

describe('plain Node ESM', () => {
  test('every entry point imports, and <ChronosChoropleth> renders its tag on the server', () => {
    const output = execFileSync(process.execPath, ['ssr.mjs'], { cwd: dir, encoding: 'utf8' });
    const { exports, html } = JSON.parse(output.trim().split('\n').pop()!) as {
      exports: Record<string, string[]>;
      html: string;
    };
    assert.ok(exports['@chronos/core']!.includes('ChronosClient'));
    assert.ok(exports['@chronos/tiles']!.length > 0);
    assert.ok(exports['@chronos/widgets']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/widgets/classes']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/widgets/chronos-choropleth.js']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/react']!.includes('ChronosChoropleth'));
    assert.equal(html, '<chronos-choropleth metric="median-income" class="map"></chronos-choropleth>');
  });
});
