// The Chronos API as the stories see it: mock service worker handlers that answer from responses recorded
// off the real server (fixtures/*.json, written by scripts/record-fixtures.ts). Nothing here makes data up:
// a request gets the recorded body for its metric and period, cut to the region sets it asks for (the
// server's own filter), or a recorded error answer.
//
// States that a real server produces only under other conditions (a refused key, a rate limit, a server
// that never answers) are chosen by the API base URL, so that stories shown together on one docs page
// never disturb each other: `<chronos-choropleth api="/scenario/unknown-key">` gets the recorded refusal.
import { bypass, delay, HttpResponse, http } from 'msw';
import type * as Fixtures from './fixtures.ts';
import type { RecordedResponse as Recorded } from './fixtures.ts';

interface Feature {
  properties: { country: string };
}
interface DataBody {
  values: { region: string }[];
  missing: string[];
}
interface SeriesBody {
  series: { region: string; points: [string, number | null][]; status?: Record<string, string> }[];
}

/** The recorded answers, fetched with the first request (a chunk of their own, not in every story's bundle). */
let fixtures: Promise<typeof Fixtures> | undefined;
const recorded = () => (fixtures ??= import('./fixtures.ts'));

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

function refusalFor(scenario: string, f: typeof Fixtures): Recorded | undefined {
  const byScenario: Record<string, Recorded> = {
    'key-required': f.refusals.key_required,
    'unknown-key': f.refusals.unknown_key,
    'malformed-key': f.refusals.malformed_key,
    'origin-not-allowed': f.refusals.origin_not_allowed,
    'rate-limited': f.rateLimited,
  };
  return byScenario[scenario];
}

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

function choropleth(url: URL, f: typeof Fixtures): Response {
  const wanted = countries(url.searchParams.get('geo'));
  if (url.searchParams.get('mode') === 'boundaries') {
    const features = (f.boundaries.body as { features: Feature[] }).features;
    return reply(f.boundaries, {
      ...f.boundaries.body,
      features: features.filter((feature) => wanted.has(feature.properties.country)),
    });
  }
  const metric = url.searchParams.get('metric') ?? '';
  const time = url.searchParams.get('time') ?? 'latest';
  const byTime = f.dataByMetric[metric];
  if (!byTime) return withMessage(f.unknownMetric, '"no-such-metric"', JSON.stringify(metric));
  const answer = byTime[time];
  if (!answer) return withMessage(f.noData, '1990-01', time);
  const body = answer.body as DataBody;
  const inWanted = (code: string) => wanted.has(code.slice(0, 2));
  return reply(answer, {
    ...body,
    values: body.values.filter((value) => inWanted(value.region)),
    missing: body.missing.filter(inWanted),
  });
}

function series(metric: string, url: URL, f: typeof Fixtures): Response {
  const answer = f.seriesByMetric[metric];
  if (!answer) return withMessage(f.unknownMetric, '"no-such-metric"', JSON.stringify(metric));
  const regions = url.searchParams.get('region')?.split(',');
  const from = url.searchParams.get('from') ?? '0000';
  const to = `${url.searchParams.get('to') ?? '9999'}\uffff`;
  const body = answer.body as SeriesBody;
  return reply(answer, {
    ...body,
    series: body.series
      .filter((one) => !regions || regions.includes(one.region))
      .map((one) => {
        const inRange = (day: string) => day >= from && day <= to;
        const status = one.status && Object.entries(one.status).filter(([day]) => inRange(day));
        // The server lists only the non-final points it sends, and leaves `status` out when there are none.
        return {
          ...one,
          points: one.points.filter(([day]) => inRange(day)),
          ...(status ? { status: status.length ? Object.fromEntries(status) : undefined } : {}),
        };
      }),
  });
}

/** The scenario a request's path names, and the API path after it. */
function route(url: URL): { scenario: string | undefined; path: string } {
  const match = /^\/scenario\/([a-z-]+)(\/api\/.*)$/.exec(url.pathname);
  return match ? { scenario: match[1], path: match[2]! } : { scenario: undefined, path: url.pathname };
}

export const handlers = [
  // The basemap a map under a scenario asks for by default (`<api>/tiles/…`: an `api` typed into the Controls panel;
  // the scenario stories name /tiles/basemap.pmtiles themselves) is the real archive, Range and all.
  http.get(/\/scenario\/[a-z-]+\/tiles\/([^/?]+)$/, ({ request }) => {
    const file = new URL(request.url).pathname.split('/').pop()!;
    return fetch(bypass(new Request(new URL(`/tiles/${file}`, request.url), { headers: request.headers })));
  }),
  http.get(/\/api\/(geo\/choropleth|metrics)(\/[^/?]+)?$/, async ({ request }) => {
    const url = new URL(request.url);
    const { scenario, path } = route(url);
    if (scenario === 'offline') return HttpResponse.error();
    const f = await recorded();
    const refusal = scenario ? refusalFor(scenario, f) : undefined;
    if (refusal) return reply(refusal);
    if (path === '/api/metrics') return reply(f.metrics);
    const metric = /^\/api\/metrics\/([^/]+)$/.exec(path)?.[1];
    if (metric) return series(decodeURIComponent(metric), url, f);
    if (scenario === 'loading' && url.searchParams.get('mode') === 'data') await delay('infinite');
    return choropleth(url, f);
  }),
];
