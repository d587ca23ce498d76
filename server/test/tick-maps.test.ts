// src/tick-maps.ts holds a tick object so that the maps process.nextTick's inline caches see outlive
// full garbage collections (see the module). Checked in a child process with V8's natives syntax: the
// object held is a tick object, and one made after several full collections still has its map (so the
// caches see one map, not a new one per collection). If Node stops handing tick objects to async hooks,
// or changes their shape, this fails instead of the module silently holding nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const tickMaps = join(import.meta.dirname, '../src/tick-maps.ts');

test('the tick object held from start-up has the map of tick objects made after full collections', () => {
  const script = `
    const { keptTickObject } = await import(${JSON.stringify(tickMaps)});
    const { createHook } = await import('node:async_hooks');
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      globalThis.gc();
    }
    let later;
    const hook = createHook({ init(_id, type, _t, resource) { if (type === 'TickObject') later ??= resource; } }).enable();
    process.nextTick(() => {});
    hook.disable();
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
    process.stdout.write(JSON.stringify({ held: typeof keptTickObject, sameMap: sameMap(keptTickObject, later) }));
  `;
  const child = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--expose-gc', '--input-type=module', '-e', script],
    { encoding: 'utf8' },
  );
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), { held: 'object', sameMap: true });
});
