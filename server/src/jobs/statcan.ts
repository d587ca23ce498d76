// Statistics Canada WDS connector: `getDataFromVectorsAndLatestNPeriods` (updates) and `getBulkVectorDataByRange`
// (backfill) for the catalogue's provincial vectors, `getDataFromCubePidCoordAndLatestNPeriods` for the series
// declared by table and coordinate (`14100223:7.2.1.0.0.0.0.0.0.0`; a backfill asks for every period since its first
// month). One POST covers every series of a kind; each item of the answer is validated on its own, so a FAILED
// item or a bad data point fails that series only. If the answer as a whole is unusable (truncated, not an array of
// the right length), each series is asked for alone.
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import type { SeriesSpec } from './catalogue.ts';
import { fetchJson, UpstreamError } from './http.ts';
import {
  type Connector,
  type FetchWindow,
  inWindow,
  MaintenanceWindowError,
  monthStart,
  type Observation,
  PayloadError,
  parseValue,
  type SeriesOutcome,
} from './series.ts';
import type { IngestSettings } from './settings.ts';

/** Source periods per metric period: a monthly index averaged into quarters needs three months a quarter, a
 * quarterly population series read once a year needs four quarters a year. */
function sourcePeriodsPer(spec: SeriesSpec): number {
  return spec.resample === 'quarter-mean' ? 3 : spec.resample === 'july' ? 4 : 1;
}

/** A series declared by table and coordinate (`<productId>:<coordinate>`) rather than by vector. */
export function coordinateOf(spec: SeriesSpec): { productId: number; coordinate: string } | undefined {
  const match = /^(\d{8}):((?:\d+\.){9}\d+)$/.exec(spec.seriesId);
  return match ? { productId: Number(match[1]), coordinate: match[2]! } : undefined;
}

/** How a series is named in errors and in `observations.source`: `v2063949`, or `14100223:7.2.1.0.0.0.0.0.0.0`. */
const seriesName = (spec: SeriesSpec) => (coordinateOf(spec) ? spec.seriesId : `v${spec.seriesId}`);

const SuccessItem = Compile(
  Type.Object({
    status: Type.Literal('SUCCESS'),
    object: Type.Object({
      productId: Type.Optional(Type.Integer()),
      coordinate: Type.Optional(Type.String()),
      vectorId: Type.Integer(),
      vectorDataPoint: Type.Array(
        Type.Object({
          refPer: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          // The captured LFS answer has numbers, the user guide's example strings; suppressed points are null.
          value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
          symbolCode: Type.Optional(Type.Integer()),
          statusCode: Type.Optional(Type.Integer()),
          releaseTime: Type.Optional(Type.String()),
        }),
      ),
    }),
  }),
);

const FailedItem = Compile(Type.Object({ status: Type.Literal('FAILED'), object: Type.Unknown() }));

/** WDS symbol code 1 is "p", preliminary (getCodeSets). */
const preliminarySymbol = 1;

export function createStatcanConnector(settings: IngestSettings): Connector {
  return {
    source: 'statcan',
    async *fetch(series, window, signal) {
      // Vectors and coordinates are asked for with different methods: one batch of each kind.
      const byCoordinate = series.filter((spec) => coordinateOf(spec));
      const byVector = series.filter((spec) => !coordinateOf(spec));
      for (const batch of [byVector, byCoordinate]) {
        if (batch.length > 0) yield* fetchBatch(batch, window, settings, signal);
      }
    },
  };
}

async function* fetchBatch(
  series: readonly SeriesSpec[],
  window: FetchWindow,
  settings: IngestSettings,
  signal: AbortSignal | undefined,
): AsyncGenerator<SeriesOutcome> {
  let items: unknown[] | undefined;
  let batchError: string | undefined;
  try {
    items = await request(series, window, settings, signal);
    if (items.length !== series.length) {
      batchError = `answer has ${items.length} items for ${series.length} series`;
      items = undefined;
    }
  } catch (error) {
    if (error instanceof MaintenanceWindowError || signal?.aborted) throw error;
    // A transport failure after retries is the same for every series; a bad body may be one series' fault.
    if (!(error instanceof PayloadError || (error instanceof UpstreamError && /JSON/.test(error.message)))) {
      for (const spec of series) yield { spec, ok: false, error: (error as Error).message };
      return;
    }
    batchError = (error as Error).message;
  }
  if (items) {
    for (const [index, spec] of series.entries()) yield outcome(spec, items[index], window);
    return;
  }
  if (series.length === 1) {
    yield { spec: series[0]!, ok: false, error: batchError ?? 'unusable answer' };
    return;
  }
  // The batch answer was unusable: ask for each series alone so one bad series cannot sink the others.
  for (const spec of series) {
    try {
      const [item, ...rest] = await request([spec], window, settings, signal);
      yield rest.length > 0
        ? { spec, ok: false, error: `StatCan ${seriesName(spec)}: answer has ${rest.length + 1} items for 1 series` }
        : outcome(spec, item, window);
    } catch (error) {
      if (error instanceof MaintenanceWindowError || signal?.aborted) throw error;
      yield { spec, ok: false, error: (error as Error).message };
    }
  }
}

/** Periods a coordinate backfill asks for: every month since the window's first (more than enough for quarterly
 * and annual series; WDS answers with what exists), the window's end applied locally. */
function periodsSince(from: string): number {
  const [year, month] = from.split('-').map(Number) as [number, number];
  const now = new Date();
  return Math.max(1, (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month) + 1);
}

async function request(
  series: readonly SeriesSpec[],
  window: FetchWindow,
  settings: IngestSettings,
  signal: AbortSignal | undefined,
): Promise<unknown[]> {
  const base = settings.baseUrls.statcan.replace(/\/$/, '');
  const coordinates = coordinateOf(series[0]!) !== undefined;
  let method: string;
  let body: unknown;
  if (coordinates) {
    method = 'getDataFromCubePidCoordAndLatestNPeriods';
    body = series.map((spec) => ({
      ...coordinateOf(spec)!,
      latestN: window.mode === 'update' ? window.periods * sourcePeriodsPer(spec) : periodsSince(window.from),
    }));
  } else if (window.mode === 'update') {
    method = 'getDataFromVectorsAndLatestNPeriods';
    body = series.map((spec) => ({
      vectorId: Number(spec.seriesId),
      latestN: window.periods * sourcePeriodsPer(spec),
    }));
  } else {
    method = 'getBulkVectorDataByRange';
    body = {
      vectorIds: series.map((spec) => spec.seriesId),
      // The range filters by release time, and a period is released after it ends: releases since the first
      // month of the window cover every period in it (including later revisions); `to` is applied locally.
      startDataPointReleaseDate: `${window.from}-01T00:00`,
      endDataPointReleaseDate: `${new Date().toISOString().slice(0, 10)}T23:59`,
    };
  }
  const label = `StatCan ${method}${series.length === 1 ? ` ${seriesName(series[0]!)}` : ''}`;
  const { status, json } = await fetchJson(
    new URL(`${base}/${method}`),
    { method: 'POST', body, label, signal },
    settings.http,
    undefined,
    [409],
  );
  if (status === 409) {
    throw new MaintenanceWindowError(`${label}: HTTP 409, Statistics Canada is in its maintenance window`);
  }
  if (!Array.isArray(json)) throw new PayloadError(`${label}: answer is not an array`);
  return json;
}

function outcome(spec: SeriesSpec, item: unknown, window: FetchWindow): SeriesOutcome {
  try {
    return { spec, ok: true, ...parseStatcanItem(item, spec, window) };
  } catch (error) {
    return { spec, ok: false, error: (error as Error).message };
  }
}

/** Validates one WDS answer item for `spec` and normalizes its data points; null values are missing. */
export function parseStatcanItem(
  item: unknown,
  spec: SeriesSpec,
  window: FetchWindow,
): { observations: Observation[]; missing: number } {
  const label = `StatCan ${seriesName(spec)}`;
  if (FailedItem.Check(item)) {
    throw new PayloadError(
      `${label}: FAILED (${typeof item.object === 'string' ? item.object : JSON.stringify(item.object)})`,
    );
  }
  if (!SuccessItem.Check(item)) {
    const [first] = SuccessItem.Errors(item);
    throw new PayloadError(
      `${label}: unexpected payload (${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'})`,
    );
  }
  const coordinate = coordinateOf(spec);
  if (coordinate) {
    const { productId, coordinate: answered } = item.object;
    if (productId !== coordinate.productId || answered !== coordinate.coordinate) {
      throw new PayloadError(`${label}: answer is for ${productId ?? 'no table'}:${answered ?? 'no coordinate'}`);
    }
  } else if (String(item.object.vectorId) !== spec.seriesId) {
    throw new PayloadError(`${label}: answer is for vector v${item.object.vectorId}`);
  }
  const observations: Observation[] = [];
  let missing = 0;
  for (const point of item.object.vectorDataPoint) {
    const time = monthStart(point.refPer);
    if (!inWindow(time, window)) continue;
    if (point.value === null || (typeof point.value === 'string' && point.value.trim() === '')) {
      missing++;
      continue;
    }
    observations.push({
      metric: spec.metric,
      region: spec.region,
      time,
      value: parseValue(point.value, `${label} ${point.refPer}`) * (spec.scale ?? 1),
      status: point.symbolCode === preliminarySymbol ? 'preliminary' : 'final',
      source: `statcan:${seriesName(spec)}`,
    });
  }
  return { observations, missing };
}
