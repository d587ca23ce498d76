// The typed client for the Chronos HTTP API, made for pages with many maps: identical GETs share one
// request (boundaries for the life of the page), a newer data() call on the same client aborts the older
// one, transient failures are retried with backoff, and every failure becomes a ChronosApiError carrying
// the server's own message so an element can show it.
import type {
  ApiErrorBody,
  ApiRefusalCode,
  BoundaryCollection,
  BoundaryDetail,
  ChoroplethResponse,
  MetricsResponse,
  SeriesResponse,
} from './types.ts';
import { abortError, anySignal, sharedRequest } from './request-cache.ts';

export { clearCache, isAbortError } from './request-cache.ts';

export type FetchLike = (
  input: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<Response>;

export interface ChronosClientOptions {
  /** API origin (and optional path prefix), e.g. `https://api.chronos.dev` or `/chronos` (relative to the page). */
  baseUrl: string;
  /** Publishable key (`pk_…`), sent as the `key` query parameter. */
  apiKey?: string;
  /** A fetch implementation (tests, SSR); the global `fetch` by default. */
  fetch?: FetchLike;
  /** Retries after a network error, a 5xx or a 429 (never after another 4xx). Default 2. */
  retries?: number;
  /** First backoff delay in ms, doubled on each retry. Default 250. */
  retryDelay?: number;
  /** An attempt whose answer (headers and body) has not arrived after this many ms counts as a network error (and is
   * retried). Default 20 000. */
  timeout?: number;
  /** Longest wait honoured from a `Retry-After` header, in ms; a longer one fails at once. Default 10 000. */
  maxRetryDelay?: number;
}

/** An API or network failure. `message` is the server's message when it sent one. */
export class ChronosApiError extends Error {
  override readonly name = 'ChronosApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The HTTP reason (`Not Found`) or `NetworkError` / `InvalidResponse`. */
  readonly error: string;
  /** The request URL, without the API key. */
  readonly url: string;
  /** The server's refusal code (`origin_not_allowed`, `rate_limited`, …) when it sent one. */
  readonly code: ApiRefusalCode | undefined;
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;
  constructor(
    message: string,
    details: {
      status: number;
      error: string;
      url: string;
      cause?: unknown;
      code?: ApiRefusalCode | undefined;
      retryAfter?: number | undefined;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.error = details.error;
    this.url = details.url;
    this.code = details.code;
    this.retryAfter = details.retryAfter;
  }
}

/**
 * Wraps an async function so that each call aborts the previous call's signal: only the latest call's
 * result matters (a time slider, a metric picker). Older calls reject with an AbortError.
 */
export function latest<A extends unknown[], R>(
  fn: (signal: AbortSignal, ...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let current: AbortController | undefined;
  return (...args: A) => {
    current?.abort();
    current = new AbortController();
    return fn(current.signal, ...args);
  };
}

/** How long settled responses are reused: boundaries change only on re-import; values are small. */
const BOUNDARIES_TTL = Number.POSITIVE_INFINITY;
const DATA_TTL = 60_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** `Retry-After` as ms: delta-seconds or an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export class ChronosClient {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly retries: number;
  readonly #fetch: FetchLike;
  readonly #retryDelay: number;
  readonly #maxRetryDelay: number;
  readonly #timeout: number;
  /** One in-flight data()/series() per client: a newer call aborts the older (one client per element). */
  readonly #superseded = new Map<string, AbortController>();

  constructor(options: ChronosClientOptions) {
    if (typeof options?.baseUrl !== 'string') throw new TypeError('ChronosClient needs a baseUrl');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey || undefined;
    this.retries = options.retries ?? 2;
    this.#retryDelay = options.retryDelay ?? 250;
    this.#maxRetryDelay = options.maxRetryDelay ?? 10_000;
    this.#timeout = options.timeout ?? 20_000;
    const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!fetchImpl) throw new TypeError('ChronosClient needs a fetch implementation');
    // Unbound window.fetch throws "Illegal invocation" in browsers.
    this.#fetch = options.fetch ? fetchImpl : (input, init) => globalThis.fetch(input, init);
  }

  /** Region geometry as GeoJSON; shared by every map on the page for its whole life. */
  boundaries(options: {
    geo: string | readonly string[];
    detail?: BoundaryDetail;
    format?: 'geojson';
    metric?: string;
    signal?: AbortSignal;
  }): Promise<BoundaryCollection> {
    const url = this.url('/api/geo/choropleth', {
      metric: options.metric,
      mode: 'boundaries',
      geo: list(options.geo),
      detail: options.detail ?? 'medium',
      format: options.format ?? 'geojson',
    });
    return this.get<BoundaryCollection>(url, BOUNDARIES_TTL, options.signal);
  }

  /** One period's values for every region of `geo`. A newer call on this client aborts this one. */
  data(options: {
    metric: string;
    geo: string | readonly string[];
    time?: string;
    signal?: AbortSignal;
  }): Promise<ChoroplethResponse> {
    const url = this.url('/api/geo/choropleth', {
      metric: options.metric,
      mode: 'data',
      geo: list(options.geo),
      time: options.time ?? 'latest',
    });
    return this.superseding('data', url, options.signal);
  }

  /** Time series per region (all periods, e.g. for stable breaks). A newer call on this client aborts this one. */
  series(options: {
    metric: string;
    regions?: string | readonly string[];
    from?: string;
    to?: string;
    signal?: AbortSignal;
  }): Promise<SeriesResponse> {
    const url = this.url(`/api/metrics/${encodeURIComponent(options.metric)}`, {
      region: options.regions === undefined ? undefined : list(options.regions),
      from: options.from,
      to: options.to,
    });
    return this.superseding('series', url, options.signal);
  }

  /** The metric catalogue. */
  metrics(options: { signal?: AbortSignal } = {}): Promise<MetricsResponse> {
    return this.get<MetricsResponse>(this.url('/api/metrics', {}), DATA_TTL, options.signal);
  }

  /** The absolute URL of an API path with its query; parameters left undefined are omitted. */
  url(path: string, params: Record<string, string | undefined>): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
    // The key travels as a query parameter, not a header: a custom header (X-Api-Key) makes every
    // cross-origin GET "non-simple", so the browser would send a CORS preflight before each request and
    // CDN-cached responses would cost two round trips. The key is publishable and origin-bound anyway.
    if (this.apiKey) query.set('key', this.apiKey);
    const search = query.toString();
    const relative = `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
    if (/^[a-z][a-z\d+.-]*:/i.test(relative)) return relative;
    const page = (globalThis as { location?: { href: string } }).location?.href;
    if (!page) throw new TypeError(`baseUrl "${this.baseUrl}" is relative and there is no page to resolve it against`);
    return new URL(relative, page).href;
  }

  private superseding<T>(kind: string, url: string, signal: AbortSignal | undefined): Promise<T> {
    this.#superseded.get(kind)?.abort();
    const controller = new AbortController();
    this.#superseded.set(kind, controller);
    const signals = signal ? anySignal(signal, controller.signal) : controller.signal;
    return this.get<T>(url, DATA_TTL, signals).finally(() => {
      if (this.#superseded.get(kind) === controller) this.#superseded.delete(kind);
    });
  }

  /** A GET shared with every other caller of the same URL on the page; `signal` detaches only this caller. */
  private get<T>(url: string, ttl: number, signal: AbortSignal | undefined): Promise<T> {
    return sharedRequest(url, { ttl, load: (shared) => this.fetchJson(url, shared), ...(signal ? { signal } : {}) });
  }

  /** One logical GET: retries network errors, timeouts, 5xx and 429 with backoff; throws ChronosApiError. */
  private async fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(url, signal);
      if ('body' in outcome) return outcome.body;
      if (attempt < this.retries && outcome.retryAfter !== undefined) {
        await sleep(outcome.retryAfter ?? this.#backoff(attempt), signal);
        continue;
      }
      throw outcome.error;
    }
  }

  /**
   * One request. Resolves with the body, or with the error plus, when it is worth retrying, how long to
   * wait (`retryAfter`: ms, or `null` for the default backoff); rejects only when `signal` aborts.
   */
  async #attempt(
    url: string,
    signal: AbortSignal,
  ): Promise<{ body: unknown } | { error: ChronosApiError; retryAfter?: number | null }> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error(`no answer within ${this.#timeout} ms`)), this.#timeout);
    const shown = withoutKey(url);
    try {
      let response: Response;
      try {
        response = await this.#fetch(url, {
          signal: anySignal(signal, timeout.signal),
          headers: { accept: 'application/json' },
        });
      } catch (error) {
        if (signal.aborted) throw abortError(signal);
        return unreachable(url, timeout.signal.aborted ? timeout.signal.reason : error);
      }
      if (response.ok) {
        try {
          return { body: await response.json() };
        } catch (cause) {
          if (signal.aborted) throw abortError(signal);
          // Headers came but the body stalled past the timeout (which aborted it): the same timeout as one
          // before the headers, retried alike, not a malformed body.
          if (timeout.signal.aborted) return unreachable(url, timeout.signal.reason);
          const message = `the Chronos API sent an unreadable response for ${shown}`;
          return {
            error: new ChronosApiError(message, {
              status: response.status,
              error: 'InvalidResponse',
              url: shown,
              cause,
            }),
          };
        }
      }
      const error = await errorFrom(response, shown);
      if (response.status < 500 && response.status !== 429) return { error };
      const asked = retryAfterMs(response.headers.get('retry-after'));
      // A server asking for a longer pause than a reader will wait gets an error now, with its message.
      return asked !== undefined && asked > this.#maxRetryDelay ? { error } : { error, retryAfter: asked ?? null };
    } finally {
      clearTimeout(timer);
    }
  }

  #backoff(attempt: number): number {
    // Exponential with jitter, so many maps on one page do not retry in lockstep.
    return this.#retryDelay * 2 ** attempt * (0.75 + Math.random() * 0.5);
  }
}

/** A network error or a timeout: reported as the API being out of reach, and worth a retry after the backoff. */
function unreachable(url: string, cause: unknown): { error: ChronosApiError; retryAfter: null } {
  const message = `could not reach the Chronos API at ${new URL(url).origin} (${describe(cause)})`;
  return {
    error: new ChronosApiError(message, { status: 0, error: 'NetworkError', url: withoutKey(url), cause }),
    retryAfter: null,
  };
}

/** The URL without the API key, for messages that end up on screen and in bug reports. */
function withoutKey(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('key')) return url;
  parsed.searchParams.delete('key');
  return parsed.href;
}

/** The server's `{statusCode, error, message}` as a ChronosApiError; a body that is not JSON gets a message naming the status. */
async function errorFrom(response: Response, url: string): Promise<ChronosApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const reason = body?.error ?? response.statusText ?? '';
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : `the Chronos API answered ${response.status}${reason ? ` ${reason}` : ''} for ${url}`;
  const retryAfter = retryAfterMs(response.headers.get('retry-after'));
  return new ChronosApiError(message, {
    status: response.status,
    error: reason || String(response.status),
    url,
    code: typeof body?.code === 'string' ? body.code : undefined,
    retryAfter: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
  });
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

function list(value: string | readonly string[]): string {
  const items = typeof value === 'string' ? value.split(',') : value;
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .join(',');
}
