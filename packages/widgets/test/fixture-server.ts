// A small stand-in for the Chronos API used by the browser tests until server/src/testing/test-server.ts
// is available: boundaries come from the real server/data/boundaries.topo.json (converted with
// topojson-client), data bodies follow SHARED_CONTRACTS.md with deterministic values.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { feature } from 'topojson-client';

const root = join(import.meta.dirname, '..', '..', '..');

interface RegionProps {
  code: string;
  name: string;
  name_fr: string;
  country: 'US' | 'CA';
  set: string;
}

export interface FixtureMetric {
  id: string;
  title: string;
  units: string;
  frequency: 'monthly';
  sources: { name: string; url: string; licence: string; attribution: string; country: string }[];
  /** Regions without a value in every period. */
  missing: string[];
}

export const fixtureMetrics: FixtureMetric[] = [
  {
    id: 'unemployment',
    title: 'Unemployment rate',
    units: 'percent',
    frequency: 'monthly',
    sources: [
      {
        name: 'BLS LAUS',
        url: 'https://www.bls.gov/lau/',
        licence: 'public domain',
        attribution: 'U.S. BLS',
        country: 'US',
      },
      {
        name: 'Statistics Canada',
        url: 'https://www.statcan.gc.ca/',
        licence: 'OGL-Canada',
        attribution: 'Statistics Canada',
        country: 'CA',
      },
    ],
    missing: ['CA-NU'],
  },
  {
    id: 'median-income',
    title: 'Median household income',
    units: 'USD',
    frequency: 'monthly',
    sources: [
      {
        name: 'Census ACS',
        url: 'https://www.census.gov/',
        licence: 'public domain',
        attribution: 'U.S. Census Bureau',
        country: 'US',
      },
    ],
    missing: ['CA-NU', 'CA-NT', 'CA-YT'],
  },
];

/** Months offered: 2024-01 … 2024-12; latest is 2024-12. */
export const fixturePeriods = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`);

/** A deterministic value per (metric, region, period). */
export function fixtureValue(metric: string, code: string, time: string): number {
  let hash = 2166136261;
  for (const char of `${metric}|${code}|${time}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const unit = (hash % 10000) / 10000;
  return metric === 'median-income' ? Math.round(45000 + unit * 50000) : Math.round((2.5 + unit * 6) * 10) / 10;
}

interface RegionFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: RegionProps;
}

/** The boundary file's regions as GeoJSON features (id and `code` = ISO 3166-2). */
export function loadRegions(): RegionFeature[] {
  type Topology = Parameters<typeof feature>[0];
  const topology = JSON.parse(readFileSync(join(root, 'server/data/boundaries.topo.json'), 'utf8')) as Topology;
  const collection = feature(topology, topology.objects.regions!) as unknown as {
    features: { geometry: unknown; properties: RegionProps }[];
  };
  return collection.features.map((f) => ({
    type: 'Feature',
    id: f.properties.code,
    geometry: f.geometry,
    properties: {
      code: f.properties.code,
      name: f.properties.name,
      name_fr: f.properties.name_fr,
      country: f.properties.country,
      set: f.properties.set,
    },
  }));
}

function send(response: ServerResponse, status: number, body: unknown): undefined {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
  response.end(text);
  return undefined;
}

function notFound(response: ServerResponse, message: string): undefined {
  return send(response, 404, { statusCode: 404, error: 'Not Found', message });
}

/** The one publishable key the fixture accepts; any other `key` is refused like the real API does. */
export const fixtureApiKey = 'pk_fixture_0123456789abcdefghijklmnopqrst';

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

/** A tile archive with HTTP Range support (206), as the real server and R2 serve them. */
function sendTiles(request: IncomingMessage, response: ServerResponse, tilesDir: string, name: string): undefined {
  const file = join(tilesDir, name);
  if (!/^[\w-]+\.pmtiles$/.test(name) || !existsSync(file)) return notFound(response, `No tile archive ${name}`);
  const bytes = readFileSync(file);
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  if (!range) {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' });
    response.end(bytes);
    return undefined;
  }
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, statSync(file).size - 1);
  response.writeHead(206, {
    'content-type': 'application/octet-stream',
    'accept-ranges': 'bytes',
    'content-range': `bytes ${start}-${end}/${bytes.length}`,
  });
  response.end(bytes.subarray(start, end + 1));
  return undefined;
}

export async function startFixtureServer(options: { tilesDir?: string } = {}): Promise<FixtureServer> {
  const regions = loadRegions();
  const sets = new Set(regions.map((r) => r.properties.set));
  const handle = (request: IncomingMessage, response: ServerResponse): undefined => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const key = url.searchParams.get('key');
    if (key !== null && key !== fixtureApiKey) {
      return send(response, 401, {
        statusCode: 401,
        error: 'Unauthorized',
        message: `The publishable key ${key.slice(0, 8)}… is not valid: it is malformed, unknown or revoked.`,
      });
    }
    const geo = (url.searchParams.get('geo') ?? 'us-states,ca-provinces').split(',');
    const unknownSet = geo.find((set) => !sets.has(set));
    if (url.pathname === '/api/geo/choropleth') {
      const metric = fixtureMetrics.find((m) => m.id === url.searchParams.get('metric'));
      const mode = url.searchParams.get('mode');
      if (unknownSet) return notFound(response, `Unknown geo "${unknownSet}". Valid: ${[...sets].join(', ')}`);
      const inGeo = regions.filter((r) => geo.includes(r.properties.set));
      if (mode === 'boundaries') {
        return send(response, 200, {
          type: 'FeatureCollection',
          features: inGeo.map(({ properties: { set: _set, ...properties }, ...rest }) => ({ ...rest, properties })),
        });
      }
      if (!metric) {
        return notFound(
          response,
          `Unknown metric "${url.searchParams.get('metric')}". Valid metrics: ${fixtureMetrics.map((m) => m.id).join(', ')}`,
        );
      }
      if (mode !== 'data')
        return send(response, 400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'mode must be boundaries or data',
        });
      const requested = url.searchParams.get('time') ?? 'latest';
      const time = requested === 'latest' ? fixturePeriods.at(-1)! : `${requested}-01`;
      if (!fixturePeriods.includes(time)) {
        return notFound(response, `No data for "${requested}". Periods: 2024-01 to 2024-12`);
      }
      const { missing, ...info } = metric;
      const values = inGeo
        .filter((r) => !missing.includes(r.properties.code))
        .map((r) => ({
          region: r.properties.code,
          name: r.properties.name,
          value: fixtureValue(metric.id, r.properties.code, time),
          status: r.properties.code === 'US-TX' && time === fixturePeriods.at(-1) ? 'preliminary' : 'final',
        }));
      return send(response, 200, {
        metric: info,
        time,
        values,
        missing: inGeo.map((r) => r.properties.code).filter((code) => missing.includes(code)),
        periods: { first: fixturePeriods[0], last: fixturePeriods.at(-1) },
      });
    }
    const tiles = /^\/tiles\/([^/]+)$/.exec(url.pathname);
    if (tiles && options.tilesDir) return sendTiles(request, response, options.tilesDir, tiles[1]!);
    const series = /^\/api\/metrics\/([^/]+)$/.exec(url.pathname);
    if (series) {
      const metric = fixtureMetrics.find((m) => m.id === decodeURIComponent(series[1]!));
      if (!metric) return notFound(response, `Unknown metric "${series[1]}"`);
      const { missing, ...info } = metric;
      return send(response, 200, {
        metric: info,
        series: regions
          .filter((r) => !missing.includes(r.properties.code))
          .map((r) => ({
            region: r.properties.code,
            name: r.properties.name,
            points: fixturePeriods.map((time) => [time, fixtureValue(metric.id, r.properties.code, time)]),
          })),
      });
    }
    return notFound(response, `Route ${request.method}:${url.pathname} not found`);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
