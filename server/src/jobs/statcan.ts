// Statistics Canada WDS connector: `getDataFromVectorsAndLatestNPeriods` (updates) and `getBulkVectorDataByRange`
// (backfill) for the catalogue's provincial vectors. One POST covers every vector; each item of the
// answer is validated on its own, so a FAILED item or a bad data point fails that vector only. If the answer as a
// whole is unusable (truncated, not an array of the right length), each vector is asked for alone.
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

const SuccessItem = Compile(
  Type.Object({
    status: Type.Literal('SUCCESS'),
    object: Type.Object({
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
      let items: unknown[] | undefined;
      let batchError: string | undefined;
      try {
        items = await request(series, window, settings, signal);
        if (items.length !== series.length) {
          batchError = `answer has ${items.length} items for ${series.length} vectors`;
          items = undefined;
        }
      } catch (error) {
        if (error instanceof MaintenanceWindowError || signal?.aborted) throw error;
        // A transport failure after retries is the same for every vector; a bad body may be one vector's fault.
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
      // The batch answer was unusable: ask for each vector alone so one bad series cannot sink the others.
      for (const spec of series) {
        try {
          const [item, ...rest] = await request([spec], window, settings, signal);
          yield rest.length > 0
            ? { spec, ok: false, error: `StatCan v${spec.seriesId}: answer has ${rest.length + 1} items for 1 vector` }
            : outcome(spec, item, window);
        } catch (error) {
          if (error instanceof MaintenanceWindowError || signal?.aborted) throw error;
          yield { spec, ok: false, error: (error as Error).message };
        }
      }
    },
  };
}

async function request(
  series: readonly SeriesSpec[],
  window: FetchWindow,
  settings: IngestSettings,
  signal: AbortSignal | undefined,
): Promise<unknown[]> {
  const base = settings.baseUrls.statcan.replace(/\/$/, '');
  const body =
    window.mode === 'update'
      ? series.map((spec) => ({ vectorId: Number(spec.seriesId), latestN: window.periods * sourcePeriodsPer(spec) }))
      : {
          vectorIds: series.map((spec) => spec.seriesId),
          // The range filters by release time, and a period is released after it ends: releases since the first
          // month of the window cover every period in it (including later revisions); `to` is applied locally.
          startDataPointReleaseDate: `${window.from}-01T00:00`,
          endDataPointReleaseDate: `${new Date().toISOString().slice(0, 10)}T23:59`,
        };
  const method = window.mode === 'update' ? 'getDataFromVectorsAndLatestNPeriods' : 'getBulkVectorDataByRange';
  const label = `StatCan ${method}${series.length === 1 ? ` v${series[0]!.seriesId}` : ''}`;
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
  const label = `StatCan v${spec.seriesId}`;
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
  if (String(item.object.vectorId) !== spec.seriesId) {
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
      source: `statcan:v${spec.seriesId}`,
    });
  }
  return { observations, missing };
}
