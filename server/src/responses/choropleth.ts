// The two choropleth bodies. Built from stored rows only (precomputed shapes, observations), with keys
// in a fixed order, so PostgreSQL and PGlite produce byte-identical JSON. These functions are the
// uncached path: routes call them through the response cache.
import { topology } from 'topojson-server';
import type { Db } from '../db/client.ts';
import type { Detail } from '../geo/shapes.ts';
import { notFound } from '../http-error.ts';
import { parsePeriod, periodLabel } from '../periods.ts';
import type { BoundaryCollection, ChoroplethData, Frequency, ObservationStatus } from '../schemas.ts';
import { loadMetricInfo } from './metric-info.ts';

export type BoundaryFormat = 'geojson' | 'topojson';

export async function buildBoundaries(
  db: Db,
  options: { sets: string[]; detail: Detail; format: BoundaryFormat },
): Promise<string> {
  const { rows } = await db.query<{
    code: string;
    name: string;
    name_fr: string | null;
    country: string;
    geometry: number[][][][];
  }>(
    `select r.code, r.name, r.name_fr, r.country, s.geometry
     from regions r join region_shapes s on s.code = r.code and s.detail = $2
     where r.set_id = any($1::text[])
     order by r.code`,
    [options.sets, options.detail],
  );
  const collection: BoundaryCollection = {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.code,
      properties: { code: row.code, name: row.name, name_fr: row.name_fr, country: row.country },
      geometry: { type: 'MultiPolygon', coordinates: row.geometry },
    })),
  };
  if (options.format === 'geojson') return JSON.stringify(collection);
  // Shapes were simplified on one shared topology, so shared borders have identical coordinates and
  // become shared arcs again here; 1e5 quantization keeps ~1 m precision at these extents.
  return JSON.stringify(topology({ regions: collection }, 1e5));
}

export async function buildData(
  db: Db,
  options: { metric: string; sets: string[]; regionsInSets: string[]; time: string },
): Promise<string> {
  const metric = await loadMetricInfo(db, options.metric);
  const { rows: bounds } = await db.query<{ first: string | null; last: string | null }>(
    `select to_char(min(o.time), 'YYYY-MM-DD') as first, to_char(max(o.time), 'YYYY-MM-DD') as last
     from observations o join regions r on r.code = o.region
     where o.metric = $1 and r.set_id = any($2::text[]) and o.value is not null`,
    [options.metric, options.sets],
  );
  const periods = bounds[0];
  if (!periods?.first || !periods.last) {
    throw notFound(`Metric "${options.metric}" has no values for geo ${options.sets.join(',')} yet.`);
  }
  const time = await resolveTime(
    db,
    { ...options, frequency: metric.frequency },
    periods as { first: string; last: string },
  );
  const { rows } = await db.query<{ region: string; name: string; value: number; status: ObservationStatus }>(
    `select o.region, r.name, o.value, o.status
     from observations o join regions r on r.code = o.region
     where o.metric = $1 and o.time = $2::date and r.set_id = any($3::text[]) and o.value is not null
     order by o.region`,
    [options.metric, time, options.sets],
  );
  const present = new Set(rows.map((row) => row.region));
  const body: ChoroplethData = {
    metric,
    time,
    values: rows.map((row) => ({ region: row.region, name: row.name, value: row.value, status: row.status })),
    missing: options.regionsInSets.filter((code) => !present.has(code)),
    periods: { first: periods.first, last: periods.last },
  };
  return JSON.stringify(body);
}

/** 'latest' → the last period with a value; a period in the metric's own form (2025-09, 2025-Q3, 2024) → the last
 * value in it; 'YYYY-MM-DD' exact. A period of another frequency is a 400 naming the metric's form. */
async function resolveTime(
  db: Db,
  options: { metric: string; sets: string[]; time: string; frequency: Frequency },
  periods: { first: string; last: string },
): Promise<string> {
  if (options.time === 'latest') return periods.last;
  const { start, span } = parsePeriod(options.time, options.frequency, options.metric);
  const { rows } = await db.query<{ time: string | null }>(
    `select to_char(max(o.time), 'YYYY-MM-DD') as time
     from observations o join regions r on r.code = o.region
     where o.metric = $1 and r.set_id = any($2::text[]) and o.value is not null
       and o.time >= $3::date and o.time < $3::date + $4::interval`,
    [options.metric, options.sets, start, span],
  );
  const found = rows[0]?.time;
  if (!found) {
    const label = (time: string) => periodLabel(time, options.frequency);
    throw notFound(
      `No "${options.metric}" values for ${options.time}. Available periods: ${label(periods.first)} to ${label(periods.last)} (or time=latest).`,
    );
  }
  return found;
}
