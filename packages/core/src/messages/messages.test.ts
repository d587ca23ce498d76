import assert from 'node:assert/strict';
import test from 'node:test';
import { en } from './en.ts';
import { languages, messagesFor } from './index.ts';
import { catalogueLanguages, loadedMessages, loadMessages } from './loading.ts';

/** Every key path of a catalogue, with the kind of value it holds. */
function shape(value: unknown, path = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
  }
  return [`${path}:${typeof value}`];
}

test('a BCP 47 tag picks its language; an untranslated one falls back to English', () => {
  assert.equal(messagesFor('fr-CA').map.noData, 'Aucune donnée');
  assert.equal(messagesFor('FR').map.noData, 'Aucune donnée');
  assert.equal(messagesFor('en-GB').map.noData, 'No data');
  assert.equal(messagesFor('de').map.noData, 'No data');
  assert.equal(messagesFor(undefined).map.noData, 'No data');
});

test('every language has every key of the English catalogue, of the same kind, and no empty string', () => {
  for (const language of languages) {
    const catalogue = messagesFor(language);
    assert.deepEqual(shape(catalogue), shape(en), language);
    for (const entry of shape(catalogue)) assert.ok(!entry.endsWith(':undefined'), `${language} ${entry}`);
    const strings = JSON.stringify(catalogue, (_, value) => (value === '' ? '<EMPTY>' : value));
    assert.ok(!strings.includes('<EMPTY>'), `${language} has an empty string`);
  }
});

test('loaded on demand: English at once, French once loadMessages has fetched it, the same catalogues', async () => {
  assert.deepEqual(catalogueLanguages, languages);
  assert.equal(loadedMessages('en-GB'), en);
  assert.equal(loadedMessages('de'), en);
  assert.equal(loadedMessages(undefined), en);
  assert.equal(loadedMessages('fr-CA'), undefined);
  assert.equal(await loadMessages('fr-CA'), messagesFor('fr'));
  assert.equal(loadedMessages('FR'), messagesFor('fr'));
  assert.equal(await loadMessages('de'), en);
});
