// The package entry exposes the surface the elements are built on (API contract: server/src/schemas.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as core from './index.ts';

const exported: Record<string, unknown> = { ...core };

test('the entry exports the agreed API', () => {
  for (const name of [
    'classify',
    'classIndex',
    'colorsFor',
    'formatValue',
    'formatPeriod',
    'ChronosClient',
    'ChronosApiError',
  ]) {
    assert.equal(typeof exported[name], 'function', name);
  }
  assert.equal(typeof core.schemes.blues?.colors, 'function');
});
