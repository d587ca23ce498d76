// periodRange: the periods a time slider steps through, for each frequency.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { periodRange } from './periods.ts';

describe('periodRange', () => {
  test('monthly across a year end, from dates or periods', () => {
    assert.deepEqual(periodRange('2024-11-01', '2025-02', 'monthly'), ['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  test('quarterly and annual', () => {
    assert.deepEqual(periodRange('2024-Q3', '2025-04-01', 'quarterly'), ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    assert.deepEqual(periodRange('2021', '2023-12-31', 'annual'), ['2021', '2022', '2023']);
  });

  test('one period, and an empty range when last is before first', () => {
    assert.deepEqual(periodRange('2025-09', '2025-09', 'monthly'), ['2025-09']);
    assert.deepEqual(periodRange('2025-09', '2025-08', 'monthly'), []);
  });

  test('a runaway range is refused with the limit named', () => {
    assert.throws(() => periodRange('0001-01-01', '2025-01-01', 'daily'), /more than 5000 periods/);
  });
});
