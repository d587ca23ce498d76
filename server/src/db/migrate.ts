// Plain SQL migrations (src/db/migrations/NNN_name.sql), applied in order, each in its own transaction,
// recorded in schema_migrations; safe to re-run and safe with several instances starting at once
// (an advisory lock serializes them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './client.ts';

const migrationsDir = join(import.meta.dirname, 'migrations');
const LOCK_ID = 7_248_113; // arbitrary, constant: "chronos migrations"

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const files = readdirSync(migrationsDir)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID]);
      const { rows } = await tx.query('select 1 from schema_migrations where name = $1', [file]);
      if (rows.length > 0) return false;
      await tx.exec(readFileSync(join(migrationsDir, file), 'utf8'));
      await tx.query('insert into schema_migrations (name) values ($1)', [file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}
