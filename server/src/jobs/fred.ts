// FRED connector: `fred/series/observations` for the catalogue's state series (monthly, quarterly or annual).
// One request per series, paced (FRED allows ~120 requests a minute per key), a few in flight, validated before use.
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import type { SeriesSpec } from './catalogue.ts';
import { fetchJson, Pacer } from './http.ts';
import {
  type Connector,
  type FetchWindow,
  inWindow,
  markNewestPreliminary,
  monthStart,
  type Observation,
  PayloadError,
  parseValue,
  type SeriesOutcome,
} from './series.ts';
import { type IngestSettings, missingFredKeyMessage } from './settings.ts';

const FredObservations = Compile(
  Type.Object({
    count: Type.Integer({ minimum: 0 }),
    offset: Type.Integer({ minimum: 0 }),
    limit: Type.Integer({ minimum: 1 }),
    observations: Type.Array(
      Type.Object({
        date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
        // FRED sends every value as a string; "." means missing.
        value: Type.String(),
      }),
    ),
  }),
);

/** FRED's answer to a missing, malformed or unregistered key (HTTP 400, "The value for variable api_key ..."). */
const keyRejected = /HTTP 40[03]: .*api_key/;

/** Requests in flight at once; pacing still spaces their starts (FRED_MIN_INTERVAL_MS). */
const concurrency = 4;

export class MissingApiKeyError extends Error {
  override name = 'MissingApiKeyError';
  constructor() {
    super(missingFredKeyMessage);
  }
}

export function createFredConnector(settings: IngestSettings): Connector {
  const pacer = new Pacer(settings.fredMinIntervalMs, settings.http.clock);
  /** The answer of a key FRED refused: the rest of the run (every later metric) is not asked for either. */
  let refused: string | undefined;
  return {
    source: 'fred',
    async *fetch(series, window, signal) {
      const apiKey = settings.fredApiKey;
      if (!apiKey) throw new MissingApiKeyError();
      if (refused) {
        for (const spec of series) yield { spec, ok: false, error: `not requested: ${refused}` };
        return;
      }
      // A few requests in flight (their starts still paced), answers yielded in series order.
      const pending: Promise<SeriesOutcome>[] = [];
      let next = 0;
      const launch = () => {
        const spec = series[next++];
        if (!spec) return;
        const outcome = fetchSeries(spec, window, apiKey, settings, pacer, signal);
        outcome.catch(() => {}); // awaited below; only a cancelled run rejects, and then nobody waits
        pending.push(outcome);
      };
      for (let slot = 0; slot < concurrency; slot++) launch();
      while (pending.length > 0) {
        const outcome = await pending.shift()!;
        if (!outcome.ok && keyRejected.test(outcome.error)) {
          // Every other series would get the same answer: report them without asking.
          refused = outcome.error;
          yield outcome;
          for (const rest of series.slice(series.indexOf(outcome.spec) + 1)) {
            yield { spec: rest, ok: false, error: `not requested: ${outcome.error}` };
          }
          return;
        }
        launch();
        yield outcome;
      }
    },
  };
}

async function fetchSeries(
  spec: SeriesSpec,
  window: FetchWindow,
  apiKey: string,
  settings: IngestSettings,
  pacer: Pacer,
  signal: AbortSignal | undefined,
): Promise<SeriesOutcome> {
  const url = new URL(`${settings.baseUrls.fred.replace(/\/$/, '')}/series/observations`);
  url.searchParams.set('series_id', spec.seriesId);
  url.searchParams.set('api_key', apiKey);
  url.searchParams.set('file_type', 'json');
  if (window.mode === 'update') {
    url.searchParams.set('sort_order', 'desc');
    url.searchParams.set('limit', String(window.periods));
  } else {
    url.searchParams.set('observation_start', `${window.from}-01`);
    if (window.to) url.searchParams.set('observation_end', `${window.to}-01`);
  }
  try {
    const { json } = await fetchJson(url, { label: `FRED ${spec.seriesId}`, signal }, settings.http, pacer);
    return { spec, ok: true, ...parseFredObservations(json, spec, window) };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { spec, ok: false, error: (error as Error).message };
  }
}

/** Validates a `series/observations` body and normalizes it; `"."` values are missing (no row, never 0). */
export function parseFredObservations(
  json: unknown,
  spec: SeriesSpec,
  window: FetchWindow,
): { observations: Observation[]; missing: number } {
  if (!FredObservations.Check(json)) {
    const [first] = FredObservations.Errors(json);
    throw new PayloadError(
      `FRED ${spec.seriesId}: unexpected payload (${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'})`,
    );
  }
  const expected = Math.min(json.limit, Math.max(0, json.count - json.offset));
  if (json.observations.length < expected) {
    throw new PayloadError(
      `FRED ${spec.seriesId}: partial payload (${json.observations.length} of ${expected} observations)`,
    );
  }
  const observations: Observation[] = [];
  let missing = 0;
  for (const point of json.observations) {
    const time = monthStart(point.date);
    if (!inWindow(time, window)) continue;
    if (point.value.trim() === '.') {
      missing++;
      continue;
    }
    observations.push({
      metric: spec.metric,
      region: spec.region,
      time,
      value: parseValue(point.value, `FRED ${spec.seriesId} ${point.date}`) * (spec.scale ?? 1),
      status: 'final',
      source: `fred:${spec.seriesId}`,
    });
  }
  // BLS publishes each month's state estimates as preliminary and revises them the month after; FRED carries
  // no flag, so the newest period is preliminary unless the window ends before it.
  if (window.mode === 'update' || !window.to) markNewestPreliminary(observations);
  return { observations, missing };
}
