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
  dir = await installApp('node', workDir, Object.values(packedTarballs()));
});

/** The machine's Node 20 (Debian's), when there is one: the browser packages declare `engines.node >= 20`. */
const node20 = (() => {
  try {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
    return version.startsWith('v20.') ? '/usr/bin/node' : undefined;
  } catch {
    return undefined;
  }
})();

function ssr(node: string, packages: string[]): { exports: Record<string, string[]>; html: string } {
  const output = execFileSync(node, ['ssr.mjs', ...packages], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!);
}

describe('plain Node ESM', () => {
  test('every entry point imports, and <ChronosChoropleth> renders its tag on the server', () => {
    const { exports, html } = ssr(process.execPath, []);
    assert.ok(exports['@chronos/core']!.includes('ChronosClient'));
    assert.ok(exports['@chronos/tiles']!.length > 0);
    assert.ok(exports['@chronos/widgets']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/widgets/classes']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/widgets/chronos-choropleth.js']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/widgets/chronos-time-slider.js']!.includes('ChronosTimeSlider'));
    assert.ok(exports['@chronos/widgets/chronos-legend.js']!.includes('ChronosLegend'));
    assert.ok(exports['@chronos/react']!.includes('ChronosChoropleth'));
    assert.ok(exports['@chronos/react']!.includes('ChronosTimeSlider'));
    assert.equal(html, '<chronos-choropleth metric="median-income" class="map"></chronos-choropleth>');
  });

  if (node20) {
    test('on Node 20 too: core, widgets and react (engines >= 20) import and render', () => {
      const { exports, html } = ssr(node20, ['@chronos/core', '@chronos/widgets', '@chronos/react']);
      assert.deepEqual(Object.keys(exports).sort(), [
        '@chronos/core',
        '@chronos/react',
        '@chronos/widgets',
        '@chronos/widgets/chronos-choropleth.js',
        '@chronos/widgets/chronos-legend.js',
        '@chronos/widgets/chronos-time-slider.js',
        '@chronos/widgets/classes',
      ]);
      assert.equal(html, '<chronos-choropleth metric="median-income" class="map"></chronos-choropleth>');
    });
  }
});
