// A local stand-in for FRED and Statistics Canada WDS (node:http on 127.0.0.1): answers shaped like the fixtures in
// test/fixtures for every series and vector, from a deterministic generated history, plus programmable faults.
// FRED lives under /fred, WDS under /statcan: point FRED_BASE_URL / STATCAN_BASE_URL at `${url}/fred` etc.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { metricCatalogue } from '../metric-catalogue.ts';

// The recorded and documented upstream answers live with the server's tests (test/fixtures/README.md).
const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const fredEnvelope = JSON.parse(readFileSync(join(fixtures, 'fred-state-ur.synthetic.json'), 'utf8')) as Record<
  string,
  unknown
>;
const [statcanItem] = JSON.parse(readFileSync(join(fixtures, 'statcan-wds-lfs-canada-ur.captured.json'), 'utf8')) as {
  status: string;
  object: Record<string, unknown> & { vectorDataPoint: Record<string, unknown>[] };
}[];
const [failedItem] = JSON.parse(
  readFileSync(join(fixtures, 'statcan-wds-failed.thirdparty.json'), 'utf8'),
) as unknown[];
const fredError = JSON.parse(readFileSync(join(fixtures, 'fred-error.doc-example.json'), 'utf8')) as Record<
  string,
  unknown
>;

type Periodicity = 'monthly' | 'quarterly' | 'annual';

/** How often the source publishes each catalogue id (a StatCan vector may be more frequent than its metric).
 * Unknown WDS vectors are monthly; unknown FRED ids do not exist. */
const upstreamFrequency = new Map<string, Periodicity>(
  metricCatalogue.flatMap((metric) =>
    [...metric.coverage.US.series, ...metric.coverage.CA.series].map((spec) => [
      spec.seriesId,
      spec.resample === 'july' ? 'quarterly' : spec.resample === 'quarter-mean' ? 'monthly' : metric.frequency,
    ]),
  ),
);

/** The months of a history in which a series of this frequency has a period (January, or each quarter's first). */
function publishes(frequency: Periodicity, month: string): boolean {
  const number = Number(month.slice(5, 7));
  return frequency === 'monthly' || (frequency === 'quarterly' ? number % 3 === 1 : number === 1);
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

export type Fault =
  /** Answer with this status (429/5xx/4xx); Retry-After in seconds when given. */
  | { kind: 'status'; status: number; retryAfter?: number }
  /** Accept the request and never answer (until the server closes). */
  | { kind: 'hang' }
  /** A complete HTTP response whose JSON body is cut in half. */
  | { kind: 'truncate' }
  /** Values of the wrong type (FRED: numbers and objects instead of strings; WDS: booleans). */
  | { kind: 'wrong-types' }
  /** WDS only: this vector's item is `{"status":"FAILED"}`. */
  | { kind: 'failed' }
  /** FRED only: `count` says more observations than the body has. */
  | { kind: 'partial' }
  /** A redirect to another origin. */
  | { kind: 'redirect'; location: string };

interface ArmedFault {
  fault: Fault;
  remaining: number;
}

export interface ReplayOptions {
  /** First month of every series (YYYY-MM); default 2020-01. */
  firstMonth?: string;
  /** Months in every series; default 24. */
  months?: number;
}

export interface RecordedRequest {
  source: 'fred' | 'statcan';
  /** FRED series id, or the WDS vector ids asked for. */
  ids: string[];
  at: number;
  status: number;
}

export class ReplayServer {
  readonly firstMonth: string;
  readonly months: number;
  readonly requests: RecordedRequest[] = [];
  /** While true every WDS request gets 409 (the nightly maintenance window). */
  maintenance = false;
  #server: Server;
  #faults = new Map<string, ArmedFault[]>();
  #overrides = new Map<string, string | number | null>();
  #hanging = new Set<ServerResponse>();
  url = '';

  constructor(options: ReplayOptions = {}) {
    this.firstMonth = options.firstMonth ?? '2020-01';
    this.months = options.months ?? 24;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: Error) => {
        response.writeHead(500).end(error.message);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Base URLs for IngestSettings.baseUrls. */
  get baseUrls(): { fred: string; statcan: string } {
    return { fred: `${this.url}/fred`, statcan: `${this.url}/statcan` };
  }

  /** Arms a fault for a FRED series id (`CAUR`), a WDS vector id (`2063949`) or a WDS table and coordinate
   * (`14100223:7.2.1.0.0.0.0.0.0.0`), for the next `times` requests. Every
   * catalogue series is served at its source's frequency (monthly, quarterly periods on their first month, annual
   * on January) within the history's months. */
  fault(id: string, fault: Fault, times = 1): void {
    const list = this.#faults.get(id) ?? [];
    list.push({ fault, remaining: times });
    this.#faults.set(id, list);
  }

  /** Back to the generated history: no faults, no overrides, no maintenance, no recorded requests. */
  reset(): void {
    this.#faults.clear();
    this.#overrides.clear();
    this.maintenance = false;
    this.requests.length = 0;
  }

  /** Replaces one value: a number, a string as the source would send it, `"."` (FRED missing) or null (WDS). */
  setValue(id: string, month: string, value: string | number | null): void {
    this.#overrides.set(`${id}@${month}`, value);
  }

  /** The generated history: months and values, per id. */
  monthList(): string[] {
    const [year, month] = this.firstMonth.split('-').map(Number) as [number, number];
    return Array.from({ length: this.months }, (_, index) => {
      const total = year * 12 + (month - 1) + index;
      return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    });
  }

  /** The value served for id at month (YYYY-MM), after overrides. */
  valueOf(id: string, month: string): string | number | null {
    const key = `${id}@${month}`;
    if (this.#overrides.has(key)) return this.#overrides.get(key)!;
    return Math.round(25 + (hashOf(`${id}${month}`) % 80)) / 10; // 2.5 .. 10.4, one decimal, like an unemployment rate
  }

  #take(id: string): Fault | undefined {
    const list = this.#faults.get(id);
    const armed = list?.[0];
    if (!armed) return undefined;
    armed.remaining--;
    if (armed.remaining <= 0) list!.shift();
    return armed.fault;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://replay');
    if (url.pathname === '/fred/series/observations') return this.#fred(url, response);
    if (url.pathname.startsWith('/statcan/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return this.#statcan(url.pathname.slice('/statcan/'.length), Buffer.concat(chunks).toString('utf8'), response);
    }
    this.#send(response, 404, { error: `no such path ${url.pathname}` });
  }

  #record(source: 'fred' | 'statcan', ids: string[], status: number): void {
    this.requests.push({ source, ids, at: Date.now(), status });
  }

  /** Applies a transport-level fault; true when the response has been dealt with. */
  #transportFault(fault: Fault | undefined, response: ServerResponse, errorBody: unknown): boolean {
    if (!fault) return false;
    if (fault.kind === 'hang') {
      this.#hanging.add(response);
      response.on('close', () => this.#hanging.delete(response));
      return true;
    }
    if (fault.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      // FRED sends its JSON error bodies with whatever Content-Type: send text/html to prove it is not trusted.
      response.writeHead(fault.status, { 'content-type': 'text/html', ...headers }).end(JSON.stringify(errorBody));
      return true;
    }
    if (fault.kind === 'redirect') {
      response.writeHead(302, { location: fault.location }).end();
      return true;
    }
    return false;
  }

  #fred(url: URL, response: ServerResponse): void {
    const id = url.searchParams.get('series_id') ?? '';
    const fault = this.#take(id);
    const apiKey = url.searchParams.get('api_key');
    if (!apiKey || apiKey === 'unregistered') {
      this.#record('fred', [id], 400);
      this.#send(response, 400, fredError);
      return;
    }
    if (this.#transportFault(fault, response, { error_code: 500, error_message: 'Internal Server Error' })) {
      this.#record('fred', [id], fault?.kind === 'status' ? fault.status : 0);
      return;
    }
    const frequency = upstreamFrequency.get(id);
    if (!frequency) {
      this.#record('fred', [id], 400);
      this.#send(response, 400, { error_code: 400, error_message: 'Bad Request.  The series does not exist.' });
      return;
    }
    const start = url.searchParams.get('observation_start')?.slice(0, 7) ?? '0000-00';
    const end = url.searchParams.get('observation_end')?.slice(0, 7) ?? '9999-99';
    let months = this.monthList().filter((month) => month >= start && month <= end && publishes(frequency, month));
    if (url.searchParams.get('sort_order') === 'desc') months = months.reverse();
    const limit = Number(url.searchParams.get('limit') ?? 100_000);
    const count = months.length;
    months = months.slice(0, limit);
    const observations = months.map((month) => {
      const value = this.valueOf(id, month);
      return {
        realtime_start: fredEnvelope.realtime_start,
        realtime_end: fredEnvelope.realtime_end,
        date: `${month}-01`,
        value: fault?.kind === 'wrong-types' ? Number(value) : value === null ? '.' : String(value),
      };
    });
    const body = {
      ...fredEnvelope,
      observation_start: url.searchParams.get('observation_start') ?? '1600-01-01',
      observation_end: url.searchParams.get('observation_end') ?? '9999-12-31',
      sort_order: url.searchParams.get('sort_order') ?? 'asc',
      count: fault?.kind === 'partial' ? count + 5 : count,
      offset: 0,
      limit,
      observations: fault?.kind === 'partial' ? observations.slice(0, -1) : observations,
    };
    this.#record('fred', [id], 200);
    this.#send(response, 200, body, fault?.kind === 'truncate');
  }

  #statcan(method: string, rawBody: string, response: ServerResponse): void {
    let ids: string[];
    let latestN: number | undefined;
    let startMonth = '0000-00';
    try {
      const body = JSON.parse(rawBody) as unknown;
      if (method === 'getDataFromVectorsAndLatestNPeriods' && Array.isArray(body)) {
        ids = body.map((entry: { vectorId: number }) => String(entry.vectorId));
        latestN = (body[0] as { latestN?: number } | undefined)?.latestN ?? 1;
      } else if (method === 'getDataFromCubePidCoordAndLatestNPeriods' && Array.isArray(body)) {
        // Series by table and coordinate are known (and faulted) as `<productId>:<coordinate>`, like the catalogue.
        ids = body.map((entry: { productId: number; coordinate: string }) => `${entry.productId}:${entry.coordinate}`);
        latestN = (body[0] as { latestN?: number } | undefined)?.latestN ?? 1;
      } else if (method === 'getBulkVectorDataByRange' && body && typeof body === 'object' && 'vectorIds' in body) {
        const range = body as { vectorIds: string[]; startDataPointReleaseDate: string };
        ids = range.vectorIds.map(String);
        // A period is released in the month after it: releases from the start date on cover periods from the
        // month before it (the connector filters the window itself).
        const [year, month] = range.startDataPointReleaseDate.slice(0, 7).split('-').map(Number) as [number, number];
        const before = year * 12 + month - 2;
        startMonth = `${Math.floor(before / 12)}-${String((before % 12) + 1).padStart(2, '0')}`;
      } else {
        this.#record('statcan', [], 400);
        this.#send(response, 400, { message: `unknown method or body for ${method}` });
        return;
      }
    } catch {
      this.#record('statcan', [], 400);
      this.#send(response, 400, { message: 'body is not JSON' });
      return;
    }
    if (this.maintenance) {
      this.#record('statcan', ids, 409);
      this.#send(response, 409, { message: 'WDS is unavailable during the nightly update' });
      return;
    }
    const faults = new Map(ids.map((id) => [id, this.#take(id)] as const));
    for (const [, fault] of faults) {
      if (this.#transportFault(fault, response, { message: 'Service unavailable' })) {
        this.#record('statcan', ids, fault?.kind === 'status' ? fault.status : 0);
        return;
      }
    }
    const months = this.monthList().filter((month) => month >= startMonth);
    const items = ids.map((id) => {
      const fault = faults.get(id);
      if (fault?.kind === 'failed') return failedItem;
      const own = months.filter((month) => publishes(upstreamFrequency.get(id) ?? 'monthly', month));
      const chosen = latestN === undefined ? own : own.slice(-latestN);
      const [productId, coordinate] = id.split(':');
      return {
        ...statcanItem,
        object: {
          ...statcanItem!.object,
          // A coordinate answer names its table and coordinate, and the vector behind them (invented here).
          ...(coordinate
            ? { productId: Number(productId), coordinate, vectorId: 900_000_000 + (hashOf(id) % 1_000_000) }
            : { vectorId: Number(id) }),
          vectorDataPoint: chosen.map((month) => {
            const value = this.valueOf(id, month);
            return {
              ...statcanItem!.object.vectorDataPoint[0],
              refPer: `${month}-01`,
              refPerRaw: `${month}-01`,
              value: fault?.kind === 'wrong-types' ? true : value,
            };
          }),
        },
      };
    });
    const truncate = [...faults.values()].some((fault) => fault?.kind === 'truncate');
    this.#record('statcan', ids, 200);
    this.#send(response, 200, items, truncate);
  }

  #send(response: ServerResponse, status: number, body: unknown, truncate = false): void {
    let text = JSON.stringify(body);
    if (truncate) text = text.slice(0, Math.floor(text.length / 2));
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  }
}

export async function startReplayServer(options: ReplayOptions = {}): Promise<ReplayServer> {
  return new ReplayServer(options).start();
}
