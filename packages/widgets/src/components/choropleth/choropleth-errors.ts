// What <chronos-choropleth> says when something fails: a failure turned into the `chronos-error` detail
// (a `kind` a page can switch on, the server's refusal `code`), the headline shown for it (meant for the
// site owner who pasted the tag: which key, which origin, when the element retries) and whether a Retry
// button can help. Refusals of the key or the origin cannot be retried away; the rest can.
import { ChronosApiError } from '@chronos/core';
import type { ChronosErrorDetail } from '../../events/error.ts';

/** The `chronos-error` message when the browser takes the map's WebGL context. */
export const CONTEXT_LOST =
  'The browser took away the map’s graphics context (WebGL); it is redrawn when the browser allows.';

/** Used when a 429 names no Retry-After. */
const DEFAULT_RATE_LIMIT_WAIT_S = 10;

/** A failure of a load run as the `chronos-error` detail. */
export function describeFailure(error: unknown, api: string): ChronosErrorDetail {
  if (error instanceof ChronosApiError && error.status > 0) {
    const code = error.code ? { code: error.code } : {};
    if (error.status === 429 || error.code === 'rate_limited') {
      const retryAfter = error.retryAfter ?? DEFAULT_RATE_LIMIT_WAIT_S;
      return { kind: 'rate-limit', status: error.status, code: 'rate_limited', retryAfter, message: error.message };
    }
    const refused = error.code !== undefined || error.status === 401;
    return { kind: refused ? 'access' : 'api', status: error.status, ...code, message: error.message };
  }
  const kind = (error as { kind?: string }).kind;
  if (kind === 'map') return { kind: 'map', message: (error as Error).message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'network', message: `Could not load the map data from ${api}: ${message}` };
}

/** False where retrying cannot help: the key or the page's origin was refused. */
export function canRetry(detail: ChronosErrorDetail): boolean {
  return detail.kind !== 'access';
}

/** The first line of the error panel; `retryIn` is the live countdown of a rate limit, in seconds. */
export function headline(detail: ChronosErrorDetail, retryIn: number | undefined): string | undefined {
  const origin = globalThis.location?.origin ?? 'this page';
  switch (detail.code) {
    case 'origin_not_allowed':
      return `This key is not allowed on ${origin}.`;
    case 'unknown_key':
      return 'Unknown key: check the api-key attribute against the keys of your Chronos account.';
    case 'malformed_key':
      return 'The api-key attribute is not a publishable key (pk_…).';
    case 'key_revoked':
      return 'This key was revoked.';
    case 'key_required':
      return `A publishable key (api-key) is needed to show this map on ${origin}.`;
    case 'rate_limited':
      return retryIn !== undefined && retryIn > 0
        ? `Rate limited: retrying in ${retryIn} s.`
        : 'Rate limited: retrying…';
    default:
      return undefined;
  }
}

/** A map that could not be created, as the error its load run fails with (`kind: 'map'`). */
export function mapFailure(error: unknown): Error {
  const reason = (error as Error).message;
  // No WebGL is the browser's; a worker that cannot load is the page's or the build's.
  const message = /webgl/i.test(reason)
    ? `This browser cannot draw the map: ${reason}`
    : `The map cannot be drawn: ${reason}`;
  return Object.assign(new Error(message), { kind: 'map' });
}
