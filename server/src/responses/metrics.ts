// The metrics catalog and per-metric time series bodies (types from schemas.ts; uncached path, routes cache them).
import type { Db } from '../db/client.ts';
import { badRequest } from '../http-error.ts';
import { parseBound, periodLabel } from '../periods.ts';
import type { MetricSummary, MetricsResponse, ObservationStatus, SeriesResponse } from '../schemas.ts';
import { loadMetricInfo, METRIC_COLUMNS, type MetricRow, toMetricInfo } from './metric-info.ts';

export async function buildMetricList(db: Db): Promise<string> {
  const { rows } = await db.query<MetricRow>(`select ${METRIC_COLUMNS} from metrics order by id`);
  // One pass over the observations (the embedded store computes in the server's own thread): first and last period
  // per metric, region set and country; the metric-wide span, its sets and its per-country spans follow from it.
  const { rows: spans } = await db.query<{
    metric: string;
    set_id: string;
    country: string;
    first: string;
    last: string;
  }>(
    `select o.metric, r.set_id, r.country,
            to_char(min(o.time), 'YYYY-MM-DD') as first, to_char(max(o.time), 'YYYY-MM-DD') as last
     from observations o join regions r on r.code = o.region
     where o.value is not null
     group by o.metric, r.set_id, r.country
     order by o.metric, r.set_id`,
  );
  const metrics: MetricSummary[] = rows.map((row) => {
    const own = spans.filter((item) => item.metric === row.id);
    const first = (items: typeof own) =>
      items.reduce<string | null>((min, i) => (!min || i.first < min ? i.first : min), null);
    const last = (items: typeof own) =>
      items.reduce<string | null>((max, i) => (!max || i.last > max ? i.last : max), null);
    // US before CA, as the map reads.
    const countries = [...new Set(own.map((item) => item.country))].sort().reverse();
    return {
      ...toMetricInfo(row),
      latest: last(own),
      first: first(own),
      geo: [...new Set(own.map((item) => item.set_id))],
      countries: countries.map((country) => {
        const ofCountry = own.filter((item) => item.country === country);
        return {
          country,
          first: periodLabel(first(ofCountry)!, row.frequency),
          last: periodLabel(last(ofCountry)!, row.frequency),
        };
      }),
    };
  });
  const body: MetricsResponse = { metrics };
  return JSON.stringify(body);
}

interface RegionSeries {
  name: string;
  nameFr: string | null;
  values: Map<string, number | null>;
  /** Dates of the points that are preliminary or revised. */
  flagged: Record<string, 'preliminary' | 'revised'>;
}

/** `from`/`to` in the metric's own period form (2025-09, 2025-Q3, 2024), both inclusive (the whole period). */
export async function buildSeries(
  db: Db,
  options: { metric: string; regions: string[] | null; from: string | null; to: string | null },
): Promise<string> {
  const metric = await loadMetricInfo(db, options.metric);
  const from = options.from ? parseBound('from', options.from, metric.frequency, options.metric) : null;
  const to = options.to ? parseBound('to', options.to, metric.frequency, options.metric) : null;
  if (from && to && from.start > to.start) {
    throw badRequest(`from (${options.from}) is after to (${options.to}).`);
  }
  // Every period in range that has any observation of the metric: one shared time axis for all series.
  const { rows } = await db.query<{
    region: string;
    name: string;
    name_fr: string | null;
    time: string;
    value: number | null;
    status: ObservationStatus;
  }>(
    `select o.region, r.name, r.name_fr, to_char(o.time, 'YYYY-MM-DD') as time, o.value, o.status
     from observations o join regions r on r.code = o.region
     where o.metric = $1
       and ($2::text[] is null or o.region = any($2::text[]))
       and ($3::date is null or o.time >= $3::date)
       and ($4::date is null or o.time < $4::date)
     order by o.region, o.time`,
    [options.metric, options.regions, from?.start ?? null, to?.end ?? null],
  );
  const times = [...new Set(rows.map((row) => row.time))].sort();
  const byRegion = new Map<string, RegionSeries>();
  for (const row of rows) {
    let entry = byRegion.get(row.region);
    if (!entry) {
      entry = { name: row.name, nameFr: row.name_fr, values: new Map(), flagged: {} };
      byRegion.set(row.region, entry);
    }
    entry.values.set(row.time, row.value);
    if (row.status === 'preliminary' || row.status === 'revised') entry.flagged[row.time] = row.status;
  }
  // Regions asked for by name but without observations still get a (null-only) series.
  if (options.regions) {
    const { rows: named } = await db.query<{ code: string; name: string; name_fr: string | null }>(
      'select code, name, name_fr from regions where code = any($1::text[])',
      [options.regions],
    );
    for (const region of named) {
      if (!byRegion.has(region.code))
        byRegion.set(region.code, { name: region.name, nameFr: region.name_fr, values: new Map(), flagged: {} });
    }
  }
  const codes = [...byRegion.keys()].sort();
  const body: SeriesResponse = {
    metric,
    series: codes.map((code) => {
      const entry = byRegion.get(code)!;
      return {
        region: code,
        name: entry.name,
        name_fr: entry.nameFr,
        points: times.map((time): [string, number | null] => [time, entry.values.get(time) ?? null]),
        // Only when some point is not final: series of final (or sample) values keep their earlier shape.
        ...(Object.keys(entry.flagged).length > 0 ? { status: entry.flagged } : {}),
      };
    }),
  };
  return JSON.stringify(body);
}
