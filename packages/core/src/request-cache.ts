// The page-wide request cache: identical GETs share one request (API calls, static boundary files, from
// every client and element on the page), each caller may abort without disturbing the others, failures
// are forgotten so a retry asks again, and settled responses are reused until their time is up.

/** True for the rejection of an aborted or superseded request, which callers should ignore. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('the request was aborted', { cause: reason });
  error.name = 'AbortError';
  return error;
}

interface SharedRequest {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting; when the last one aborts, the request itself is aborted. */
  waiting: number;
  /** When a settled response stops being reused (ms since epoch); Infinity for boundaries. */
  expires: number;
}

/**
 * Page-wide: every client on the page shares it, so N maps cost one boundaries request. Keyed by the full
 * URL (the key is part of it). Failed requests are removed, so a retry asks the server again.
 */
const sharedRequests = new Map<string, SharedRequest>();

/** Forgets every shared response (tests; a page that knows the data changed). */
export function clearCache(): void {
  for (const entry of sharedRequests.values()) if (entry.waiting > 0) entry.controller.abort();
  sharedRequests.clear();
}

/** Drops settled responses past their time, so a long session of time-slider moves does not pile up values. */
function pruneExpired(): void {
  const now = Date.now();
  for (const [url, entry] of sharedRequests) if (entry.waiting === 0 && now > entry.expires) sharedRequests.delete(url);
}

/** Aborts when either signal does (`AbortSignal.any` where the browser has it: Safari < 17.4 does not). */
export function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/**
 * A GET shared with every other caller of the same URL on the page. `load` runs once per URL (until it
 * fails or its `ttl` in ms runs out after settling) with a signal that aborts when every caller has gone;
 * `signal` detaches only this caller.
 */
export function sharedRequest<T>(
  url: string,
  options: { ttl: number; load: (signal: AbortSignal) => Promise<unknown>; signal?: AbortSignal },
): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  let entry = sharedRequests.get(url);
  if (entry && entry.waiting === 0 && Date.now() > entry.expires) {
    sharedRequests.delete(url);
    entry = undefined;
  }
  if (!entry) {
    const controller = new AbortController();
    const created: SharedRequest = {
      controller,
      waiting: 0,
      expires: Number.POSITIVE_INFINITY,
      promise: Promise.resolve(),
    };
    created.promise = options.load(controller.signal).then(
      (body) => {
        created.expires = Date.now() + options.ttl;
        return body;
      },
      (error: unknown) => {
        if (sharedRequests.get(url) === created) sharedRequests.delete(url);
        throw error;
      },
    );
    // Rejections are delivered to each caller below; this keeps an unawaited failure from being "unhandled".
    created.promise.catch(() => {});
    pruneExpired();
    sharedRequests.set(url, created);
    entry = created;
  }
  return attach(entry, url, signal) as Promise<T>;
}

/** The shared promise as seen by one caller, who may abort without disturbing the others. */
function attach(entry: SharedRequest, url: string, signal: AbortSignal | undefined): Promise<unknown> {
  entry.waiting++;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      entry.waiting--;
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (done) return;
      finish();
      // Nobody else wants it: stop the download, and forget it so the next caller starts afresh.
      if (entry.waiting === 0) {
        entry.controller.abort();
        if (sharedRequests.get(url) === entry) sharedRequests.delete(url);
      }
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (value) => {
        if (done) return;
        finish();
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        finish();
        reject(error);
      },
    );
  });
}

/**
 * A static JSON file (a boundaries file a page names), fetched once per page through the same cache as
 * API requests. Rejects with an error naming the file and the status it answered.
 */
export function sharedFile<T>(url: string, signal?: AbortSignal): Promise<T> {
  return sharedRequest<T>(url, {
    ttl: Number.POSITIVE_INFINITY,
    load: async (shared) => {
      const response = await fetch(url, { signal: shared });
      if (!response.ok) throw new Error(`The boundaries file ${url} answered ${response.status}.`);
      return response.json();
    },
    ...(signal ? { signal } : {}),
  });
}
