// The same data on PostgreSQL+PostGIS and on PGlite gives byte-identical bodies for every API response
// (ARCHITECTURE.md decision 3): geometry is precomputed in TypeScript, never formatted by the store.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from './helpers.ts';

const URLS = [
  '/api/metrics',
  '/api/metrics/unemployment',
  '/api/metrics/unemployment?region=US-CA,CA-YT,CA-NU&from=2024-01&to=2024-12',
  '/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces&time=latest',
  '/api/geo/choropleth?metric=unemployment&mode=data&geo=ca-provinces&time=2023-02',
  '/api/geo/choropleth?mode=boundaries&geo=us-states,ca-provinces&detail=low',
  '/api/geo/choropleth?mode=boundaries&geo=us-states,ca-provinces&detail=medium',
  '/api/geo/choropleth?mode=boundaries&geo=us-states,ca-provinces&detail=high',
  '/api/geo/choropleth?mode=boundaries&geo=us-states,ca-provinces&detail=medium&format=topojson',
  '/api/geo/choropleth?mode=boundaries&geo=us-states&detail=low&format=topojson',
  '/api/geo/choropleth?mode=data&metric=nope',
];

let postgres: TestApp;
let pglite: TestApp;
before(async () => {
  postgres = await buildTestApp('postgres', { redis: false });
  pglite = await buildTestApp('pglite', { redis: false });
});
after(async () => {
  await postgres.close();
  await pglite.close();
});

test('PostgreSQL (PostGIS) and PGlite return byte-identical bodies and ETags', async () => {
  assert.equal(postgres.app.db.kind, 'postgres');
  assert.equal(pglite.app.db.kind, 'pglite');
  for (const url of URLS) {
    const [a, b] = await Promise.all([postgres.app.inject(url), pglite.app.inject(url)]);
    assert.equal(a.statusCode, b.statusCode, url);
    assert.ok(a.rawPayload.equals(b.rawPayload), `identical body for ${url}`);
    assert.equal(a.headers.etag, b.headers.etag, url);
  }
});

test('PostgreSQL also holds the canonical PostGIS geometry: valid MultiPolygons in SRID 4326 with a GIST index', async () => {
  const { rows } = await postgres.app.db.query<{ n: number; valid: number; srid: number }>(
    'select count(*)::integer as n, count(*) filter (where ST_IsValid(geom))::integer as valid, max(ST_SRID(geom)) as srid from regions',
  );
  assert.deepEqual(rows[0], { n: 65, valid: 65, srid: 4326 });
  const { rows: index } = await postgres.app.db.query<{ indexdef: string }>(
    "select indexdef from pg_indexes where indexname = 'regions_geom_gist'",
  );
  assert.match(index[0]!.indexdef, /USING gist \(geom\)/);
  const { rows: hit } = await postgres.app.db.query<{ code: string }>(
    'select code from regions where ST_Contains(geom, ST_SetSRID(ST_Point(-119.4, 37.2), 4326))',
  );
  assert.deepEqual(hit, [{ code: 'US-CA' }]);
});
