// The Chronos API as the stories see it: mock service worker handlers that answer from responses recorded
// off the real server (fixtures/*.json, written by scripts/record-fixtures.ts). Nothing here makes data up:
// a request gets the recorded body for its metric and period, cut to the region sets it asks for (the
// server's own filter), or a recorded error answer.
//
// States that a real server produces only under other conditions (a refused key, a rate limit, a server
// that never answers) are chosen by the API base URL, so that stories shown together on one docs page
// never disturb each other: `<chronos-choropleth api="/scenario/unknown-key">` gets the recorded refusal.
import { bypass, delay, HttpResponse, http } from 'msw';
import boundaries from '../fixtures/boundaries.json' with { type: 'json' };
import medianIncome from '../fixtures/data-median-income.json' with { type: 'json' };
import unemployment from '../fixtures/data-unemployment.json' with { type: 'json' };
import metrics from '../fixtures/metrics.json' with { type: 'json' };
import noData from '../fixtures/no-data.json' with { type: 'json' };
import rateLimited from '../fixtures/rate-limited.json' with { type: 'json' };
import refusals from '../fixtures/refusals.json' with { type: 'json' };
import seriesMedianIncome from '../fixtures/series-median-income.json' with { type: 'json' };
import seriesUnemployment from '../fixtures/series-unemployment.json' with { type: 'json' };
import unknownMetric from '../fixtures/unknown-metric.json' with { type: 'json' };

interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
interface Feature {
  properties: { country: string };
}
interface DataBody {
  values: { region: string }[];
  missing: string[];
}
interface SeriesBody {
  series: { region: string; points: [string, number | null][] }[];
}

const dataByMetric: Record<string, Record<string, Recorded>> = {
  unemployment,
  'median-income': medianIncome,
};
const seriesByMetric: Record<string, Recorded> = {
  unemployment: seriesUnemployment,
  'median-income': seriesMedianIncome,
};

/** API base paths that select a recorded state (see the module comment). */
export const scenarios = {
  /** A page on another site without a key: 403 `key_required`. */
  keyRequired: '/scenario/key-required',
  /** A key that does not exist: 403 `unknown_key`. */
  unknownKey: '/scenario/unknown-key',
  /** A key that is not a key: 403 `malformed_key`. */
  malformedKey: '/scenario/malformed-key',
  /** A valid key used on a site it is not bound to: 403 `origin_not_allowed`. */
  originNotAllowed: '/scenario/origin-not-allowed',
  /** 429 with Retry-After (the map counts down and retries by itself). */
  rateLimited: '/scenario/rate-limited',
  /** Geometry arrives, values never do: the loading state stays. */
  loading: '/scenario/loading',
  /** Nothing answers (a network failure). */
  offline: '/scenario/offline',
} as const;

const refusalByScenario: Record<string, Recorded> = {
  'key-required': refusals.key_required,
  'unknown-key': refusals.unknown_key,
  'malformed-key': refusals.malformed_key,
  'origin-not-allowed': refusals.origin_not_allowed,
  'rate-limited': rateLimited,
};

function reply(recorded: Recorded, body: unknown = recorded.body): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status: recorded.status, headers: recorded.headers });
}

/** The countries of a `geo` parameter (`us-states` → US, `ca-provinces` → CA). */
function countries(geo: string | null): Set<string> {
  const sets = (geo ?? 'us-states,ca-provinces').split(',');
  return new Set(sets.map((set) => (set.trim() === 'ca-provinces' ? 'CA' : 'US')));
}

/** A recorded error answer about another metric or period, saying which (the server's own wording). */
function withMessage(recorded: Recorded, from: string, to: string): Response {
  const body = recorded.body as { message: string };
  return reply(recorded, { ...body, message: body.message.replace(from, to) });
}

function choropleth(url: URL): Response {
  const wanted = countries(url.searchParams.get('geo'));
  if (url.searchParams.get('mode') === 'boundaries') {
    const features = (boundaries.body as { features: Feature[] }).features;
    return reply(boundaries, {
      ...boundaries.body,
      features: features.filter((feature) => wanted.has(feature.properties.country)),
    });
  }
  const metric = url.searchParams.get('metric') ?? '';
  const time = url.searchParams.get('time') ?? 'latest';
  const byTime = dataByMetric[metric];
  if (!byTime) return withMessage(unknownMetric, '"no-such-metric"', JSON.stringify(metric));
  const recorded = byTime[time];
  if (!recorded) return withMessage(noData, '1990-01', time);
  const body = recorded.body as DataBody;
  const inWanted = (code: string) => wanted.has(code.slice(0, 2));
  return reply(recorded, {
    ...body,
    values: body.values.filter((value) => inWanted(value.region)),
    missing: body.missing.filter(inWanted),
  });
}

function series(metric: string, url: URL): Response {
  const recorded = seriesByMetric[metric];
  if (!recorded) return withMessage(unknownMetric, '"no-such-metric"', JSON.stringify(metric));
  const regions = url.searchParams.get('region')?.split(',');
  const from = url.searchParams.get('from') ?? '0000';
  const to = `${url.searchParams.get('to') ?? '9999'}\uffff`;
  const body = recorded.body as SeriesBody;
  return reply(recorded, {
    ...body,
    series: body.series
      .filter((one) => !regions || regions.includes(one.region))
      .map((one) => ({ ...one, points: one.points.filter(([day]) => day >= from && day <= to) })),
  });
}

/** The scenario a request's path names, and the API path after it. */
function route(url: URL): { scenario: string | undefined; path: string } {
  const match = /^\/scenario\/([a-z-]+)(\/api\/.*)$/.exec(url.pathname);
  return match ? { scenario: match[1], path: match[2]! } : { scenario: undefined, path: url.pathname };
}

export const handlers = [
  // The basemap a map under a scenario asks for (`<api>/tiles/…`) is the real archive, Range and all.
  http.get(/\/scenario\/[a-z-]+\/tiles\/([^/?]+)$/, ({ request }) => {
    const file = new URL(request.url).pathname.split('/').pop()!;
    return fetch(bypass(new Request(new URL(`/tiles/${file}`, request.url), { headers: request.headers })));
  }),
  http.get(/\/api\/(geo\/choropleth|metrics)(\/[^/?]+)?$/, async ({ request }) => {
    const url = new URL(request.url);
    const { scenario, path } = route(url);
    if (scenario === 'offline') return HttpResponse.error();
    const refusal = scenario ? refusalByScenario[scenario] : undefined;
    if (refusal) return reply(refusal);
    if (path === '/api/metrics') return reply(metrics);
    const metric = /^\/api\/metrics\/([^/]+)$/.exec(path)?.[1];
    if (metric) return series(decodeURIComponent(metric), url);
    if (scenario === 'loading' && url.searchParams.get('mode') === 'data') await delay('infinite');
    return choropleth(url);
  }),
];
