// The shapes every connector produces: normalized observations per series, or that series' error. A connector is
// an async generator of outcomes so the run can write and report each series as soon as it arrives.
import type { SeriesSpec, SourceId } from './catalogue.ts';

export type ObservationStatus = 'final' | 'preliminary' | 'revised' | 'sample';

/** One value as stored: `time` is the first day of the period (YYYY-MM-01). */
export interface Observation {
  metric: string;
  region: string;
  time: string;
  value: number;
  status: 'final' | 'preliminary';
  source: string;
}

export type SeriesOutcome =
  | {
      spec: SeriesSpec;
      ok: true;
      observations: Observation[] /** periods the source reports without a value */;
      missing: number;
    }
  | { spec: SeriesSpec; ok: false; error: string };

/** Which periods to fetch: the latest N (scheduled updates) or a range of reference months (backfill). */
export type FetchWindow =
  | { mode: 'update'; periods: number }
  | { mode: 'range'; from: string; to?: string | undefined };

export interface Connector {
  source: SourceId;
  fetch(series: readonly SeriesSpec[], window: FetchWindow, signal?: AbortSignal): AsyncGenerator<SeriesOutcome>;
}

/** A payload for one series that cannot be used (wrong shape, partial, unparseable values). */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

/** The source is in a maintenance window (StatCan answers 409 until ~08:30 Eastern): run again later. */
export class MaintenanceWindowError extends Error {
  override name = 'MaintenanceWindowError';
}

const isoDay = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;

/** The first day of the month of an ISO date (`2026-07-15` → `2026-07-01`); throws on anything else. */
export function monthStart(date: string): string {
  const match = isoDay.exec(date);
  if (!match) throw new PayloadError(`date "${date}" is not YYYY-MM-DD`);
  return `${match[1]}-${match[2]}-01`;
}

/** Whether YYYY-MM-01 lies within a backfill window given as YYYY-MM months. */
export function inWindow(time: string, window: FetchWindow): boolean {
  if (window.mode === 'update') return true;
  const month = time.slice(0, 7);
  return month >= window.from && (window.to === undefined || month <= window.to);
}

/** Parses a number given as a number or a numeric string; throws PayloadError on anything else. */
export function parseValue(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  throw new PayloadError(`${where}: value ${JSON.stringify(value)} is not a number`);
}

/** Marks the newest observation preliminary (the source publishes its latest period as preliminary). */
export function markNewestPreliminary(observations: Observation[]): void {
  let newest: Observation | undefined;
  for (const observation of observations) if (!newest || observation.time > newest.time) newest = observation;
  if (newest) newest.status = 'preliminary';
}

/** A series published more often than its metric, brought to the metric's periods (see `Resample`): quarterly
 * means of complete quarters (YYYY-01/04/07/10-01), or the July observation as the year's (YYYY-01-01). The
 * result is preliminary when any period it is made of is. Other series pass through. */
export function resample(observations: Observation[], spec: SeriesSpec): Observation[] {
  if (!spec.resample) return observations;
  if (spec.resample === 'july') {
    return observations
      .filter((observation) => observation.time.slice(5, 7) === '07')
      .map((observation) => ({ ...observation, time: `${observation.time.slice(0, 4)}-01-01` }));
  }
  const quarters = new Map<string, Observation[]>();
  for (const observation of observations) {
    const month = Number(observation.time.slice(5, 7));
    const start = `${observation.time.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
    const list = quarters.get(start) ?? [];
    if (!list.some((other) => other.time === observation.time)) list.push(observation);
    quarters.set(start, list);
  }
  return [...quarters.entries()]
    .filter(([, months]) => months.length === 3)
    .map(([time, months]) => ({
      ...months[0]!,
      time,
      // Rounded so that the same inputs always store the same number (no change → no write).
      value: Math.round((months.reduce((sum, month) => sum + month.value, 0) / 3) * 1e6) / 1e6,
      status: months.some((month) => month.status === 'preliminary') ? 'preliminary' : 'final',
    }));
}
