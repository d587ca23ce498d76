// Formatting per locale: the exact strings Node's ICU produces for en-US, fr-CA and de-DE (fr-CA and
// de-DE separate with U+00A0 no-break spaces).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatPeriod, formatValue, noDataLabel, periodKey } from './format.ts';

const NBSP = '\u00a0';

describe('formatValue', () => {
  test('percent units: 5.5 stored means 5.5 %', () => {
    assert.equal(formatValue(5.5, { locale: 'en-US', units: 'percent' }), '5.5%');
    assert.equal(formatValue(5.5, { locale: 'fr-CA', units: 'percent' }), `5,5${NBSP}%`);
    assert.equal(formatValue(5.5, { locale: 'de-DE', units: 'percent' }), `5,5${NBSP}%`);
    assert.equal(formatValue(12.345, { locale: 'en-US', units: '%' }), '12.3%');
  });

  test('counts use compact notation', () => {
    assert.equal(formatValue(1_234_567, { locale: 'en-US', units: 'count' }), '1.2M');
    assert.equal(formatValue(1_234_567, { locale: 'fr-CA', units: 'count' }), `1,2${NBSP}M`);
    assert.equal(formatValue(1_234_567, { locale: 'de-DE', units: 'persons' }), `1,2${NBSP}Mio.`);
    assert.equal(formatValue(950, { locale: 'en-US', units: 'persons' }), '950');
  });

  test('currency codes: whole units for large amounts, cents for small ones', () => {
    assert.equal(formatValue(52_341.6, { locale: 'en-US', units: 'USD' }), '$52,342');
    assert.equal(formatValue(52_341.6, { locale: 'fr-CA', units: 'USD' }), `52${NBSP}342${NBSP}$${NBSP}US`);
    assert.equal(formatValue(52_341.6, { locale: 'fr-CA', units: 'CAD' }), `52${NBSP}342${NBSP}$`);
    assert.equal(formatValue(52_341.6, { locale: 'de-DE', units: 'usd' }), `52.342${NBSP}$`);
    assert.equal(formatValue(3.459, { locale: 'en-US', units: 'USD' }), '$3.46');
  });

  test('plain numbers, indexes and other units', () => {
    assert.equal(formatValue(1234.5678, { locale: 'en-US' }), '1,234.57');
    assert.equal(formatValue(1234.5678, { locale: 'fr-CA' }), `1${NBSP}234,57`);
    assert.equal(formatValue(1234.5678, { locale: 'de-DE' }), '1.234,57');
    assert.equal(formatValue(101.25, { locale: 'de-DE', units: 'index' }), '101,25');
    assert.equal(formatValue(3.5, { locale: 'en-US', units: 'tonnes' }), '3.5 tonnes');
  });

  test("the metric's number_format overrides the defaults; bad options fall back instead of throwing", () => {
    const numberFormat = { minimumFractionDigits: 2, signDisplay: 'exceptZero' } as const;
    assert.equal(formatValue(2.25, { locale: 'en-US', units: 'percent', numberFormat }), '+2.25%');
    assert.equal(formatValue(-2.25, { locale: 'de-DE', units: 'percent', numberFormat }), `-2,25${NBSP}%`);
    assert.equal(
      formatValue(5.5, { locale: 'en-US', units: 'percent', numberFormat: { maximumFractionDigits: 99 } }),
      '5.5%',
    );
  });

  test('no data is said in the locale language', () => {
    assert.equal(formatValue(null, { locale: 'en-US' }), 'No data');
    assert.equal(formatValue(Number.NaN, { locale: 'fr-CA' }), 'Aucune donnée');
    assert.equal(formatValue(undefined, { locale: 'de-DE' }), 'Keine Daten');
    assert.equal(noDataLabel('ja-JP'), 'No data');
  });
});

describe('formatPeriod', () => {
  test('monthly', () => {
    assert.equal(formatPeriod('2024-03-01', 'monthly', 'en-US'), 'March 2024');
    assert.equal(formatPeriod('2024-03-01', 'monthly', 'fr-CA'), 'mars 2024');
    assert.equal(formatPeriod('2024-03-01', 'monthly', 'de-DE'), 'März 2024');
  });

  test('quarterly, with the quarter letter of the language', () => {
    assert.equal(formatPeriod('2024-04-01', 'quarterly', 'en-US'), 'Q2 2024');
    assert.equal(formatPeriod('2024-12-01', 'quarterly', 'fr-CA'), 'T4 2024');
    assert.equal(formatPeriod('2024-01-01', 'quarterly', 'de-DE'), 'Q1 2024');
  });

  test('annual and daily', () => {
    assert.equal(formatPeriod('2024-01-01', 'annual', 'fr-CA'), '2024');
    assert.equal(formatPeriod('2024-03-05', 'daily', 'en-US'), 'Mar 5, 2024');
    assert.equal(formatPeriod('2024-03-05', 'daily', 'fr-CA'), '5 mars 2024');
    assert.equal(formatPeriod('2024-03-05', 'daily', 'de-DE'), '05.03.2024');
  });

  test('the first of a month stays in that month whatever the time zone', () => {
    assert.equal(formatPeriod('2024-01-01', 'monthly', 'en-US'), 'January 2024');
    assert.equal(formatPeriod('2024-01', 'monthly', 'en-US'), 'January 2024');
  });

  test('a malformed date or frequency is an error naming the expected form', () => {
    assert.throws(
      () => formatPeriod('March 2024', 'monthly', 'en-US'),
      /time must be a date YYYY-MM-DD or a period \(YYYY-MM, YYYY-Qn, YYYY\); got "March 2024"/,
    );
    assert.throws(() => formatPeriod('2024-13-01', 'monthly', 'en-US'), /time must be a date YYYY-MM-DD/);
    assert.throws(
      () => formatPeriod('2024-01-01', 'weekly' as never, 'en-US'),
      /unknown frequency "weekly"; valid: monthly, quarterly, annual, daily/,
    );
  });
});

describe('periods of the three frequencies, as the API names them and as people read them', () => {
  const cases = [
    // [stored date, frequency, API period, English, French]
    ['2025-09-01', 'monthly', '2025-09', 'September 2025', 'septembre 2025'],
    ['2025-07-01', 'quarterly', '2025-Q3', 'Q3 2025', 'T3 2025'],
    ['2025-10-01', 'quarterly', '2025-Q4', 'Q4 2025', 'T4 2025'],
    ['2024-01-01', 'annual', '2024', '2024', '2024'],
  ] as const;
  for (const [date, frequency, period, en, fr] of cases) {
    test(`${frequency} ${period}`, () => {
      assert.equal(periodKey(date, frequency), period);
      // The API's period form parses back to the same period.
      assert.equal(periodKey(period, frequency), period);
      assert.equal(formatPeriod(date, frequency, 'en-US'), en);
      assert.equal(formatPeriod(period, frequency, 'en-CA'), en);
      assert.equal(formatPeriod(date, frequency, 'fr-CA'), fr);
      assert.equal(formatPeriod(period, frequency, 'fr-FR'), fr);
    });
  }

  test('a malformed period names the forms it accepts', () => {
    assert.throws(() => periodKey('2025-Q5', 'quarterly'), /YYYY-MM-DD or a period \(YYYY-MM, YYYY-Qn, YYYY\)/);
    assert.throws(() => formatPeriod('Q3 2025', 'quarterly', 'en'), /YYYY-Qn/);
  });
});
