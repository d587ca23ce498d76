// Malformed, hostile (SQL metacharacters, unicode, huge values) and boundary parameters: each gets the
// right 4xx with a message naming the problem, and nothing reaches SQL text (the tables are intact after).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, STORES, type TestApp } from './helpers.ts';

const C = '/api/geo/choropleth';
const enc = encodeURIComponent;

/** [url, status, message pattern] */
const CASES: [string, number, RegExp][] = [
  [`${C}?mode=data&metric=${enc("unemployment'; drop table observations;--")}`, 400, /"metric".*lowercase letters/],
  [`${C}?mode=data&metric=unemployment&geo=${enc("us-states' or '1'='1")}`, 400, /"geo".*comma-separated region sets/],
  [`${C}?mode=data&metric=unemployment&time=${enc("2024-01' union select 1--")}`, 400, /"time".*latest, YYYY-MM/],
  [`${C}?mode=data&metric=${enc('chômage')}`, 400, /"metric"/],
  [`${C}?mode=data&metric=unemployment&geo=${enc('états-unis')}`, 400, /"geo"/],
  [`${C}?mode=data&metric=${enc('💥')}`, 400, /"metric"/],
  [`${C}?mode=data&metric=${'a'.repeat(65)}`, 400, /"metric" is too long \(65 characters, at most 64\)/],
  [`${C}?mode=data&metric=unemployment&geo=${'us-states,'.repeat(30)}us-states`, 400, /"geo" is too long/],
  [`${C}?mode=data&metric=unemployment&time=${'9'.repeat(500)}`, 400, /"time" is too long/],
  [`${C}?mode=data&metric=unemployment&time=2024-00`, 400, /"time"/],
  [`${C}?mode=data&metric=unemployment&time=2024-02-30x`, 400, /"time"/],
  [`${C}?mode=data&metric=unemployment&time=-1`, 400, /"time"/],
  [`${C}?mode=data&metric=unemployment&time=99999-01`, 400, /"time"/],
  [`${C}?mode=boundaries&detail=${enc('high;')}`, 400, /low, medium or high/],
  [`${C}?mode=boundaries&format=shapefile`, 400, /geojson or topojson/],
  [`${C}?mode=${enc('DATA')}&metric=unemployment`, 400, /boundaries or data/],
  [`${C}?metric=unemployment`, 400, /Missing query parameter "mode"/],
  [`${C}?mode=data&metric=`, 400, /"metric"/],
  [`${C}?mode=data&metric=unemployment&geo=`, 400, /"geo"/],
  [`${C}?mode=data&metric=unemployment&geo=,`, 400, /"geo"/],
  [
    `${C}?mode=data&metric=unemployment&key=${enc("pk_' or 1=1--")}`,
    403,
    /publishable key given is not valid: it is malformed/,
  ],
  // Impossible dates pass the pattern: the calendar says why (they were 500s from PostgreSQL).
  [`${C}?mode=data&metric=unemployment&time=2025-02-31`, 400, /"time" "2025-02-31": February 2025 has 28 days/],
  [`${C}?mode=data&metric=unemployment&time=2025-04-31`, 400, /"time" "2025-04-31": April 2025 has 30 days/],
  [`${C}?mode=data&metric=unemployment&time=0000-01-01`, 400, /"time" "0000-01-01": there is no year 0000/],
  [
    '/api/metrics/unemployment?from=0000-01',
    400,
    /"from" "0000-01": there is no year 0000\. Expected a period in the metric's own form/,
  ],
  [
    '/api/metrics/unemployment?from=2025-13',
    400,
    /"from" "2025-13".*expected a period in the metric's own form: YYYY-MM \(monthly\), YYYY-Qn \(quarterly\) or YYYY \(annual\)/,
  ],
  [`${C}?mode=data&metric=unemployment&time=1900-01`, 404, /Available periods: 2021-10 to 2025-09/],
  [`${C}?mode=data&metric=drop_table&geo=us-states`, 404, /Unknown metric "drop_table"/],
  [`${C}?mode=data&metric=unemployment&geo=us-states,us-states-2`, 404, /Unknown geo "us-states-2"/],
  [`/api/metrics/${enc("unemployment'--")}`, 400, /path parameter "metric"/],
  [`/api/metrics/${'x'.repeat(300)}`, 400, /path parameter is too long/],
  [`/api/metrics/unemployment?region=${enc("US-CA';delete from regions;--")}`, 400, /"region".*ISO 3166-2/],
  [`/api/metrics/unemployment?region=${'US-CA,'.repeat(200)}US-CA`, 400, /"region" is too long/],
  [`/api/metrics/unemployment?region=${enc('ÉTATS')}`, 400, /"region"/],
  [`/api/metrics/unemployment?region=ZZ-${'9'.repeat(60)}`, 404, /Unknown region/],
  [`/api/metrics/unemployment?from=2024-1`, 400, /"from".*YYYY-MM/],
  [`/api/metrics/unemployment?to=${enc('2024-01 or 1=1')}`, 400, /"to"/],
  [`/api/metrics/unemployment?from=2025-06&to=2025-01`, 400, /is after/],
  [
    `/api/metrics/unemployment?from=2025-Q1`,
    400,
    /"unemployment" is monthly: from must be a month \(YYYY-MM, e\.g\. 2025-09\)/,
  ],
  [`/api/metrics/population?to=2024-07`, 400, /"population" is annual: to must be a year \(YYYY, e\.g\. 2024\)/],
  [`/tiles/${enc('../../server/data/boundaries.topo.json')}`, 400, /tile archive name/],
  [`/tiles/${enc('a;rm -rf.pmtiles')}`, 400, /tile archive name/],
];

for (const store of STORES) {
  describe(`bad input on ${store}`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(store);
    });
    after(() => t.close());

    for (const [url, status, message] of CASES) {
      test(`${status} ${decodeURIComponent(url).slice(0, 90)}`, async () => {
        const response = await t.app.inject(url);
        assert.equal(response.statusCode, status, response.body);
        const body = response.json();
        // Refusals (403) add the code a page switches on; nothing else is ever added.
        assert.deepEqual(Object.keys(body), ['statusCode', 'error', 'message', ...(status === 403 ? ['code'] : [])]);
        assert.equal(body.statusCode, status);
        assert.match(body.message, message);
        assert.doesNotMatch(response.body, /\bat \S+ \(|node_modules|\.ts:\d+/, 'no stack trace');
      });
    }

    test('after all of it the data is intact', async () => {
      const { rows } = await t.app.db.query<{ n: number }>('select count(*)::integer as n from observations');
      assert.equal(rows[0]!.n, 21_805); // the sample data of every catalogue metric
      const ok = await t.app.inject(`${C}?mode=data&metric=unemployment`);
      assert.equal(ok.statusCode, 200);
    });

    test('an oversized URL is refused with 400 before any work', async () => {
      const response = await t.app.inject(`${C}?mode=data&metric=unemployment&x=${'a'.repeat(70_000)}`);
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /URL is too long \(\d+ characters, at most 4096\)/);
    });
  });
}
