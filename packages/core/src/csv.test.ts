// CSV of the values shown: quoting by RFC 4180, numbers as the API sent them, per-country sources.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choroplethCsv, csvField, toCsv } from './csv.ts';
import type { ChoroplethData } from './types.ts';

describe('csvField and toCsv', () => {
  test('quotes only what must be quoted, doubling quotes; null is empty; rows end with CRLF', () => {
    assert.equal(csvField('Kansas'), 'Kansas');
    assert.equal(csvField('Bureau of Labor Statistics, US'), '"Bureau of Labor Statistics, US"');
    assert.equal(csvField('the "sample"'), '"the ""sample"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('Québec'), 'Québec');
    assert.equal(csvField(null), '');
    assert.equal(csvField(-0.25), '-0.25');
    assert.equal(csvField(Number.NaN), '');
    assert.equal(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
      'a,1\r\n"b,c",\r\n',
    );
  });
});

describe('choroplethCsv', () => {
  const data: ChoroplethData = {
    metric: {
      id: 'unemployment',
      title: 'Unemployment rate',
      units: 'percent',
      frequency: 'monthly',
      sources: [
        { name: 'U.S. Bureau of Labor Statistics', country: 'US' },
        { name: 'Statistics Canada', country: 'CA' },
      ],
    },
    time: '2025-09-01',
    values: [
      { region: 'US-KS', name: 'Kansas', value: 3.8, status: 'final' },
      { region: 'CA-QC', name: 'Quebec', value: 5.5, status: 'preliminary' },
    ],
    missing: ['CA-NU'],
  };

  test('a header, then one row per region in the given order, with its own country’s source', () => {
    const csv = choroplethCsv(data, [
      { code: 'CA-QC', name: 'Québec' },
      { code: 'US-KS', name: 'Kansas' },
      { code: 'CA-NU', name: 'Nunavut' },
    ]);
    assert.equal(
      csv,
      'region,name,value,status,period,source\r\n' +
        'CA-QC,Québec,5.5,preliminary,2025-09-01,Statistics Canada\r\n' +
        'US-KS,Kansas,3.8,final,2025-09-01,U.S. Bureau of Labor Statistics\r\n' +
        'CA-NU,Nunavut,,,2025-09-01,Statistics Canada\r\n',
    );
  });

  test('a source without a country credits every region', () => {
    const own = { ...data, metric: { ...data.metric, sources: [{ name: 'My survey, 2025' }] } };
    assert.match(choroplethCsv(own, [{ code: 'US-KS', name: 'Kansas' }]), /,"My survey, 2025"\r\n$/);
  });
});
