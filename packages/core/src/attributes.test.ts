// Attribute parsers: good input passes through, absent input is the default, bad input is the default
// plus a message that names the problem and the valid choices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseChoice,
  parseClasses,
  parseClassification,
  parseGeo,
  parseMidpoint,
  parseScheme,
  parseThresholds,
  parseTime,
} from './attributes.ts';
import { fr } from './messages/fr.ts';

test('classes: an integer from 3 to 9', () => {
  assert.deepEqual(parseClasses('42'), { value: 5, error: 'classes must be an integer from 3 to 9; got "42"' });
  assert.deepEqual(parseClasses(' 7 '), { value: 7 });
  assert.deepEqual(parseClasses(null), { value: 5 });
  assert.deepEqual(parseClasses('', 6), { value: 6 });
  for (const bad of ['2', '10', '4.5', 'five', '-3'])
    assert.equal(parseClasses(bad).error?.startsWith('classes must be'), true, bad);
});

test('scheme: case-insensitive, unknown names the valid ones', () => {
  assert.deepEqual(parseScheme('YlOrRd', 'blues'), { value: 'ylorrd' });
  assert.deepEqual(parseScheme(undefined, 'rdbu'), { value: 'rdbu' });
  const bad = parseScheme('rainbow', 'blues');
  assert.equal(bad.value, 'blues');
  assert.match(bad.error!, /^unknown scheme "rainbow"; valid: blues, greens, .*viridis/);
});

test('classification: the five methods and the usual other names', () => {
  assert.deepEqual(parseClassification('natural-breaks'), { value: 'natural-breaks' });
  assert.deepEqual(parseClassification('Jenks'), { value: 'natural-breaks' });
  assert.deepEqual(parseClassification('ckmeans'), { value: 'natural-breaks' });
  assert.deepEqual(parseClassification(null), { value: 'quantile' });
  assert.deepEqual(parseClassification('kmeans'), {
    value: 'quantile',
    error: 'classification must be one of quantile, equal-interval, natural-breaks, nice, custom; got "kmeans"',
  });
});

test('time: latest or a period of any frequency (YYYY-MM, YYYY-Qn, YYYY)', () => {
  assert.deepEqual(parseTime('2024-03'), { value: '2024-03' });
  assert.deepEqual(parseTime('2025-q3'), { value: '2025-Q3' });
  assert.deepEqual(parseTime('2024'), { value: '2024' });
  assert.deepEqual(parseTime('LATEST'), { value: 'latest' });
  assert.deepEqual(parseTime(null), { value: 'latest' });
  for (const bad of ['2024-13', '2024-3', 'March 2024', '2024-03-01', '2025-Q5', '24']) {
    assert.deepEqual(parseTime(bad), {
      value: 'latest',
      error: `time must be "latest" or a period: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY; got "${bad}"`,
    });
  }
});

test('thresholds: comma-separated numbers, sorted', () => {
  assert.deepEqual(parseThresholds('4, 2.5,6 , -1e1'), { value: [-10, 2.5, 4, 6] });
  assert.deepEqual(parseThresholds('3,3,1'), { value: [1, 3] });
  assert.deepEqual(parseThresholds(null), { value: undefined });
  assert.deepEqual(parseThresholds('2, four, 6'), {
    value: undefined,
    error: 'thresholds must be comma-separated numbers, e.g. "2, 4, 6"; got "2, four, 6"',
  });
  assert.match(parseThresholds('1,2,3,4,5,6,7,8,9').error!, /at most 8 numbers; got 9/);
});

test('midpoint: a number', () => {
  assert.deepEqual(parseMidpoint('0'), { value: 0 });
  assert.deepEqual(parseMidpoint(' -2.5 '), { value: -2.5 });
  assert.deepEqual(parseMidpoint(''), { value: undefined });
  assert.deepEqual(parseMidpoint('zero'), {
    value: undefined,
    error: 'midpoint must be a number, e.g. "0"; got "zero"',
  });
});

test('geo: known region sets; unknown ones are dropped and named', () => {
  assert.deepEqual(parseGeo('us-states'), { value: ['us-states'] });
  assert.deepEqual(parseGeo(null), { value: ['us-states', 'ca-provinces'] });
  assert.deepEqual(parseGeo('us-states, mx-states'), {
    value: ['us-states'],
    error: 'geo must be a comma-separated list of us-states, ca-provinces; unknown: "mx-states"',
  });
  assert.deepEqual(parseGeo('europe'), {
    value: ['us-states', 'ca-provinces'],
    error: 'geo must be a comma-separated list of us-states, ca-provinces; unknown: "europe"',
  });
});

test('a generic choice, for theme-like attributes', () => {
  const themes = ['auto', 'light', 'dark'] as const;
  assert.deepEqual(parseChoice('theme', 'Dark', themes, 'auto'), { value: 'dark' });
  assert.deepEqual(parseChoice('theme', 'blue', themes, 'auto'), {
    value: 'auto',
    error: 'theme must be one of auto, light, dark; got "blue"',
  });
});

test('in French the message still names the attribute, the bad value and the valid choices', () => {
  const bad = parseClassification('kmeans', undefined, fr);
  assert.equal(bad.value, 'quantile');
  assert.equal(
    bad.error,
    'classification doit valoir l’une de ces valeurs\u00a0: quantile, equal-interval, natural-breaks, nice, custom\u00a0; reçu «\u00a0kmeans\u00a0»',
  );
  assert.match(
    parseScheme('rainbow', 'blues', fr).error!,
    /^palette \(scheme\) «\u00a0rainbow\u00a0» inconnue\u00a0; valeurs possibles\u00a0: blues, /,
  );
  assert.match(parseClasses('42', 5, fr).error!, /^classes doit être un entier de 3 à 9\u00a0; reçu «\u00a042\u00a0»$/);
  assert.match(
    parseGeo('us-states,mars', undefined, fr).error!,
    /^geo doit .* us-states, ca-provinces\u00a0; inconnu\u00a0: "mars"$/,
  );
  for (const error of [
    parseTime('March', undefined, fr).error,
    parseThresholds('a,b', fr).error,
    parseMidpoint('zero', fr).error,
    parseChoice('theme', 'pink', ['auto', 'light', 'dark'], 'auto', fr).error,
  ]) {
    assert.match(error!, /\u00a0; reçu «\u00a0/);
    assert.doesNotMatch(error!, /\b(must|got|valid)\b/);
  }
});
