// GET /api/geo/choropleth on both stores: boundaries and values, caching headers, and the errors a
// widget author would see.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { bumpVersion } from '../../../src/db/versions.ts';
import { BOUNDARIES_URL, buildTestApp, DATA_URL, STORES, type TestApp } from '../../helpers.ts';

for (const store of STORES) {
  describe(`/api/geo/choropleth on ${store}`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(store);
    });
    after(() => t.close());

    test('boundaries: a FeatureCollection of all 65 regions keyed by ISO 3166-2 code', async () => {
      const response = await t.app.inject(BOUNDARIES_URL);
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^application\/geo\+json/);
      const body = response.json();
      assert.equal(body.type, 'FeatureCollection');
      assert.equal(body.features.length, 65);
      const california = body.features.find((f: { id: string }) => f.id === 'US-CA');
      assert.deepEqual(california.properties, {
        code: 'US-CA',
        name: 'California',
        name_fr: 'Californie',
        country: 'US',
      });
      assert.equal(california.geometry.type, 'MultiPolygon');
      const quebec = body.features.find((f: { id: string }) => f.id === 'CA-QC');
      assert.equal(quebec.properties.name, 'Quebec');
      assert.equal(quebec.properties.name_fr, 'Québec');
    });

    test('a repeated URL is answered the same way, refused origins stay refused, new data is never stale', async () => {
      const url = `${DATA_URL}&time=latest`;
      const headers = { 'accept-encoding': 'gzip' };
      const first = await t.app.inject({ url, headers });
      const second = await t.app.inject({ url, headers });
      assert.equal(second.statusCode, 200);
      for (const name of [
        'etag',
        'content-type',
        'content-encoding',
        'cache-control',
        'vary',
        'access-control-allow-origin',
      ]) {
        assert.equal(second.headers[name], first.headers[name], name);
      }
      assert.deepEqual(second.rawPayload, first.rawPayload);
      const foreign = await t.app.inject({ url, headers: { ...headers, origin: 'https://elsewhere.example' } });
      assert.equal(foreign.statusCode, 403, 'the access check runs before a repeat is answered');
      // The refusal (readable by that page) and not the cached values.
      assert.equal(foreign.json().code, 'key_required');
      assert.equal(foreign.json().values, undefined);
      // A new data version (ingestion) must not be answered from the earlier resolution.
      await t.app.db.query("update observations set value = value + 1 where region = 'US-CA'");
      await bumpVersion(t.app.db, 'data');
      await t.app.catalog.refresh();
      const after = await t.app.inject({ url, headers });
      assert.notEqual(after.headers.etag, first.headers.etag);
      const california = (body: Buffer) =>
        JSON.parse(gunzipSync(body).toString()).values.find((v: { region: string }) => v.region === 'US-CA').value;
      assert.equal(california(after.rawPayload), california(first.rawPayload) + 1);
    });

    test('boundaries: geo filters region sets; detail levels grow in size', async () => {
      const canada = (await t.app.inject(`${BOUNDARIES_URL.replace('us-states,', '')}&detail=low`)).json();
      assert.equal(canada.features.length, 13);
      assert.ok(canada.features.every((f: { id: string }) => f.id.startsWith('CA-')));
      const sizes: number[] = [];
      for (const detail of ['low', 'medium', 'high']) {
        const response = await t.app.inject(`${BOUNDARIES_URL}&detail=${detail}`);
        assert.equal(response.statusCode, 200);
        sizes.push(response.rawPayload.length);
      }
      assert.ok(sizes[0]! < sizes[1]! && sizes[1]! < sizes[2]!, `sizes ${sizes.join(' < ')}`);
    });

    test('boundaries: TopoJSON decodes to the same regions, smaller than GeoJSON', async () => {
      const geojson = await t.app.inject(BOUNDARIES_URL);
      const topo = await t.app.inject(`${BOUNDARIES_URL}&format=topojson`);
      assert.equal(topo.statusCode, 200);
      const topology = topo.json();
      assert.equal(topology.type, 'Topology');
      const decoded = feature(topology, topology.objects.regions) as unknown as {
        features: { id: string; properties: { name: string } }[];
      };
      assert.equal(decoded.features.length, 65);
      assert.equal(decoded.features.find((f) => f.id === 'CA-ON')?.properties.name, 'Ontario');
      assert.ok(topo.rawPayload.length < geojson.rawPayload.length);
    });

    test('data: latest values with names, statuses, periods and the regions without a value', async () => {
      const response = await t.app.inject(DATA_URL);
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.metric.id, 'unemployment');
      assert.equal(body.metric.is_sample, true);
      assert.equal(body.metric.units, 'percent');
      assert.equal(body.metric.frequency, 'monthly');
      assert.ok(body.metric.sources.length > 0);
      assert.match(body.time, /^\d{4}-\d{2}-01$/);
      assert.deepEqual(body.periods, { first: '2021-10-01', last: '2025-09-01' });
      assert.equal(body.time, body.periods.last);
      const california = body.values.find((v: { region: string }) => v.region === 'US-CA');
      assert.equal(california.name, 'California');
      assert.equal(typeof california.value, 'number');
      assert.equal(california.status, 'sample');
      assert.ok(body.missing.includes('CA-NU'), 'Nunavut has no sample values');
      assert.equal(body.values.length + body.missing.length, 65);
    });

    test('data: a month picks that period; territories report gaps as missing', async () => {
      const body = (await t.app.inject(`${DATA_URL}&time=2024-08`)).json();
      assert.equal(body.time, '2024-08-01');
      assert.deepEqual(body.missing, ['CA-NT', 'CA-NU', 'CA-YT']);
      const exact = (await t.app.inject(`${DATA_URL}&time=2024-08-01`)).json();
      assert.deepEqual(exact, body);
    });

    test('data: a time outside the data is a 404 naming the available periods', async () => {
      const response = await t.app.inject(`${DATA_URL}&time=2030-01`);
      assert.equal(response.statusCode, 404);
      assert.match(response.json().message, /2021-10 to 2025-09/);
    });

    test('cached bytes: strong ETag, 304 on If-None-Match, gzip and brotli decode to the same body', async () => {
      const plain = await t.app.inject(DATA_URL);
      const etag = plain.headers.etag as string;
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      assert.equal(plain.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=600');
      assert.match(plain.headers.vary as string, /Accept-Encoding/);
      const gzipped = await t.app.inject({ url: DATA_URL, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.deepEqual(gunzipSync(gzipped.rawPayload), plain.rawPayload);
      const brotli = await t.app.inject({ url: DATA_URL, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(brotli.headers['content-encoding'], 'br');
      assert.deepEqual(brotliDecompressSync(brotli.rawPayload), plain.rawPayload);
      const notModified = await t.app.inject({ url: DATA_URL, headers: { 'if-none-match': brotli.headers.etag } });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.rawPayload.length, 0);
      const boundaries = await t.app.inject(BOUNDARIES_URL);
      assert.equal(boundaries.headers['cache-control'], 'public, max-age=86400, must-revalidate');
      const again = await t.app.inject({ url: BOUNDARIES_URL, headers: { 'if-none-match': boundaries.headers.etag } });
      assert.equal(again.statusCode, 304);
    });

    test('a data version bump (ingestion) changes the body and the ETag', async () => {
      const before = await t.app.inject(DATA_URL);
      await t.app.db.query(
        "update observations set value = 42.5, status = 'revised' where region = 'US-CA' and time = '2025-09-01'",
      );
      await t.app.db.query("update data_versions set version = version + 1 where scope = 'data'");
      await t.app.catalog.refresh();
      const after = await t.app.inject(DATA_URL);
      assert.notEqual(after.headers.etag, before.headers.etag);
      const california = after.json().values.find((v: { region: string }) => v.region === 'US-CA');
      assert.deepEqual(california, { region: 'US-CA', name: 'California', value: 42.5, status: 'revised' });
    });

    test('unknown metric or geo: 404 naming the valid ones', async () => {
      const metric = await t.app.inject(DATA_URL.replace('metric=unemployment', 'metric=gdp'));
      assert.equal(metric.statusCode, 404);
      assert.deepEqual(Object.keys(metric.json()), ['statusCode', 'error', 'message']);
      assert.match(metric.json().message, /Unknown metric "gdp"\. Valid metrics: cpi, employment, .*unemployment/);
      const geo = await t.app.inject(DATA_URL.replace('geo=us-states,ca-provinces', 'geo=us-states,mx-states'));
      assert.equal(geo.statusCode, 404);
      assert.match(geo.json().message, /Unknown geo "mx-states"\. .*ca-provinces and us-states/);
    });

    test('malformed parameters: 400 naming the parameter and the valid choices', async () => {
      const mode = await t.app.inject('/api/geo/choropleth?mode=pixels&metric=unemployment');
      assert.equal(mode.statusCode, 400);
      assert.match(mode.json().message, /"mode".*boundaries or data/);
      const noMetric = await t.app.inject('/api/geo/choropleth?mode=data');
      assert.equal(noMetric.statusCode, 400);
      assert.match(noMetric.json().message, /metric.*unemployment/);
      const detail = await t.app.inject(`${BOUNDARIES_URL}&detail=ultra`);
      assert.equal(detail.statusCode, 400);
      assert.match(detail.json().message, /low, medium or high/);
      const time = await t.app.inject(`${DATA_URL}&time=2024-13`);
      assert.equal(time.statusCode, 400);
      assert.match(
        time.json().message,
        /latest, YYYY-MM \(monthly metrics\), YYYY-Qn \(quarterly\), YYYY \(annual\) or YYYY-MM-DD/,
      );
    });
  });
}
