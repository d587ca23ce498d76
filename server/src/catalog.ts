// What exists (metrics, region sets, regions) and at which data versions, kept in memory so that a
// cached response is found and an unknown metric or geo is refused without touching the database.
// Refreshed by polling data_versions (every DATA_VERSION_POLL_MS) and after local imports.
import type { Db } from './db/client.ts';
import { readVersions, type Versions } from './db/versions.ts';
import { listChoices, notFound } from './http-error.ts';

export interface RegionEntry {
  code: string;
  set: string;
  name: string;
}

export class Catalog {
  versions: Versions = { data: -1, boundaries: -1 };
  /** The database's installation id (namespaces shared Redis state). */
  installation = '';
  metrics: string[] = [];
  sets: string[] = [];
  regions = new Map<string, RegionEntry>();
  #db: Db;
  readonly #reads: Db;

  /** `db` for the first load, `reads` (a read replica, say) after it. */
  constructor(reads: Db, db: Db = reads) {
    this.#db = db;
    this.#reads = reads;
  }

  /** Re-reads the versions; reloads the lists when either changed (or when forced). */
  async refresh(force = false): Promise<boolean> {
    const versions = await readVersions(this.#db);
    if (!this.installation) {
      const { rows } = await this.#db.query<{ id: string }>('select id from installation limit 1');
      this.installation = rows[0]?.id ?? 'default';
    }
    if (!force && versions.data === this.versions.data && versions.boundaries === this.versions.boundaries) {
      return false;
    }
    const [metrics, sets, regions] = await Promise.all([
      this.#db.query<{ id: string }>('select id from metrics order by id'),
      this.#db.query<{ id: string }>('select id from region_sets order by id'),
      this.#db.query<{ code: string; set_id: string; name: string }>(
        'select code, set_id, name from regions order by code',
      ),
    ]);
    this.metrics = metrics.rows.map((row) => row.id);
    this.sets = sets.rows.map((row) => row.id);
    this.regions = new Map(
      regions.rows.map((row) => [row.code, { code: row.code, set: row.set_id, name: row.name }] as const),
    );
    this.versions = versions;
    this.#db = this.#reads;
    return true;
  }

  requireMetric(metric: string): string {
    if (!this.metrics.includes(metric)) {
      throw notFound(`Unknown metric "${metric}". Valid metrics: ${listChoices(this.metrics)}.`);
    }
    return metric;
  }

  /** Parses a comma-separated geo list into known set ids (deduplicated, sorted: one cache key per set). */
  requireSets(geo: string): string[] {
    const wanted = parseList(geo, (part) => part);
    const unknown = wanted.filter((set) => !this.sets.includes(set));
    if (unknown.length > 0 || wanted.length === 0) {
      const what = unknown.length > 0 ? `Unknown geo "${unknown.join(',')}"` : 'Empty geo';
      throw notFound(`${what}. Valid geo values (comma-separated): ${listChoices(this.sets)}.`);
    }
    return wanted;
  }

  requireRegions(list: string): string[] {
    const wanted = parseList(list, (code) => (this.regions.has(code) ? code : code.toUpperCase()));
    const unknown = wanted.filter((code) => !this.regions.has(code));
    if (unknown.length > 0) {
      throw notFound(
        `Unknown region${unknown.length > 1 ? 's' : ''} ${unknown.map((code) => `"${code}"`).join(', ')}. Valid regions (ISO 3166-2 codes): ${listChoices([...this.regions.keys()])}.`,
      );
    }
    return wanted;
  }
}

/** A comma-separated parameter → distinct, sorted, non-empty items (one cache key per set of items). */
function parseList(text: string, normalize: (item: string) => string): string[] {
  const items = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(normalize);
  return [...new Set(items)].sort();
}
