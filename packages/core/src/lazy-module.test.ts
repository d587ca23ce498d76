import assert from 'node:assert/strict';
import test from 'node:test';
import { lazyModule } from './lazy-module.ts';

test('a lazy module is imported once, shared by every load(), and loaded() has it once it has arrived', async () => {
  let imports = 0;
  const module = lazyModule(async () => ({ value: ++imports }));
  assert.equal(module.loaded(), undefined);
  const [first, second] = await Promise.all([module.load(), module.load()]);
  assert.equal(first, second);
  assert.equal(imports, 1);
  assert.equal(module.loaded(), first);
});

test('a failed import is forgotten: the next load() imports again', async () => {
  let attempts = 0;
  const module = lazyModule(async () => {
    attempts++;
    if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return { ok: true };
  });
  assert.equal(module.failed(), false);
  await assert.rejects(module.load(), /Failed to fetch/);
  assert.equal(module.loaded(), undefined);
  assert.equal(module.failed(), true);
  const retry = module.load();
  assert.equal(module.failed(), true, 'still failed while the retry is on its way');
  assert.deepEqual(await retry, { ok: true });
  assert.equal(module.failed(), false);
  assert.equal(attempts, 2);
});
