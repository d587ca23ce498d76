// Data versions: every cached response is keyed by the version of what it was built from. Ingestion
// bumps 'data'; a boundary import bumps 'boundaries'.
import type { Db } from './client.ts';

export type VersionScope = 'data' | 'boundaries';

export interface Versions {
  data: number;
  boundaries: number;
}

export async function bumpVersion(db: Db, scope: VersionScope): Promise<void> {
  await db.query(
    `insert into data_versions (scope, version, updated_at) values ($1, 1, now())
     on conflict (scope) do update set version = data_versions.version + 1, updated_at = now()`,
    [scope],
  );
}

export async function readVersions(db: Db): Promise<Versions> {
  const { rows } = await db.query<{ scope: string; version: number }>(
    'select scope, version::integer as version from data_versions',
  );
  const versions: Versions = { data: 0, boundaries: 0 };
  for (const row of rows) if (row.scope === 'data' || row.scope === 'boundaries') versions[row.scope] = row.version;
  return versions;
}
