// Migrations (src/db/migrate.ts) on both stores, here the optional pg_stat_statements step: created where
// pg_available_extensions lists it (the machine's PostgreSQL), skipped cleanly where not (PGlite), and
// safe to run again on either.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrate } from '../../src/db/migrate.ts';
import { buildTestApp, STORES } from '../helpers.ts';

const STEP = '006_pg_stat_statements.sql';

for (const store of STORES) {
  test(`${store}: pg_stat_statements is created where available, and the step runs again cleanly`, async () => {
    const t = await buildTestApp(store, { redis: false });
    try {
      const { db } = t.app;
      const state = async () => {
        const { rows } = await db.query<{ available: boolean; installed: boolean }>(
          `select exists (select 1 from pg_available_extensions where name = 'pg_stat_statements') as available,
                  exists (select 1 from pg_extension where extname = 'pg_stat_statements') as installed`,
        );
        return rows[0];
      };
      const before = await state();
      // The machine's PostgreSQL ships it (contrib); PGlite does not.
      assert.equal(before?.available, store === 'postgres');
      assert.equal(before?.installed, store === 'postgres', 'created exactly where available');
      const recorded = await db.query('select 1 from schema_migrations where name = $1', [STEP]);
      assert.equal(recorded.rows.length, 1, 'the step is recorded as applied on both stores');

      // Run the step again (as a fresh database or a half-finished deploy would) and then everything.
      await db.query('delete from schema_migrations where name = $1', [STEP]);
      assert.deepEqual(await migrate(db), [STEP]);
      assert.deepEqual(await migrate(db), []);
      assert.deepEqual(await state(), before);
    } finally {
      await t.close();
    }
  });
}
