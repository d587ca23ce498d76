// Boundary import: reads GeoJSON or TopoJSON, validates it (geometry structure, coordinate ranges,
// SRID 4326, unique codes; plus ST_IsValid when PostGIS is there), precomputes the detail levels and
// writes region sets, regions and shapes in one transaction, then bumps the 'boundaries' data version.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Db } from '../db/client.ts';
import { bumpVersion } from '../db/versions.ts';
import { type AreaGeometry, buildShapes, DETAILS } from './shapes.ts';

export interface RegionInput {
  code: string;
  name: string;
  nameFr: string | null;
  country: string;
  set: string;
  level: string;
  geometry: AreaGeometry;
}

export interface ParseOptions {
  codeProperty: string;
  nameProperty: string;
  nameFrProperty?: string | undefined;
  countryProperty?: string | undefined;
  /** Property naming each feature's region set, or a fixed set id for every feature. */
  setProperty?: string | undefined;
  set?: string | undefined;
  level?: string | undefined;
}

export class BoundaryError extends Error {
  override name = 'BoundaryError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Boundary file rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.slice(0, 20).join('\n- ')}${problems.length > 20 ? `\n- … and ${problems.length - 20} more` : ''}`,
    );
    this.problems = problems;
  }
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SET_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Parses a GeoJSON FeatureCollection or a TopoJSON topology (every object) into validated regions. */
export function parseBoundaries(text: string, options: ParseOptions): RegionInput[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BoundaryError([`not JSON: ${(error as Error).message}`]);
  }
  const features = toFeatures(document);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const regions: RegionInput[] = [];
  for (const [index, item] of features.entries()) {
    const properties = (item.properties ?? {}) as Record<string, unknown>;
    const where = `feature ${index}`;
    const code = stringProperty(properties, options.codeProperty) ?? (typeof item.id === 'string' ? item.id : null);
    if (!code) {
      problems.push(
        `${where}: no "${options.codeProperty}" property (the region code); properties are ${Object.keys(properties).join(', ') || 'none'}`,
      );
      continue;
    }
    if (!CODE_PATTERN.test(code)) {
      problems.push(
        `${where}: code ${JSON.stringify(code)} must be 1–64 letters, digits, ".", "_" or "-" (e.g. US-CA)`,
      );
      continue;
    }
    const label = `${where} (${code})`;
    if (seen.has(code)) problems.push(`${label}: duplicate code, also used by feature ${seen.get(code)}`);
    seen.set(code, index);
    const name = stringProperty(properties, options.nameProperty);
    if (!name) problems.push(`${label}: no "${options.nameProperty}" property (the region name)`);
    const set = options.set ?? (options.setProperty ? stringProperty(properties, options.setProperty) : null);
    if (!set || !SET_PATTERN.test(set)) {
      problems.push(
        `${label}: region set ${JSON.stringify(set)} must be lowercase letters, digits and "-" (use --set ID or --set-property NAME)`,
      );
    }
    const country =
      (options.countryProperty ? stringProperty(properties, options.countryProperty) : null) ??
      (/^[A-Z]{2}-/.test(code) ? code.slice(0, 2) : null);
    if (!country) problems.push(`${label}: no country (use --country-property NAME or ISO 3166-2 codes like US-CA)`);
    const geometryProblems = checkGeometry(item.geometry);
    for (const problem of geometryProblems) problems.push(`${label}: ${problem}`);
    if (name && set && country && geometryProblems.length === 0) {
      regions.push({
        code,
        name,
        nameFr: options.nameFrProperty ? stringProperty(properties, options.nameFrProperty) : null,
        country,
        set,
        level: options.level ?? 'admin1',
        geometry: item.geometry as AreaGeometry,
      });
    }
  }
  if (features.length === 0) problems.push('the file has no features');
  if (problems.length > 0) throw new BoundaryError(problems);
  return regions;
}

function stringProperty(properties: Record<string, unknown>, name: string): string | null {
  const value = properties[name];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function toFeatures(document: unknown): Feature[] {
  if (!document || typeof document !== 'object') throw new BoundaryError(['not a GeoJSON or TopoJSON object']);
  const object = document as { type?: unknown; crs?: unknown };
  checkCrs(object.crs);
  if (object.type === 'Topology') {
    const topology = document as Topology;
    if (!topology.objects || typeof topology.objects !== 'object' || !Array.isArray(topology.arcs)) {
      throw new BoundaryError(['a TopoJSON Topology needs "objects" and "arcs"']);
    }
    const features: Feature[] = [];
    for (const object of Object.values(topology.objects)) {
      const converted = feature(topology, object) as Feature | FeatureCollection;
      if (converted.type === 'FeatureCollection') features.push(...converted.features);
      else features.push(converted);
    }
    return features;
  }
  if (object.type === 'FeatureCollection') {
    const features = (document as FeatureCollection).features;
    if (!Array.isArray(features)) throw new BoundaryError(['a FeatureCollection needs a "features" array']);
    return features;
  }
  if (object.type === 'Feature') return [document as Feature];
  throw new BoundaryError([
    `unsupported document type ${JSON.stringify(object.type)}: expected a GeoJSON FeatureCollection or a TopoJSON Topology`,
  ]);
}

/** GeoJSON (RFC 7946) is always WGS84; an old-style `crs` member must say so. */
function checkCrs(crs: unknown): void {
  if (crs === undefined || crs === null) return;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name === 'string' && /(EPSG:+4326|CRS84)$/i.test(name)) return;
  throw new BoundaryError([
    `coordinate reference system ${JSON.stringify(name ?? crs)} is not supported: coordinates must be WGS84 longitude/latitude (SRID 4326). Reproject first, e.g. ogr2ogr -t_srs EPSG:4326`,
  ]);
}

/** Structural checks that need no PostGIS: type, ring closure and size, finite lon/lat in range. */
function checkGeometry(geometry: Geometry | null | undefined): string[] {
  if (!geometry) return ['no geometry'];
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return [`geometry type ${geometry.type} is not an area: expected Polygon or MultiPolygon`];
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return ['empty geometry'];
  const problems: string[] = [];
  for (const [p, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.push(`polygon ${p} has no rings`);
      continue;
    }
    for (const [r, ring] of polygon.entries()) {
      if (!Array.isArray(ring) || ring.length < 4) {
        problems.push(`polygon ${p} ring ${r} has fewer than 4 positions`);
        continue;
      }
      for (const position of ring) {
        const problem = checkPosition(position);
        if (problem) {
          problems.push(`polygon ${p} ring ${r}: ${problem}`);
          break;
        }
      }
      const first = ring[0]!;
      const last = ring.at(-1)!;
      if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`polygon ${p} ring ${r} is not closed`);
    }
  }
  return problems;
}

function checkPosition(position: Position): string | null {
  if (!Array.isArray(position) || position.length < 2) return 'a position is not [longitude, latitude]';
  const [lon, lat] = position as [number, number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `position ${JSON.stringify(position)} is not numeric`;
  // Longitudes beyond ±180 (to ±360) are allowed so a region can cross the antimeridian contiguously.
  if (lon < -360 || lon > 360 || lat < -90 || lat > 90) {
    return `position [${lon}, ${lat}] is outside longitude/latitude range (SRID 4326 expected; is the file projected?)`;
  }
  return null;
}

export interface ImportResult {
  regions: number;
  sets: string[];
  postgis: boolean;
  /** Regions whose PostGIS geometry was invalid and repaired with ST_MakeValid (only with `repair`). */
  repaired: string[];
}

/** Writes regions and their precomputed shapes; replaces the regions of every set the file touches. */
export async function importBoundaries(
  db: Db,
  regions: RegionInput[],
  options: { setTitles?: Record<string, string>; repair?: boolean } = {},
): Promise<ImportResult> {
  const postgis = await hasPostgis(db);
  const invalid = postgis ? await checkPostgisValidity(db, regions) : [];
  if (invalid.length > 0 && !options.repair) {
    throw new BoundaryError([
      ...invalid.map((problem) => problem.message),
      'fix the file, or pass --repair to store ST_MakeValid() geometry in PostGIS (served shapes are unaffected)',
    ]);
  }
  const repaired = new Set(invalid.map((problem) => problem.code));
  const shapes = buildShapes(regions);
  const sets = [...new Set(regions.map((region) => region.set))].sort();
  await db.transaction(async (tx) => {
    for (const set of sets) {
      const first = regions.find((region) => region.set === set)!;
      const countries = [...new Set(regions.filter((r) => r.set === set).map((r) => r.country))].join(',');
      await tx.query(
        `insert into region_sets (id, title, country, level) values ($1, $2, $3, $4)
         on conflict (id) do update set title = excluded.title, country = excluded.country, level = excluded.level`,
        [set, options.setTitles?.[set] ?? set, countries, first.level],
      );
      const codes = regions.filter((region) => region.set === set).map((region) => region.code);
      // Regions of this set that the new file no longer has are removed with their shapes.
      await tx.query('delete from regions where set_id = $1 and not (code = any($2::text[]))', [set, codes]);
    }
    for (const region of regions) {
      await tx.query(
        `insert into regions (code, set_id, name, name_fr, country, level) values ($1, $2, $3, $4, $5, $6)
         on conflict (code) do update set set_id = excluded.set_id, name = excluded.name, name_fr = excluded.name_fr,
           country = excluded.country, level = excluded.level`,
        [region.code, region.set, region.name, region.nameFr, region.country, region.level],
      );
      if (postgis) {
        const geometry = repaired.has(region.code)
          ? 'ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)), 3))'
          : 'ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))';
        await tx.query(`update regions set geom = ${geometry} where code = $1`, [
          region.code,
          JSON.stringify(region.geometry),
        ]);
      }
      const levels = shapes.get(region.code)!;
      for (const detail of DETAILS) {
        await tx.query(
          `insert into region_shapes (code, detail, geometry) values ($1, $2, $3)
           on conflict (code, detail) do update set geometry = excluded.geometry`,
          [region.code, detail, JSON.stringify(levels[detail].coordinates)],
        );
      }
    }
    await bumpVersion(tx, 'boundaries');
  });
  return { regions: regions.length, sets, postgis, repaired: [...repaired] };
}

export async function hasPostgis(db: Db): Promise<boolean> {
  if (db.kind !== 'postgres') return false;
  const { rows } = await db.query<{ present: boolean }>(
    `select exists (select 1 from information_schema.columns where table_name = 'regions' and column_name = 'geom') as present`,
  );
  return rows[0]?.present ?? false;
}

async function checkPostgisValidity(db: Db, regions: RegionInput[]): Promise<{ code: string; message: string }[]> {
  const problems: { code: string; message: string }[] = [];
  for (const region of regions) {
    const { rows } = await db.query<{ reason: string }>(
      'select ST_IsValidReason(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) as reason',
      [JSON.stringify(region.geometry)],
    );
    const reason = rows[0]?.reason ?? 'unknown';
    if (reason !== 'Valid Geometry') {
      problems.push({ code: region.code, message: `${region.code}: invalid geometry (PostGIS ST_IsValid): ${reason}` });
    }
  }
  return problems;
}
