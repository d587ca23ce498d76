// HTTP for the connectors: JSON over fetch (undici) with a timeout on every attempt (headers and body), retries
// with exponential backoff and jitter on network errors, 429 and 5xx (honouring Retry-After), optional pacing
// between requests, https only, and redirects followed only within the same origin. Hand-written because it is
// small and every rule here is a requirement of ours; a retry library would still need each of them configured.
import { setTimeout as sleep } from 'node:timers/promises';
import { checkBaseUrl, type HttpSettings } from './settings.ts';

/** The time pacing and retries wait by: the system clock, or a test's (the delays asked for, recorded). */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

/** A request that failed for good (after retries, or at once when retrying cannot help). */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly status: number | undefined;
  readonly body: string | undefined;
  constructor(message: string, options: { status?: number; body?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.body = options.body;
  }
}

/** Spaces request starts at least `intervalMs` apart (shared by every request of one source). */
export class Pacer {
  #next = 0;
  readonly intervalMs: number;
  readonly #clock: Clock;
  constructor(intervalMs: number, clock: Clock = systemClock) {
    this.intervalMs = intervalMs;
    this.#clock = clock;
  }
  /** Resolves at the caller's slot: the first free one, `intervalMs` after the one handed out before. */
  async wait(signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    const now = this.#clock.now();
    const start = Math.max(now, this.#next);
    this.#next = start + this.intervalMs;
    if (start > now) await this.#clock.sleep(start - now, signal);
  }
}

export interface JsonRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Shown in errors instead of the URL (which may carry an API key). */
  label: string;
  signal?: AbortSignal;
}

export interface JsonResponse {
  status: number;
  /** The parsed body; a body that is not JSON is an UpstreamError. */
  json: unknown;
}

const maxRedirects = 3;

/** Fetches JSON; statuses in `passThrough` (e.g. 409 for StatCan's maintenance window) return instead of throwing. */
export async function fetchJson(
  url: URL,
  request: JsonRequest,
  settings: HttpSettings,
  pacer?: Pacer,
  passThrough: readonly number[] = [],
): Promise<JsonResponse> {
  const clock = settings.clock ?? systemClock;
  const problem = checkBaseUrl(url.href, settings.allowInsecureLoopback);
  if (problem) throw new UpstreamError(`${request.label}: ${problem}`);
  let lastError: UpstreamError | undefined;
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    request.signal?.throwIfAborted();
    if (attempt > 0) await clock.sleep(backoff(attempt, settings.backoffMs, lastError), request.signal);
    await pacer?.wait(request.signal);
    let response: Response;
    let text: string;
    try {
      ({ response, text } = await attemptOnce(url, request, settings));
    } catch (error) {
      if (request.signal?.aborted) throw error;
      if (error instanceof UpstreamError) throw error; // not retryable (redirect refused)
      const reason =
        (error as Error).name === 'TimeoutError' ? `timed out after ${settings.timeoutMs} ms` : describe(error);
      lastError = new UpstreamError(`${request.label}: ${reason}`, { cause: error });
      continue;
    }
    if (response.ok || passThrough.includes(response.status)) {
      try {
        return { status: response.status, json: JSON.parse(text) };
      } catch (error) {
        throw new UpstreamError(`${request.label}: response is not valid JSON (${(error as Error).message})`, {
          status: response.status,
          body: text.slice(0, 200),
        });
      }
    }
    const message = `${request.label}: HTTP ${response.status}${upstreamMessage(text)}`;
    lastError = new UpstreamError(message, { status: response.status, body: text.slice(0, 500) });
    if (response.status !== 429 && response.status < 500) throw lastError;
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), clock.now());
    if (retryAfter !== undefined) {
      if (retryAfter > settings.maxRetryAfterMs) {
        throw new UpstreamError(`${message}; Retry-After ${Math.round(retryAfter / 1000)} s is longer than allowed`, {
          status: response.status,
        });
      }
      retryAfterHint.set(lastError, retryAfter);
    }
  }
  throw lastError ?? new UpstreamError(`${request.label}: failed`);
}

async function attemptOnce(url: URL, request: JsonRequest, settings: HttpSettings) {
  // One signal per attempt covers connecting, headers and reading the body; the caller's signal cancels all.
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  let target = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(target, {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'manual',
      signal,
    });
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      const next = new URL(response.headers.get('location')!, target);
      if (next.origin !== url.origin || hop >= maxRedirects) {
        throw new UpstreamError(
          `${request.label}: redirect to ${next.origin} refused (only same-origin redirects are followed)`,
          { status: response.status },
        );
      }
      target = next;
      continue;
    }
    return { response, text: await response.text() };
  }
}

const retryAfterHint = new WeakMap<UpstreamError, number>();

function backoff(attempt: number, baseMs: number, lastError: UpstreamError | undefined): number {
  const hinted = lastError ? retryAfterHint.get(lastError) : undefined;
  if (hinted !== undefined) return hinted;
  // Exponential with "equal jitter": half fixed, half random, so retries from many clients spread out.
  const ceiling = baseMs * 2 ** (attempt - 1);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Retry-After as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** FRED error bodies carry `error_message` (whatever their Content-Type says); StatCan's are plain. */
function upstreamMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error_message?: unknown; message?: unknown };
    const message = body.error_message ?? body.message;
    if (typeof message === 'string') return `: ${message}`;
  } catch {}
  return '';
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${(error as Error).message} (${cause.code})` : (error as Error).message;
}
