// First-start seeding: the shipped boundaries (server/data/boundaries.topo.json) when no region exists,
// and the sample data of every catalogue metric that has no row yet. Re-running is harmless; `chronos-server seed --force`
// re-imports both.
import { readFileSync } from 'node:fs';
import type { Db } from '../db/client.ts';
import { importBoundaries, parseBoundaries } from '../geo/boundaries.ts';
import { metricIds } from '../metric-catalogue.ts';
import { seedSampleData } from './sample.ts';

export const SHIPPED_SET_TITLES: Record<string, string> = {
  'us-states': 'US states, District of Columbia and Puerto Rico',
  'ca-provinces': 'Canadian provinces and territories',
};

export interface SeedResult {
  boundaries: number;
  repaired: string[];
  observations: number;
}

export async function seed(db: Db, boundariesFile: string, options: { force?: boolean } = {}): Promise<SeedResult> {
  const result: SeedResult = { boundaries: 0, repaired: [], observations: 0 };
  const { rows: regionCount } = await db.query<{ n: number }>('select count(*)::integer as n from regions');
  if (options.force || regionCount[0]!.n === 0) {
    const regions = parseBoundaries(readFileSync(boundariesFile, 'utf8'), {
      codeProperty: 'code',
      nameProperty: 'name',
      nameFrProperty: 'name_fr',
      countryProperty: 'country',
      setProperty: 'set',
    });
    // The shipped file has two self-intersections left by simplification (CA-NT, US-AK): the canonical
    // PostGIS geometry is repaired, the served shapes are the file's own.
    const imported = await importBoundaries(db, regions, { setTitles: SHIPPED_SET_TITLES, repair: true });
    result.boundaries = imported.regions;
    result.repaired = imported.repaired;
  }
  // Every catalogue metric without a row yet gets its sample (a database seeded before a metric was added gets
  // that metric's sample on the next start); --force rewrites them all.
  const { rows: metricRows } = await db.query<{ id: string }>('select id from metrics');
  const missing = metricIds.some((id) => !metricRows.some((row) => row.id === id));
  if (options.force || missing) {
    result.observations = (await seedSampleData(db, { missingOnly: !options.force })).observations;
  }
  return result;
}
