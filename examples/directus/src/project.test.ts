// The Directus project on both databases it supports: a real Directus 12.4 set up by `setupProject` on
// SQLite in a temp dir, and on PostgreSQL in its own schema of the `test` database (dropped afterwards).
// The schema snapshot applies cleanly twice, the seed is idempotent, map blocks only accept what the
// Chronos API serves, and anonymous visitors never read a draft.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '@chronos/server/testing';
import { seedPages } from './content.ts';
import { applySchema, postgresQuery, type ProjectOptions, setupProject } from './project.ts';
import { type Database, ensureInstalled, type RunningDirectus, startDirectus } from './runtime.ts';
import { freePort } from '@chronos/devkit/processes';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The `test` database on the server npm test provisions (DATABASE_URL names its admin database). */
const testDatabaseUrl = (() => {
  const url = new URL(DATABASE_URL);
  url.pathname = '/test';
  return url.toString();
})();

let api: TestServer;

before(async () => {
  const seconds = ensureInstalled();
  process.stdout.write(`Directus install: ${seconds === 0 ? 'cached' : `${seconds.toFixed(0)} s`}\n`);
  api = await startTestServer();
});

after(async () => {
  await api?.close();
});

const published = seedPages.filter((page) => page.status === 'published');

for (const vendor of ['sqlite', 'postgres'] as const) {
  describe(`Directus on ${vendor}`, () => {
    let dataDir: string;
    let project: ProjectOptions;
    let directus: RunningDirectus | undefined;
    const schema = `directus_test_${process.pid}`;

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), `chronos-directus-${vendor}-`));
      const database: Database =
        vendor === 'sqlite'
          ? { client: 'sqlite', file: join(dataDir, 'directus.db') }
          : { client: 'pg', url: testDatabaseUrl, schema };
      project = {
        dataDir,
        port: await freePort(),
        database,
        siteToken: 'site-token-for-tests',
        chronosApiUrl: api.url,
      };
    });

    after(async () => {
      await directus?.stop();
      if (vendor === 'postgres') await postgresQuery(testDatabaseUrl, [`drop schema if exists "${schema}" cascade`]);
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('setup applies the schema and seeds; the schema applies cleanly again and the seed is idempotent', async () => {
      const first = await setupProject(project);
      assert.equal(first.seed.pagesCreated, seedPages.length);
      // The map block offers exactly the metrics the API serves.
      const served = ((await (await fetch(`${api.url}/api/metrics`)).json()) as { metrics: { id: string }[] }).metrics;
      assert.deepEqual(
        first.seed.metrics,
        served.map((metric) => metric.id),
      );
      assert.ok(first.seed.metrics?.includes('unemployment'));
      // The second run finds nothing to change: no schema difference, every page kept as it is.
      const second = await setupProject(project);
      assert.match(second.schema, /No changes to apply/);
      assert.equal(second.seed.pagesCreated, 0);
      assert.equal(second.seed.pagesKept, seedPages.length);
      assert.match(applySchema(project), /No changes to apply/);
      directus = await startDirectus(project);
      const pages = await get(directus.url, '/items/pages?fields=slug,locale&limit=-1', project.siteToken);
      assert.equal((pages.body as { data: unknown[] }).data.length, seedPages.length);
      const blocks = await get(directus.url, '/items/pages_blocks?aggregate[count]=*', project.siteToken);
      const expectedBlocks = seedPages.reduce((sum, page) => sum + page.blocks.length, 0);
      assert.equal(Number((blocks.body as { data: { count: string }[] }).data[0]!.count), expectedBlocks);
    });

    test('anonymous visitors read no draft; the site token reads pages, and the site asks for published ones', async () => {
      assert.ok(directus);
      const anonymous = await get(directus.url, '/items/pages?fields=slug,status&limit=-1');
      if (anonymous.status === 200) {
        const statuses = (anonymous.body as { data: { status: string }[] }).data.map((page) => page.status);
        assert.ok(
          statuses.every((status) => status === 'published'),
          JSON.stringify(statuses),
        );
      } else {
        assert.equal(anonymous.status, 403);
      }
      const filter = encodeURIComponent(JSON.stringify({ status: { _eq: 'published' } }));
      const site = await get(directus.url, `/items/pages?filter=${filter}&fields=slug&limit=-1`, project.siteToken);
      assert.equal((site.body as { data: unknown[] }).data.length, published.length);
    });

    test('a map block refuses a metric the Chronos API does not serve, naming the valid ones', async () => {
      assert.ok(directus);
      const token = await adminToken(directus.url);
      const page = (await get(directus.url, '/items/pages?limit=1&fields=id', token)).body as {
        data: { id: number }[];
      };
      const bad = await fetch(`${directus.url}/items/pages_blocks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ page: page.data[0]!.id, type: 'map', metric: 'no-such-metric' }),
      });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /unemployment/);
      const badTime = await fetch(`${directus.url}/items/pages_blocks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ page: page.data[0]!.id, type: 'map', metric: 'unemployment', time: 'yesterday' }),
      });
      // The API names the field; the Directus app shows the field's validation message beside it.
      assert.equal(badTime.status, 400);
      assert.match(await badTime.text(), /Validation failed for field \\?"time\\?"/);
    });
  });
}

async function get(base: string, path: string, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: await response.json() };
}

async function adminToken(base: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'chronos-local-admin' }),
  });
  return ((await response.json()) as { data: { access_token: string } }).data.access_token;
}
